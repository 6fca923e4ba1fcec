#pragma once

#include "core/model/date.hpp"

#include <cstdint>
#include <string>

namespace refs::util {

/// The UTC calendar date of a Unix time.
model::Date utc_date(std::int64_t unix_seconds);

/// "YYYY-MM-DDTHH:MM:SSZ" for a Unix time.
std::string iso_timestamp(std::int64_t unix_seconds);

/// "YYYY", "YYYY-MM" or "YYYY-MM-DD", as much as is known; "" when nothing is.
std::string format_date(const model::Date& date);

/// Parses what format_date writes; false (and `date` untouched) when the text
/// is not such a date or names an impossible month or day.
bool parse_date(const std::string& text, model::Date& date);

} // namespace refs::util
