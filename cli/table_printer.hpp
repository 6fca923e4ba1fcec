#pragma once

#include <string>
#include <vector>

namespace refs::cli {

/// Lays out rows in columns two spaces apart, each as wide as its widest
/// cell, with no trailing spaces. The last column is cut to fit
/// `width` columns when `width` > 0 (a terminal), and kept whole otherwise.
std::string format_table(const std::vector<std::vector<std::string>>& rows, int width);

/// "name:" padded to a column of 17, then the value, and a newline: the
/// field lines of `show` and `extract`.
std::string format_field(const std::string& name, const std::string& value);

} // namespace refs::cli
