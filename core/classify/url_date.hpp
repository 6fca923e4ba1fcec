#pragma once

#include "core/model/date.hpp"

#include <string_view>

namespace refs::classify {

/// The publication date a URL path states, as news sites and blogs write
/// it: `/2023/11/`, `/2023/11/22/`, or a slug ending in `-2023-10-24`.
/// Only years 1990-2099 with valid months and days count; nothing is guessed
/// (a bare `/2023/` is not taken). Returns a Date with year 0 when none.
model::Date date_in_path(std::string_view path);

} // namespace refs::classify
