#pragma once

#include "core/model/date.hpp"

#include <string>

namespace refs::csl {

/// "YYYY", "YYYY-MM" or "YYYY-MM-DD", as much as is known; "" when nothing is.
std::string format_date(const model::Date& date);

/// Parses what format_date writes; false (and `date` untouched) when the text
/// is not such a date or names an impossible month or day.
bool parse_date(const std::string& text, model::Date& date);

} // namespace refs::csl
