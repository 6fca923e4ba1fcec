#include "core/post/inline_text.hpp"

#include "core/util/html_entities.hpp"
#include "core/util/string.hpp"


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
  return util::collapse_whitespace(util::decode_entities(out));
}

} // namespace refs::post
