#include "core/export/latex_text.hpp"

#include "core/util/string.hpp"

#include <algorithm>

namespace refs::exporting {

namespace {

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

/// A capital after the first letter of the word or of one of its hyphen or
/// slash parts: "GPT-4", "YaRN", "LLM" but not "Large-Scale".
bool needs_protection(std::string_view word) {
  bool part_start = true;
  for (char c : word) {
    if (c == '-' || c == '/') {
      part_start = true;
      continue;
    }
    if (is_upper(c) && !part_start) {
      return true;
    }
    part_start = false;
  }
  return false;
}

/// Splits a title word into leading punctuation, core and trailing
/// punctuation, so "(YaRN):" braces only "YaRN".
void protect_word(std::string_view word, std::string& out) {
  constexpr std::string_view k_edge = "\"'()[]:;,.!?";
  std::size_t begin = 0;
  std::size_t end = word.size();
  while (begin < end && k_edge.find(word[begin]) != std::string_view::npos) {
    ++begin;
  }
  while (end > begin && k_edge.find(word[end - 1]) != std::string_view::npos) {
    --end;
  }
  const std::string_view core = word.substr(begin, end - begin);
  out += escape_latex(word.substr(0, begin));
  if (needs_protection(core)) {
    out += '{';
    out += escape_latex(core);
    out += '}';
  } else {
    out += escape_latex(core);
  }
  out += escape_latex(word.substr(end));
}

} // namespace

std::string escape_latex(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
    case '&':
    case '%':
    case '$':
    case '#':
    case '_':
      out += '\\';
      out += c;
      break;
    case '{':
      out += "\\textbraceleft{}";
      break;
    case '}':
      out += "\\textbraceright{}";
      break;
    case '~':
      out += "\\textasciitilde{}";
      break;
    case '^':
      out += "\\textasciicircum{}";
      break;
    case '\\':
      out += "\\textbackslash{}";
      break;
    default:
      out += c;
    }
  }
  return out;
}

std::string protect_title(std::string_view title) {
  std::string out;
  const auto words = util::split(title, ' ');
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) {
      out += ' ';
    }
    protect_word(words[i], out);
  }
  return out;
}

std::string bibtex_url(std::string_view url) {
  std::string out;
  for (char c : url) {
    switch (c) {
    case '{':
      out += "%7B";
      break;
    case '}':
      out += "%7D";
      break;
    case '\\':
      out += "%5C";
      break;
    case ' ':
      out += "%20";
      break;
    default:
      out += c;
    }
  }
  return out;
}

std::string url_argument(std::string_view url) {
  std::string out;
  for (char c : bibtex_url(url)) {
    if (c == '%' || c == '#') {
      out += '\\';
    }
    out += c;
  }
  return out;
}

} // namespace refs::exporting
