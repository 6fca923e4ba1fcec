#include "core/post/inline_text.hpp"

#include "core/util/string.hpp"
#include "core/util/utf8.hpp"

#include <array>
#include <cstdlib>
#include <utility>

namespace refs::post {

namespace {

bool is_punctuation(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         static_cast<unsigned char>(c) >= 0x80;
}

/// An underscore is emphasis only at a word edge, so `snake_case` survives.
bool underscore_is_markup(std::string_view text, std::size_t i) {
  const bool before = i > 0 && is_word_char(text[i - 1]);
  const bool after = i + 1 < text.size() && is_word_char(text[i + 1]);
  return !(before && after);
}

bool decode_one(std::string_view text, std::size_t& i, std::string& out) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 6> k_named = {{
      {"&amp;", "&"},
      {"&lt;", "<"},
      {"&gt;", ">"},
      {"&quot;", "\""},
      {"&apos;", "'"},
      {"&nbsp;", " "},
  }};
  for (const auto& [name, value] : k_named) {
    if (text.substr(i, name.size()) == name) {
      out += value;
      i += name.size();
      return true;
    }
  }
  if (text.substr(i, 2) != "&#") {
    return false;
  }
  const std::size_t semi = text.find(';', i);
  if (semi == std::string_view::npos || semi - i > 10) {
    return false;
  }
  const bool hex = i + 2 < text.size() && (text[i + 2] == 'x' || text[i + 2] == 'X');
  const std::string digits(text.substr(i + (hex ? 3 : 2), semi - i - (hex ? 3 : 2)));
  char* end = nullptr;
  const unsigned long cp = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
  if (digits.empty() || *end != '\0' || cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return false;
  }
  util::append_utf8(out, static_cast<char32_t>(cp));
  i = semi + 1;
  return true;
}

/// Index of the `)` closing the link destination that opens at `open`, or
/// the last index when it never closes.
std::size_t skip_destination(std::string_view text, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;
    } else if (text[i] == '(') {
      ++depth;
    } else if (text[i] == ')' && --depth == 0) {
      return i;
    }
  }
  return text.size() - 1;
}

} // namespace

std::string decode_entities(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '&' && decode_one(text, i, out)) {
      continue;
    }
    out += text[i++];
  }
  return out;
}

std::string plain_text(std::string_view markdown) {
  std::string out;
  for (std::size_t i = 0; i < markdown.size(); ++i) {
    const char c = markdown[i];
    if (c == '\\' && i + 1 < markdown.size() && is_punctuation(markdown[i + 1])) {
      out += markdown[++i];
    } else if (markdown.substr(i, 4) == "<!--") {
      const std::size_t end = markdown.find("-->", i + 4);
      i = end == std::string_view::npos ? markdown.size() : end + 2;
    } else if (c == '!' && i + 1 < markdown.size() && markdown[i + 1] == '[') {
      continue; // the alt text that follows is kept
    } else if (c == ']' && i + 1 < markdown.size() && markdown[i + 1] == '(') {
      i = skip_destination(markdown, i + 1);
    } else if (c == '*' || c == '`' || c == '[' || c == ']' || c == '~') {
      continue;
    } else if (c == '_' && underscore_is_markup(markdown, i)) {
      continue;
    } else {
      out += c;
    }
  }
  return util::collapse_whitespace(decode_entities(out));
}

} // namespace refs::post
