#include "cli/terminal.hpp"

#include "core/util/utf8.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <unicode/uchar.h>

namespace refs::cli {

namespace {

int code_point_width(char32_t cp) {
  const auto c = static_cast<UChar32>(cp);
  const int category = u_charType(c);
  if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR ||
      cp == 0x200B) {
    return 0;
  }
  const int eaw = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH ? 2 : 1;
}

} // namespace

bool is_terminal(std::FILE* stream) { return isatty(fileno(stream)) == 1; }

int terminal_width() {
  if (!is_terminal(stdout)) {
    return 0;
  }
  winsize ws{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
    return ws.ws_col;
  }
  return 80;
}

int display_width(std::string_view text) {
  int width = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    width += code_point_width(util::next_code_point(text, pos));
  }
  return width;
}

std::string cut_to_width(std::string_view text, int columns) {
  if (display_width(text) <= columns) {
    return std::string(text);
  }
  std::string out;
  int width = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    const int w = code_point_width(util::next_code_point(text, pos));
    if (width + w > columns - 1) {
      break;
    }
    width += w;
    out.append(text.substr(start, pos - start));
  }
  return columns > 0 ? out + "…" : out;
}

std::string pad_to_width(std::string_view text, int columns) {
  std::string out(text);
  for (int w = display_width(text); w < columns; ++w) {
    out += ' ';
  }
  return out;
}

} // namespace refs::cli
