#include "core/post/link_scanner.hpp"

#include "core/util/string.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <utility>

namespace refs::post {

// Inline Markdown links, after CommonMark 0.30 §6.3 and GFM's extended
// autolinks. Only what a footnote definition needs: the link text, the
// destination and the title; emphasis and raw HTML are left to plain_text().
// Positions are byte offsets so the caller can turn them into line numbers.

namespace {

using Form = ScannedLink::Form;

bool is_ascii_punct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n'; }

/// Where each code span ends and each bracket closes, found in one pass
/// each, so that scanning stays linear however deep or unbalanced the text
/// is ("[[[[..." would otherwise cost a scan to the end per bracket).
class SpanIndex {
public:
  explicit SpanIndex(std::string_view s) {
    index_code_spans(s);
    index_brackets(s);
  }

  /// The index after the code span whose opening backtick run starts at
  /// `i`, or npos when that run is never closed (its backticks are literal).
  std::size_t code_span_end(std::size_t i) const { return lookup(m_code_end, i); }

  /// The index of the `]` closing the `[` at `i`, honouring nesting, escapes
  /// and code spans, or npos when there is none.
  std::size_t closing_bracket(std::size_t i) const { return lookup(m_bracket, i); }

private:
  static std::size_t lookup(const std::unordered_map<std::size_t, std::size_t>& map, std::size_t i) {
    const auto it = map.find(i);
    return it == map.end() ? std::string_view::npos : it->second;
  }

  void index_code_spans(std::string_view s) {
    std::vector<std::pair<std::size_t, std::size_t>> runs; // position, length
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '\\') {
        ++i;
      } else if (s[i] == '`') {
        const std::size_t start = i;
        while (i + 1 < s.size() && s[i + 1] == '`') {
          ++i;
        }
        runs.emplace_back(start, i - start + 1);
      }
    }
    // next[k]: the first later run of the same length, the one that closes k.
    std::vector<std::size_t> next(runs.size(), runs.size());
    std::unordered_map<std::size_t, std::size_t> seen;
    for (std::size_t k = runs.size(); k-- > 0;) {
      const auto it = seen.find(runs[k].second);
      next[k] = it == seen.end() ? runs.size() : it->second;
      seen[runs[k].second] = k;
    }
    for (std::size_t k = 0; k < runs.size(); ++k) {
      if (next[k] < runs.size()) {
        m_code_end[runs[k].first] = runs[next[k]].first + runs[next[k]].second;
        k = next[k]; // runs inside a span are code, not openers
      }
    }
  }

  void index_brackets(std::string_view s) {
    std::vector<std::size_t> open;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '\\') {
        ++i;
      } else if (const std::size_t end = code_span_end(i); end != std::string_view::npos) {
        i = end - 1;
      } else if (s[i] == '[') {
        open.push_back(i);
      } else if (s[i] == ']' && !open.empty()) {
        m_bracket[open.back()] = i;
        open.pop_back();
      }
    }
  }

  std::unordered_map<std::size_t, std::size_t> m_code_end;
  std::unordered_map<std::size_t, std::size_t> m_bracket;
};

std::string unescape(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && is_ascii_punct(s[i + 1])) {
      ++i;
    }
    out += s[i];
  }
  return out;
}

void skip_spaces(std::string_view s, std::size_t& i) {
  while (i < s.size() && is_space(s[i])) {
    ++i;
  }
}

/// Parses `<...>` or a run with balanced parentheses; npos-free result or nullopt.
std::optional<std::string> parse_destination(std::string_view s, std::size_t& i) {
  if (i < s.size() && s[i] == '<') {
    for (std::size_t j = i + 1; j < s.size(); ++j) {
      if (s[j] == '\\') {
        ++j;
      } else if (s[j] == '\n' || s[j] == '<') {
        return std::nullopt;
      } else if (s[j] == '>') {
        std::string dest = unescape(s.substr(i + 1, j - i - 1));
        i = j + 1;
        return dest;
      }
    }
    return std::nullopt;
  }
  const std::size_t start = i;
  int depth = 0;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\\' && i + 1 < s.size() && is_ascii_punct(s[i + 1])) {
      ++i;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      if (depth == 0) {
        break;
      }
      --depth;
    } else if (is_space(c) || static_cast<unsigned char>(c) < 0x20) {
      break;
    }
  }
  if (depth != 0) {
    return std::nullopt;
  }
  return unescape(s.substr(start, i - start));
}

std::optional<std::string> parse_title(std::string_view s, std::size_t& i) {
  if (i >= s.size()) {
    return std::nullopt;
  }
  const char open = s[i];
  const char close = open == '(' ? ')' : open;
  if (open != '"' && open != '\'' && open != '(') {
    return std::nullopt;
  }
  for (std::size_t j = i + 1; j < s.size(); ++j) {
    if (s[j] == '\\') {
      ++j;
    } else if (s[j] == close) {
      std::string title = unescape(s.substr(i + 1, j - i - 1));
      i = j + 1;
      return title;
    }
  }
  return std::nullopt;
}

/// `( dest "title" )` starting at `i` (the `(`); advances past `)` on success.
bool parse_inline_tail(std::string_view s, std::size_t& i, ScannedLink& link) {
  std::size_t j = i + 1;
  skip_spaces(s, j);
  auto dest = parse_destination(s, j);
  if (!dest) {
    return false;
  }
  const std::size_t before_title = j;
  skip_spaces(s, j);
  if (j > before_title) {
    if (auto title = parse_title(s, j)) {
      link.title = *title;
      skip_spaces(s, j);
    }
  }
  if (j >= s.size() || s[j] != ')') {
    return false;
  }
  link.destination = *dest;
  i = j + 1;
  return true;
}

/// Tries a link or image at `i` (the `[`, or the `!` of `![`).
std::optional<ScannedLink> parse_bracketed(std::string_view s, const SpanIndex& spans, std::size_t& i) {
  const bool image = s[i] == '!';
  const std::size_t open = image ? i + 1 : i;
  const std::size_t close = spans.closing_bracket(open);
  if (close == std::string_view::npos) {
    return std::nullopt;
  }
  ScannedLink link;
  link.offset = i;
  link.text = std::string(s.substr(open + 1, close - open - 1));
  std::size_t j = close + 1;
  if (j < s.size() && s[j] == '(' && parse_inline_tail(s, j, link)) {
    link.form = Form::inline_link;
  } else if (j < s.size() && s[j] == '[') {
    const std::size_t label_end = spans.closing_bracket(j);
    if (label_end == std::string_view::npos) {
      return std::nullopt;
    }
    link.form = Form::reference;
    link.label = std::string(s.substr(j + 1, label_end - j - 1));
    if (util::trim(link.label).empty()) {
      link.label = link.text;
    }
    j = label_end + 1;
  } else {
    link.form = Form::reference;
    link.label = link.text;
  }
  i = j;
  if (image || (link.form == Form::reference && link.label.starts_with('^'))) {
    return ScannedLink{Form::bare, "", "", "", "", i, 0}; // consumed, but not a link we cite
  }
  return link;
}

std::optional<ScannedLink> parse_autolink(std::string_view s, std::size_t& i) {
  // An autolink holds no space or '<', so the search can stop at one.
  const std::size_t end = s.find_first_of("> \t\n<", i + 1);
  if (end == std::string_view::npos || s[end] != '>') {
    return std::nullopt;
  }
  const std::string_view body = s.substr(i + 1, end - i - 1);
  const std::size_t colon = body.find(':');
  if (colon < 2 || colon == std::string_view::npos || colon > 32 ||
      body.find_first_of(" \t\n<") != std::string_view::npos) {
    return std::nullopt;
  }
  for (std::size_t k = 0; k < colon; ++k) {
    const char c = body[k];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                    (k > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '.' || c == '-'));
    if (!ok) {
      return std::nullopt;
    }
  }
  ScannedLink link{Form::autolink, "", std::string(body), "", "", i, 0};
  i = end + 1;
  return link;
}

/// GFM extended autolink: trailing punctuation and unbalanced `)` are not
/// part of the URL.
std::string trim_bare_url(std::string_view url) {
  while (!url.empty()) {
    const char c = url.back();
    if (std::string_view("?!.,:;*_~'\"").find(c) != std::string_view::npos) {
      url.remove_suffix(1);
      continue;
    }
    if (c == ')') {
      const auto opens = std::count(url.begin(), url.end(), '(');
      const auto closes = std::count(url.begin(), url.end(), ')');
      if (closes > opens) {
        url.remove_suffix(1);
        continue;
      }
    }
    break;
  }
  return std::string(url);
}

std::optional<ScannedLink> parse_bare(std::string_view s, std::size_t& i) {
  const bool at_word_start = i == 0 || is_space(s[i - 1]) || s[i - 1] == '(' || s[i - 1] == '*' ||
                             s[i - 1] == '_' || s[i - 1] == '"' || s[i - 1] == '\'';
  const std::string_view rest = s.substr(i);
  const bool url = util::starts_with_ci(rest, "https://") || util::starts_with_ci(rest, "http://");
  const bool doi = util::starts_with_ci(rest, "doi:10.");
  if (!at_word_start || (!url && !doi)) {
    return std::nullopt;
  }
  std::size_t end = i;
  while (end < s.size() && !is_space(s[end]) && s[end] != '<') {
    ++end;
  }
  ScannedLink link{Form::bare, "", trim_bare_url(s.substr(i, end - i)), "", "", i, 0};
  i += link.destination.size();
  return link;
}

} // namespace

std::vector<ScannedLink> scan_links(std::string_view s) {
  const SpanIndex spans(s);
  std::vector<ScannedLink> links;
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    std::optional<ScannedLink> link;
    const std::size_t before = i;
    if (c == '\\') {
      i += 2;
      continue;
    }
    if (c == '`') {
      const std::size_t end = spans.code_span_end(i);
      i = end == std::string_view::npos ? i + 1 : end;
      while (end == std::string_view::npos && i < s.size() && s[i] == '`') {
        ++i;
      }
      continue;
    }
    if (s.substr(i, 4) == "<!--") {
      const std::size_t end = s.find("-->", i + 4);
      i = end == std::string_view::npos ? s.size() : end + 3;
      continue;
    }
    if (c == '[' || (c == '!' && i + 1 < s.size() && s[i + 1] == '[')) {
      link = parse_bracketed(s, spans, i);
    } else if (c == '<') {
      link = parse_autolink(s, i);
    } else if (c == 'h' || c == 'H' || c == 'd' || c == 'D') {
      link = parse_bare(s, i);
    }
    if (!link) {
      i = before + 1;
      continue;
    }
    if (!link->destination.empty() || link->form == Form::reference) {
      link->length = i - link->offset;
      links.push_back(std::move(*link));
    }
  }
  return links;
}

} // namespace refs::post

namespace refs::post {

std::size_t find_outside_code(std::string_view s, std::string_view needle) {
  const SpanIndex spans(s);
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (const std::size_t end = spans.code_span_end(i); end != std::string_view::npos) {
      i = end - 1;
    } else if (s.substr(i, needle.size()) == needle) {
      return i;
    }
  }
  return std::string_view::npos;
}

std::vector<ByteRange> literal_ranges(std::string_view s) {
  const SpanIndex spans(s);
  std::vector<ByteRange> out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
    } else if (const std::size_t end = spans.code_span_end(i); end != std::string_view::npos) {
      out.push_back({i, end});
      i = end - 1;
    } else if (s.substr(i, 4) == "<!--") {
      const std::size_t close = s.find("-->", i + 4);
      out.push_back({i, close == std::string_view::npos ? s.size() : close + 3});
      i = out.back().end - 1;
    }
  }
  return out;
}

std::vector<FootnoteMarker> scan_footnote_markers(std::string_view s) {
  const SpanIndex spans(s);
  std::vector<FootnoteMarker> markers;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
    } else if (s[i] == '`') {
      const std::size_t end = spans.code_span_end(i);
      if (end != std::string_view::npos) {
        i = end - 1;
      } else {
        while (i + 1 < s.size() && s[i + 1] == '`') {
          ++i;
        }
      }
    } else if (s.substr(i, 4) == "<!--") {
      const std::size_t end = s.find("-->", i + 4);
      i = end == std::string_view::npos ? s.size() : end + 2;
    } else if (s.substr(i, 2) == "[^") {
      // A label holds no space or bracket, so the search can stop at one.
      const std::size_t close = s.find_first_of("] \t\n[", i + 2);
      if (close == std::string_view::npos || s[close] != ']') {
        continue;
      }
      const std::string_view label = s.substr(i + 2, close - i - 2);
      if (!label.empty() && label.find_first_of(" \t\n[") == std::string_view::npos) {
        markers.push_back({std::string(label), i});
        i = close;
      }
    }
  }
  return markers;
}

} // namespace refs::post
