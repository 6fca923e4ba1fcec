#pragma once

#include <cstdint>
#include <string>

namespace refs::util {

/// A day of the proleptic Gregorian calendar.
struct CivilDate {
  int year = 0;
  int month = 0;
  int day = 0;
};

/// The UTC calendar date of a Unix time.
CivilDate utc_civil_date(std::int64_t unix_seconds);

/// Today's UTC calendar date, from the system clock.
CivilDate utc_today();

/// "YYYY-MM-DDTHH:MM:SSZ" for a Unix time.
std::string iso_timestamp(std::int64_t unix_seconds);

/// Whether year-month-day names a real day (February 29 only in leap years).
bool is_valid_day(int year, int month, int day);

} // namespace refs::util
