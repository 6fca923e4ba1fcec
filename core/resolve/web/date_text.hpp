#pragma once

#include "core/model/date.hpp"

#include <string_view>

namespace refs::resolve::web {

/// Reads a publication date as pages write it: ISO 8601 ("2023-11-22",
/// "2023-11-22T10:00:00+09:00", "2023-11"), RFC 822 ("Wed, 22 Nov 2023
/// 10:00:00 GMT"), and the common prose forms ("November 22, 2023",
/// "22 November 2023", "Nov. 22, 2023", "2023/11/22"). The calendar date as
/// written is kept (no time-zone shift). A Date with year 0 when unreadable.
model::Date parse_date_text(std::string_view text);

} // namespace refs::resolve::web
