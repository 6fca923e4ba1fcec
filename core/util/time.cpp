#include "core/util/time.hpp"

#include "core/util/string.hpp"

#include <chrono>
#include <cstdio>

namespace refs::util {

namespace {

std::chrono::year_month_day to_ymd(std::int64_t unix_seconds) {
  const std::chrono::sys_seconds t{std::chrono::seconds{unix_seconds}};
  return std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(t)};
}

} // namespace

model::Date utc_date(std::int64_t unix_seconds) {
  const auto ymd = to_ymd(unix_seconds);
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

std::string iso_timestamp(std::int64_t unix_seconds) {
  const model::Date d = utc_date(unix_seconds);
  std::int64_t rem = unix_seconds % 86400;
  if (rem < 0) {
    rem += 86400;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", d.year, d.month, d.day,
                static_cast<int>(rem / 3600), static_cast<int>(rem / 60 % 60),
                static_cast<int>(rem % 60));
  return buf;
}

std::string format_date(const model::Date& date) {
  char buf[32];
  if (date.year == 0) {
    return "";
  }
  if (date.month == 0) {
    std::snprintf(buf, sizeof buf, "%04d", date.year);
  } else if (date.day == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", date.year, date.month);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date.year, date.month, date.day);
  }
  return buf;
}

bool parse_date(const std::string& text, model::Date& date) {
  const auto parts = split(text, '-');
  if (parts.empty() || parts.size() > 3 || parts[0].size() != 4) {
    return false;
  }
  int values[3] = {0, 0, 0};
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (!all_digits(parts[i]) || (i > 0 && parts[i].size() != 2)) {
      return false;
    }
    values[i] = std::stoi(std::string(parts[i]));
  }
  if (values[0] == 0 || (parts.size() > 1 && (values[1] < 1 || values[1] > 12))) {
    return false;
  }
  if (parts.size() == 3) {
    using namespace std::chrono;
    const year_month_day ymd{year{values[0]}, month{static_cast<unsigned>(values[1])},
                             day{static_cast<unsigned>(values[2])}};
    if (!ymd.ok()) {
      return false;
    }
  }
  date = {values[0], values[1], values[2]};
  return true;
}

} // namespace refs::util
