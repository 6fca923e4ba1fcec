#include "core/util/html_entities.hpp"

#include "core/util/utf8.hpp"

#include <array>
#include <cstdlib>
#include <utility>

namespace refs::util {

namespace {

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
  append_utf8(out, static_cast<char32_t>(cp));
  i = semi + 1;
  return true;
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

} // namespace refs::util
