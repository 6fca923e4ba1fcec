#include "core/csl/csl_date.hpp"

#include "core/util/string.hpp"
#include "core/util/time.hpp"

#include <cstdio>

namespace refs::csl {

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
  const auto parts = util::split(text, '-');
  if (parts.empty() || parts.size() > 3 || parts[0].size() != 4) {
    return false;
  }
  int values[3] = {0, 0, 0};
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (!util::all_digits(parts[i]) || (i > 0 && parts[i].size() != 2)) {
      return false;
    }
    values[i] = std::stoi(std::string(parts[i]));
  }
  if (values[0] == 0 || (parts.size() > 1 && (values[1] < 1 || values[1] > 12)) ||
      (parts.size() == 3 && !util::is_valid_day(values[0], values[1], values[2]))) {
    return false;
  }
  date = {values[0], values[1], values[2]};
  return true;
}

} // namespace refs::csl
