#include "core/export/html_text.hpp"

#include "core/util/string.hpp"

namespace refs::exporting {

namespace {

/// What a byte becomes in HTML text: nullptr when it stays as it is.
const char* replacement(char c) {
  switch (c) {
  case '&': return "&amp;";
  case '<': return "&lt;";
  case '>': return "&gt;";
  case '"': return "&quot;";
  case '\'': return "&#39;";
  case '\t':
  case '\n':
  case '\r': return nullptr;
  default:
    // Other control characters are parse errors in HTML and never meant
    // as text: they are dropped.
    return static_cast<unsigned char>(c) < 0x20 || c == '\x7f' ? "" : nullptr;
  }
}

} // namespace

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  // Runs of bytes that stay are copied whole: pages of 100,000 entries are
  // mostly such runs.
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (const char* with = replacement(text[i])) {
      out.append(text.data() + run, i - run);
      out += with;
      run = i + 1;
    }
  }
  out.append(text.data() + run, text.size() - run);
  return out;
}

bool safe_link(std::string_view url) {
  return (util::starts_with_ci(url, "http://") || util::starts_with_ci(url, "https://") ||
          util::starts_with_ci(url, "ftp://")) &&
         url.find_first_of(" \t\r\n") == std::string_view::npos;
}

std::string html_link(std::string_view url, std::string_view text_html) {
  if (!safe_link(url)) {
    return std::string(text_html);
  }
  std::string out = "<a href=\"";
  out += escape_html(url);
  out += "\">";
  out += text_html;
  out += "</a>";
  return out;
}

} // namespace refs::exporting
