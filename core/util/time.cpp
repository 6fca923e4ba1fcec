#include "core/util/time.hpp"

#include <chrono>
#include <cstdio>

namespace refs::util {

CivilDate utc_civil_date(std::int64_t unix_seconds) {
  const std::chrono::sys_seconds t{std::chrono::seconds{unix_seconds}};
  const std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(t)};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

std::string iso_timestamp(std::int64_t unix_seconds) {
  const CivilDate d = utc_civil_date(unix_seconds);
  std::int64_t rem = unix_seconds % 86400;
  if (rem < 0) {
    rem += 86400;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", d.year, d.month, d.day,
                static_cast<int>(rem / 3600), static_cast<int>(rem / 60 % 60), static_cast<int>(rem % 60));
  return buf;
}

bool is_valid_day(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1) {
    return false;
  }
  using namespace std::chrono;
  return year_month_day{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                        std::chrono::day{static_cast<unsigned>(day)}}
      .ok();
}

CivilDate utc_today() {
  return utc_civil_date(std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count());
}

} // namespace refs::util
