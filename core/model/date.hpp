#pragma once

#include <compare>

namespace refs::model {

/// A calendar date of which only a prefix may be known: year, year-month or
/// year-month-day. A zero part means "not known" (and so do all parts after it).
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  bool known() const { return year != 0; }
  bool operator==(const Date&) const = default;
  /// Earlier dates first, by year, month, day (0, unknown, before 1).
  auto operator<=>(const Date&) const = default;
};

} // namespace refs::model
