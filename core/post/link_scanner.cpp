#include "core/post/link_scanner.hpp"

#include "core/util/string.hpp"

#include <algorithm>
#include <optional>

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

/// Index after a code span opening at `i`, or npos when its backtick run is
/// never closed (then the backticks are literal).
std::size_t skip_code_span(std::string_view s, std::size_t i) {
  std::size_t run = 0;
  while (i + run < s.size() && s[i + run] == '`') {
    ++run;
  }
  for (std::size_t j = i + run; j < s.size();) {
    if (s[j] != '`') {
      ++j;
      continue;
    }
    std::size_t close = 0;
    while (j + close < s.size() && s[j + close] == '`') {
      ++close;
    }
    if (close == run) {
      return j + close;
    }
    j += close;
  }
  return std::string_view::npos;
}

/// Index of the `]` that closes the bracket opening at `open`, honouring
/// nesting, escapes and code spans; npos when there is none.
std::size_t find_closing_bracket(std::string_view s, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
    } else if (s[i] == '`') {
      const std::size_t end = skip_code_span(s, i);
      if (end != std::string_view::npos) {
        i = end - 1;
      }
    } else if (s[i] == '[') {
      ++depth;
    } else if (s[i] == ']' && --depth == 0) {
      return i;
    }
  }
  return std::string_view::npos;
}

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
std::optional<ScannedLink> parse_bracketed(std::string_view s, std::size_t& i) {
  const bool image = s[i] == '!';
  const std::size_t open = image ? i + 1 : i;
  const std::size_t close = find_closing_bracket(s, open);
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
    const std::size_t label_end = find_closing_bracket(s, j);
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
    return ScannedLink{Form::bare, "", "", "", "", i}; // consumed, but not a link we cite
  }
  return link;
}

std::optional<ScannedLink> parse_autolink(std::string_view s, std::size_t& i) {
  const std::size_t end = s.find('>', i);
  if (end == std::string_view::npos) {
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
  ScannedLink link{Form::autolink, "", std::string(body), "", "", i};
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
  ScannedLink link{Form::bare, "", trim_bare_url(s.substr(i, end - i)), "", "", i};
  i += link.destination.size();
  return link;
}

} // namespace

std::vector<ScannedLink> scan_links(std::string_view s) {
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
      const std::size_t end = skip_code_span(s, i);
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
      link = parse_bracketed(s, i);
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
      links.push_back(std::move(*link));
    }
  }
  return links;
}

} // namespace refs::post

namespace refs::post {

std::vector<FootnoteMarker> scan_footnote_markers(std::string_view s) {
  std::vector<FootnoteMarker> markers;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
    } else if (s[i] == '`') {
      const std::size_t end = skip_code_span(s, i);
      if (end != std::string_view::npos) {
        i = end - 1;
      }
    } else if (s.substr(i, 4) == "<!--") {
      const std::size_t end = s.find("-->", i + 4);
      i = end == std::string_view::npos ? s.size() : end + 2;
    } else if (s.substr(i, 2) == "[^") {
      const std::size_t close = s.find(']', i + 2);
      if (close == std::string_view::npos) {
        break;
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
