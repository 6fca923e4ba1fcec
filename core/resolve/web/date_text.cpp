#include "core/resolve/web/date_text.hpp"

#include "core/util/string.hpp"
#include "core/util/time.hpp"

#include <array>
#include <cctype>
#include <string>
#include <vector>

namespace refs::resolve::web {

namespace {

constexpr std::array<std::string_view, 12> k_months = {"jan", "feb", "mar", "apr", "may", "jun",
                                                       "jul", "aug", "sep", "oct", "nov", "dec"};

int month_of(std::string_view word) {
  const std::string w = util::to_lower_ascii(word);
  for (std::size_t i = 0; i < k_months.size(); ++i) {
    if (w.size() >= 3 && w.substr(0, 3) == k_months[i]) {
      return static_cast<int>(i) + 1;
    }
  }
  return 0;
}

model::Date checked(int y, int m, int d) {
  if (y < 1000 || y > 2999 || m < 0 || m > 12) {
    return {};
  }
  if (m == 0) {
    return {y, 0, 0};
  }
  if (d == 0) {
    return {y, m, 0};
  }
  return util::is_valid_day(y, m, d) ? model::Date{y, m, d} : model::Date{};
}

/// "2023-11-22...", "2023/11/22", "2023-11", "2023".
model::Date numeric(std::string_view s) {
  if (s.size() < 4 || !util::all_digits(s.substr(0, 4))) {
    return {};
  }
  const int y = std::stoi(std::string(s.substr(0, 4)));
  if (s.size() >= 7 && (s[4] == '-' || s[4] == '/' || s[4] == '.') && util::all_digits(s.substr(5, 2))) {
    const int m = std::stoi(std::string(s.substr(5, 2)));
    if (s.size() >= 10 && s[7] == s[4] && util::all_digits(s.substr(8, 2))) {
      return checked(y, m, std::stoi(std::string(s.substr(8, 2))));
    }
    return checked(y, m, 0);
  }
  return s.size() == 4 ? checked(y, 0, 0) : model::Date{};
}

/// Words and numbers of prose dates: "Wed, 22 Nov 2023", "November 22, 2023".
model::Date prose(std::string_view s) {
  std::vector<std::string> tokens;
  std::string token;
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
      token += c;
    } else if (!token.empty()) {
      tokens.push_back(token);
      token.clear();
    }
    if (c == ':') {
      break; // a time starts: the date is before it
    }
  }
  if (!token.empty()) {
    tokens.push_back(token);
  }
  int y = 0, m = 0, d = 0;
  for (const std::string& t : tokens) {
    if (util::all_digits(t) && t.size() == 4 && y == 0) {
      y = std::stoi(t);
    } else if (util::all_digits(t) && t.size() <= 2 && d == 0) {
      d = std::stoi(t);
    } else if (const int month = month_of(t); month > 0 && m == 0) {
      m = month;
    }
  }
  return m > 0 ? checked(y, m, d) : model::Date{};
}

} // namespace

model::Date parse_date_text(std::string_view text) {
  const std::string_view s = util::trim(text);
  if (model::Date d = numeric(s); d.known()) {
    return d;
  }
  return prose(s);
}

} // namespace refs::resolve::web
