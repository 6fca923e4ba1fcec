#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace refs::util {

/// The pieces joined, in one allocation (and without `"literal" +
/// temporary`, which GCC 12 -O3 takes for an overlapping copy).
std::string concat(std::initializer_list<std::string_view> pieces);

} // namespace refs::util
