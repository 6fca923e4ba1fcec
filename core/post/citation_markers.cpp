#include "core/post/citation_markers.hpp"

#include "core/post/link_scanner.hpp"
#include "core/post/post_lines.hpp"
#include "core/util/string.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace refs::post {

// Pandoc's citation syntax, read one line at a time: a marker never spans
// lines here, which keeps a rewrite from touching more than the line it
// changes. Everything that hides markup (code spans, comments, links,
// escapes) is masked first, so a marker is only looked for in prose.

namespace {

/// The length of the key character at `j` (a letter or digit of any
/// script, or `_`), or 0: "@smith’s" is the key "smith", as in pandoc.
std::size_t key_char(std::string_view s, std::size_t j) {
  if (j >= s.size()) {
    return 0;
  }
  const auto c = static_cast<unsigned char>(s[j]);
  if (c < 0x80) {
    return std::isalnum(c) != 0 || c == '_' ? 1 : 0;
  }
  std::size_t i = j;
  UChar32 cp = 0;
  U8_NEXT(reinterpret_cast<const std::uint8_t*>(s.data()), i, s.size(), cp);
  return cp >= 0 && u_isalnum(cp) ? i - j : 0;
}

bool key_inner_punct(char c) { return std::string_view(":.#$%&-+?<>~/").find(c) != std::string_view::npos; }

/// The longest braced key `@{...}` read, so that a line of "@{@{@{..."
/// costs no scan to its end per brace.
constexpr std::size_t k_max_braced_key = 256;

/// Reads `@key` or `@{key}` at `i` (the `@`); the key and the index after
/// it, or an empty key.
std::pair<std::string, std::size_t> read_key(std::string_view s, std::size_t i) {
  std::size_t j = i + 1;
  if (j < s.size() && s[j] == '{') {
    const std::size_t close = s.substr(0, std::min(s.size(), j + 2 + k_max_braced_key)).find('}', j + 1);
    if (close == std::string_view::npos || close == j + 1) {
      return {"", i};
    }
    return {std::string(s.substr(j + 1, close - j - 1)), close + 1};
  }
  if (key_char(s, j) == 0) {
    return {"", i};
  }
  while (j < s.size()) {
    if (const std::size_t n = key_char(s, j); n > 0) {
      j += n;
    } else if (key_inner_punct(s[j]) && key_char(s, j + 1) > 0) {
      j += 1 + key_char(s, j + 1);
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
  return before == ' ' || before == '\t' || std::string_view("(\"'*~>").find(before) != std::string_view::npos;
}

/// Whether `prefix` (a line up to a marker, spaces dropped) is nothing but
/// block syntax: a list item, heading or quote marker, or nothing at all.
/// A reference cannot take the place of the space after those.
bool only_block_markers(std::string_view prefix) {
  prefix = util::trim(prefix);
  while (!prefix.empty()) {
    const std::size_t digits = prefix.find_first_not_of("0123456789");
    if (prefix[0] == '-' || prefix[0] == '+' || prefix[0] == '*' || prefix[0] == '>' || prefix[0] == '#') {
      prefix.remove_prefix(prefix[0] == '#' ? std::min(prefix.find_first_not_of('#'), prefix.size()) : 1);
    } else if (digits > 0 && digits != std::string_view::npos && (prefix[digits] == '.' || prefix[digits] == ')')) {
      prefix.remove_prefix(digits + 1);
    } else {
      return false;
    }
    if (!prefix.empty() && prefix[0] != ' ' && prefix[0] != '\t') {
      return false;
    }
    prefix = util::trim(prefix);
  }
  return true;
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
        marker->after_text = !only_block_markers(m_line.substr(0, marker->offset - marker->space_before));
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
    const char after = close + 1 < m_line.size() ? m_line[close + 1] : '\0';
    const bool line_start = util::trim(m_line.substr(0, open)).empty();
    if (after == '(' || after == '[' || (after == ':' && line_start)) {
      return std::nullopt; // a link, a reference link or a link definition
    }
    std::vector<CitedItem> items = read_items(open, close);
    if (items.empty()) {
      return std::nullopt;
    }
    CitationMarker marker;
    marker.offset = open;
    marker.length = close + 1 - open;
    marker.items = std::move(items);
    return marker;
  }

  /// The items of the brackets at `open` and `close`, split at `;`, or none
  /// when one of them holds no key (then it is not a citation). Nested
  /// brackets are text of an item and are stepped over whole, so that
  /// "[[[[..." costs one pass, not one per level.
  std::vector<CitedItem> read_items(std::size_t open, std::size_t close) const {
    std::vector<CitedItem> items;
    std::size_t from = open + 1;
    std::size_t at = std::string_view::npos; // the item's `@`
    for (std::size_t i = open + 1; i <= close; ++i) {
      const char c = m_line[i];
      if (c == '\\') {
        ++i;
      } else if (c == '[' && i < close && m_close[i] != std::string_view::npos && m_close[i] < close) {
        i = m_close[i];
      } else if (c == '@' && at == std::string_view::npos && item_key_start(from, i)) {
        at = i;
      } else if (c == ';' || i == close) {
        auto item = read_item(from, at, i);
        if (!item) {
          return {};
        }
        items.push_back(std::move(*item));
        from = i + 1;
        at = std::string_view::npos;
      }
    }
    return items;
  }

  /// Whether the `@` at `at` may begin an item's key: after a space, or a
  /// `-` after one (`-@key`), or at the item's start.
  bool item_key_start(std::size_t from, std::size_t at) const {
    const std::size_t start = at > from && m_line[at - 1] == '-' ? at - 1 : at;
    return start == from || m_line[start - 1] == ' ' || m_line[start - 1] == '\t';
  }

  /// `prefix @key locator` of bytes [from, end), its `@` at `at`.
  std::optional<CitedItem> read_item(std::size_t from, std::size_t at, std::size_t end) const {
    if (at == std::string_view::npos) {
      return std::nullopt;
    }
    const std::string_view item = m_line.substr(0, end);
    auto [key, after] = read_key(item, at);
    if (key.empty()) {
      return std::nullopt;
    }
    const bool dash = at > from && m_line[at - 1] == '-';
    CitedItem out{std::string(util::trim(m_line.substr(from, (dash ? at - 1 : at) - from))), std::move(key), "", dash};
    std::string_view rest = util::trim(item.substr(after));
    if (rest.starts_with(',')) {
      rest = util::trim(rest.substr(1));
    }
    out.locator = std::string(rest);
    return out;
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
