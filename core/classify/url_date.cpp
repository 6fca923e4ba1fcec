#include "core/classify/url_date.hpp"

#include "core/util/string.hpp"
#include "core/util/time.hpp"

#include <string>

namespace refs::classify {

namespace {

int number(std::string_view digits, std::size_t size) {
  if (digits.size() != size || !util::all_digits(digits)) {
    return -1;
  }
  return std::stoi(std::string(digits));
}

bool valid(int year, int month, int day) {
  if (year < 1990 || year > 2099 || month < 1 || month > 12) {
    return false;
  }
  return day == 0 || util::is_valid_day(year, month, day);
}

/// `-YYYY-MM-DD` at the end of the last path segment.
model::Date slug_date(std::string_view segment) {
  if (segment.size() < 11 || segment[segment.size() - 11] != '-') {
    return {};
  }
  const std::string_view tail = segment.substr(segment.size() - 10);
  const auto parts = util::split(tail, '-');
  if (parts.size() != 3) {
    return {};
  }
  const int y = number(parts[0], 4);
  const int m = number(parts[1], 2);
  const int d = number(parts[2], 2);
  return valid(y, m, d) && d > 0 ? model::Date{y, m, d} : model::Date{};
}

} // namespace

model::Date date_in_path(std::string_view path) {
  const auto segments = util::split(path, '/');
  for (std::size_t i = 0; i + 1 < segments.size(); ++i) {
    const int y = number(segments[i], 4);
    const int m = number(segments[i + 1], 2);
    if (!valid(y, m, 0)) {
      continue;
    }
    const int d = i + 2 < segments.size() ? number(segments[i + 2], 2) : -1;
    if (d > 0 && valid(y, m, d)) {
      return {y, m, d};
    }
    return {y, m, 0};
  }
  return segments.empty() ? model::Date{} : slug_date(segments.back());
}

} // namespace refs::classify
