#pragma once

#include <string>
#include <vector>

namespace refs::cli {

/// Lays out rows in columns two spaces apart, each as wide as its widest
/// cell, with no trailing spaces. The last column is cut to fit
/// `width` columns when `width` > 0 (a terminal), and kept whole otherwise.
std::string format_table(const std::vector<std::vector<std::string>>& rows, int width);

} // namespace refs::cli
