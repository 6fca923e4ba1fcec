#pragma once

#include "core/model/date.hpp"

#include <string_view>

namespace refs::resolve::web {

/// Reads a date as pages write it, in metadata or in the visible text:
/// ISO 8601 ("2023-11-22", "2023-11-22T10:00:00+09:00", "2023-11"), RFC 822
/// ("Wed, 22 Nov 2023 10:00:00 GMT"), numbers ("26.10.2023", "2023/11/22",
/// "3/5/2022"), month names in English, German, French, Spanish, Italian,
/// Portuguese and Dutch ("Nov. 22, 2023", "24. Januar 2022", "3 novembre
/// 2020", "3 de mayo de 2022"), and Korean, Japanese and Chinese dates
/// ("2020년 11월 3일", "2020年11月3日"). The calendar date as written is kept
/// (no time-zone shift), with only the precision written. `language` is
/// the page's (BCP 47, e.g. "en-US", "de"): "3/5/2022" is March 5 in US
/// English and 3 May elsewhere; a day above 12 decides either way. A Date
/// with year 0 when no date is read, or when it is not a real day.
model::Date parse_date_text(std::string_view text, std::string_view language = "");

/// True when `text` gives a time of day after its date ("…T23:30:00Z",
/// "… 10:34 PM"): such a date may have been shifted to another day by a
/// time zone.
bool has_time_of_day(std::string_view text);

} // namespace refs::resolve::web
