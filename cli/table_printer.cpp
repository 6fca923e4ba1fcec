#include "cli/table_printer.hpp"

#include "cli/terminal.hpp"

#include <algorithm>

namespace refs::cli {

std::string format_table(const std::vector<std::vector<std::string>>& rows, int width) {
  std::vector<int> widths;
  for (const auto& row : rows) {
    widths.resize(std::max(widths.size(), row.size()), 0);
    for (std::size_t i = 0; i + 1 < row.size(); ++i) {
      widths[i] = std::max(widths[i], display_width(row[i]));
    }
  }
  std::string out;
  for (const auto& row : rows) {
    std::string line;
    int used = 0;
    for (std::size_t i = 0; i + 1 < row.size(); ++i) {
      line += pad_to_width(row[i], widths[i]) + "  ";
      used += widths[i] + 2;
    }
    if (!row.empty()) {
      const std::string& last = row.back();
      line += width > 0 ? cut_to_width(last, std::max(width - used, 8)) : last;
    }
    while (!line.empty() && line.back() == ' ') {
      line.pop_back();
    }
    out += line + "\n";
  }
  return out;
}

std::string format_field(const std::string& name, const std::string& value) {
  std::string label = name + ":";
  label.resize(std::max<std::size_t>(label.size() + 1, 17), ' ');
  return label + value + "\n";
}

} // namespace refs::cli
