#include "core/post/citation_markers.hpp"

#include "core/post/link_scanner.hpp"
#include "core/post/post_lines.hpp"
#include "core/util/string.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

namespace refs::post {

// Pandoc's citation syntax, read one line at a time: a marker never spans
// lines here, which keeps a rewrite from touching more than the line it
// changes. Everything that hides markup (code spans, comments, links,
// escapes) is masked first, so a marker is only looked for in prose.

namespace {

bool key_start(unsigned char c) { return std::isalnum(c) != 0 || c == '_' || c >= 0x80; }

bool key_inner_punct(char c) { return std::string_view(":.#$%&-+?<>~/").find(c) != std::string_view::npos; }

/// Reads `@key` or `@{key}` at `i` (the `@`); the key and the index after
/// it, or an empty key.
std::pair<std::string, std::size_t> read_key(std::string_view s, std::size_t i) {
  std::size_t j = i + 1;
  if (j < s.size() && s[j] == '{') {
    const std::size_t close = s.find('}', j + 1);
    if (close == std::string_view::npos || close == j + 1) {
      return {"", i};
    }
    return {std::string(s.substr(j + 1, close - j - 1)), close + 1};
  }
  if (j >= s.size() || !key_start(static_cast<unsigned char>(s[j]))) {
    return {"", i};
  }
  while (j < s.size()) {
    const auto c = static_cast<unsigned char>(s[j]);
    if (key_start(c)) {
      ++j;
    } else if (key_inner_punct(s[j]) && j + 1 < s.size() && key_start(static_cast<unsigned char>(s[j + 1]))) {
      j += 2;
    } else {
      break;
    }
  }
  return {std::string(s.substr(i + 1, j - i - 1)), j};
}

/// Where a bare key's `@` may stand: not inside a word (an e-mail
/// address), nor after a slash (a Medium URL's `/@user`) or a bracket that
/// is not a citation.
bool at_word_start(std::string_view s, std::size_t at) {
  if (at == 0) {
    return true;
  }
  const char before = s[at - 1];
  return before == ' ' || before == '\t' || std::string_view("({\"'*_~>").find(before) != std::string_view::npos;
}

/// One `prefix @key suffix` item of a bracketed citation, or nullopt when
/// the text holds no key (then the brackets are not a citation).
std::optional<CitedItem> read_item(std::string_view item) {
  for (std::size_t at = item.find('@'); at != std::string_view::npos; at = item.find('@', at + 1)) {
    const bool dash = at > 0 && item[at - 1] == '-';
    const std::size_t start = dash ? at - 1 : at;
    if (start > 0 && item[start - 1] != ' ' && item[start - 1] != '\t') {
      continue;
    }
    if (at > 0 && item[at - 1] == '\\') {
      continue;
    }
    auto [key, end] = read_key(item, at);
    if (key.empty()) {
      continue;
    }
    CitedItem out{std::string(util::trim(item.substr(0, start))), std::move(key), "", dash};
    std::string_view rest = util::trim(item.substr(end));
    if (rest.starts_with(',')) {
      rest = util::trim(rest.substr(1));
    }
    out.locator = std::string(rest);
    return out;
  }
  return std::nullopt;
}

/// The items of `[...]` (content without the brackets), split at `;`
/// outside nested brackets; empty when it is not a citation.
std::vector<CitedItem> read_items(std::string_view content) {
  std::vector<CitedItem> items;
  int depth = 0;
  std::size_t from = 0;
  for (std::size_t i = 0; i <= content.size(); ++i) {
    const char c = i < content.size() ? content[i] : ';';
    if (c == '\\') {
      ++i;
    } else if (c == '[') {
      ++depth;
    } else if (c == ']') {
      --depth;
    } else if (c == ';' && depth == 0) {
      auto item = read_item(content.substr(from, std::min(i, content.size()) - from));
      if (!item) {
        return {};
      }
      items.push_back(std::move(*item));
      from = i + 1;
    }
  }
  return items;
}

class LineScanner {
public:
  LineScanner(std::string_view line, std::size_t from) : m_line(line), m_masked(line.size(), false) {
    std::fill(m_masked.begin(), m_masked.begin() + static_cast<long>(std::min(from, line.size())), true);
    for (const ByteRange& r : literal_ranges(line)) {
      mask(r.begin, r.end);
    }
    for (const ScannedLink& link : scan_links(line)) {
      if (link.form != ScannedLink::Form::reference) {
        mask(link.offset, link.offset + link.length);
      }
    }
    // Bracket pairs and masked counts are found once, so that no input
    // ("[[[[...") costs a scan to the end of the line per bracket.
    m_close.assign(line.size(), std::string_view::npos);
    std::vector<std::size_t> open;
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '\\') {
        ++i;
      } else if (line[i] == '[') {
        open.push_back(i);
      } else if (line[i] == ']' && !open.empty()) {
        m_close[open.back()] = i;
        open.pop_back();
      }
    }
    m_masked_before.assign(line.size() + 1, 0);
    for (std::size_t i = 0; i < line.size(); ++i) {
      m_masked_before[i + 1] = m_masked_before[i] + (m_masked[i] ? 1 : 0);
    }
  }

  std::vector<CitationMarker> scan() {
    std::vector<CitationMarker> out;
    for (std::size_t i = 0; i < m_line.size(); ++i) {
      if (m_masked[i]) {
        continue;
      }
      if (m_line[i] == '\\') {
        ++i;
        continue;
      }
      if (m_line[i] == '[' && i > 0 && m_line[i - 1] == '!') {
        const std::size_t close = closing(i); // an image: its alt text cites nothing
        i = close == std::string_view::npos ? i : close;
        continue;
      }
      std::optional<CitationMarker> marker = m_line[i] == '[' ? bracketed(i) : m_line[i] == '@' ? bare(i) : std::nullopt;
      if (marker) {
        i = marker->offset + marker->length - 1;
        marker->space_before = spaces_before(marker->offset);
        out.push_back(std::move(*marker));
      }
    }
    return out;
  }

private:
  void mask(std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end && i < m_masked.size(); ++i) {
      m_masked[i] = true;
    }
  }

  bool clear(std::size_t begin, std::size_t end) const { return m_masked_before[end] == m_masked_before[begin]; }

  /// The `]` closing the `[` at `open` on this line, or npos.
  std::size_t closing(std::size_t open) const { return m_close[open]; }

  std::optional<CitationMarker> bracketed(std::size_t open) const {
    if (open + 1 < m_line.size() && m_line[open + 1] == '^') {
      return std::nullopt; // a footnote reference
    }
    const std::size_t close = closing(open);
    if (close == std::string_view::npos || !clear(open, close + 1)) {
      return std::nullopt;
    }
    if (close + 1 < m_line.size() && (m_line[close + 1] == '(' || m_line[close + 1] == '[' || m_line[close + 1] == ':')) {
      return std::nullopt; // a link, a reference link or a definition
    }
    std::vector<CitedItem> items = read_items(m_line.substr(open + 1, close - open - 1));
    if (items.empty()) {
      return std::nullopt;
    }
    CitationMarker marker;
    marker.offset = open;
    marker.length = close + 1 - open;
    marker.items = std::move(items);
    return marker;
  }

  /// `@key`, with a following ` [locator]` as pandoc reads in-text citations.
  std::optional<CitationMarker> bare(std::size_t at) const {
    if (!at_word_start(m_line, at)) {
      return std::nullopt;
    }
    auto [key, end] = read_key(m_line, at);
    if (key.empty()) {
      return std::nullopt;
    }
    CitationMarker marker;
    marker.bracketed = false;
    marker.offset = at;
    marker.items.push_back({"", std::move(key), "", false});
    std::size_t next = end;
    while (next < m_line.size() && m_line[next] == ' ') {
      ++next;
    }
    if (next < m_line.size() && m_line[next] == '[' && next + 1 < m_line.size() && m_line[next + 1] != '^') {
      const std::size_t close = closing(next);
      const bool plain = close != std::string_view::npos && clear(next, close + 1) &&
                         (close + 1 >= m_line.size() || (m_line[close + 1] != '(' && m_line[close + 1] != '['));
      const std::string_view inside = plain ? m_line.substr(next + 1, close - next - 1) : std::string_view{};
      if (plain && inside.find('@') == std::string_view::npos && inside.find_first_of("[]") == std::string_view::npos) {
        marker.items.front().locator = std::string(util::trim(inside));
        end = close + 1;
      }
    }
    marker.length = end - at;
    return marker;
  }

  std::size_t spaces_before(std::size_t at) const {
    std::size_t n = 0;
    while (n < at && (m_line[at - n - 1] == ' ' || m_line[at - n - 1] == '\t')) {
      ++n;
    }
    return n;
  }

  std::string_view m_line;
  std::vector<bool> m_masked;
  std::vector<std::size_t> m_close;         ///< for each `[`, its `]` (or npos)
  std::vector<std::size_t> m_masked_before; ///< masked bytes before each index
};

} // namespace

std::vector<CitationMarker> scan_citation_markers(std::string_view text, const PostScan& scan) {
  const std::vector<LineSpan> lines = split_line_spans(text);
  std::vector<CitationMarker> out;
  for (const TextLine& t : scan.text_lines) {
    if (t.line < 1 || static_cast<std::size_t>(t.line) > lines.size()) {
      continue;
    }
    const std::string_view line = lines[static_cast<std::size_t>(t.line - 1)].text;
    if (line.find_first_of("@") == std::string_view::npos) {
      continue;
    }
    const auto line_offset = static_cast<std::size_t>(line.data() - text.data());
    for (CitationMarker& m : LineScanner(line, t.from).scan()) {
      m.line = t.line;
      m.in_footnote = t.in_footnote;
      m.offset += line_offset;
      out.push_back(std::move(m));
    }
  }
  return out;
}

} // namespace refs::post
