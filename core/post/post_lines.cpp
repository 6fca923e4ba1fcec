#include "core/post/post_lines.hpp"

namespace refs::post {

std::vector<LineSpan> split_line_spans(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {
    text.remove_prefix(3);
  }
  std::vector<LineSpan> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || text[i] == '\r') {
      const std::size_t end = i;
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
        ++i;
      }
      lines.push_back({text.substr(start, end - start), text.substr(end, i + 1 - end)});
      start = i + 1;
    }
  }
  if (start < text.size()) {
    lines.push_back({text.substr(start), {}});
  }
  return lines;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  for (const LineSpan& span : split_line_spans(text)) {
    lines.push_back(span.text);
  }
  return lines;
}

int indent_width(std::string_view line) {
  int column = 0;
  for (char c : line) {
    if (c == ' ') {
      ++column;
    } else if (c == '\t') {
      column += 4 - column % 4;
    } else {
      break;
    }
  }
  return column;
}

std::string_view strip_indent(std::string_view line, int columns) {
  int column = 0;
  std::size_t i = 0;
  while (i < line.size() && column < columns && (line[i] == ' ' || line[i] == '\t')) {
    column += line[i] == '\t' ? 4 - column % 4 : 1;
    ++i;
  }
  return line.substr(i);
}

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t") == std::string_view::npos;
}

} // namespace refs::post
