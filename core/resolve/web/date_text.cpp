#include "core/resolve/web/date_text.hpp"

#include "core/resolve/web/month_names.hpp"
#include "core/util/string.hpp"
#include "core/util/time.hpp"

#include <array>
#include <cctype>
#include <string>
#include <vector>

namespace refs::resolve::web {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int number(std::string_view digits) { return digits.empty() || digits.size() > 4 ? -1 : std::stoi(std::string(digits)); }

model::Date checked(int y, int m, int d) {
  if (y < 1000 || y > 2999 || m < 0 || m > 12 || d < 0) {
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

/// "2023-11-22...", "2023/11/22", "2023.11.22", "2023-11", "2023".
model::Date iso_like(std::string_view s) {
  if (s.size() < 4 || !util::all_digits(s.substr(0, 4)) || (s.size() > 4 && is_digit(s[4]))) {
    return {};
  }
  const int y = number(s.substr(0, 4));
  if (s.size() >= 7 && (s[4] == '-' || s[4] == '/' || s[4] == '.') && util::all_digits(s.substr(5, 2))) {
    const int m = number(s.substr(5, 2));
    if (s.size() >= 10 && s[7] == s[4] && util::all_digits(s.substr(8, 2))) {
      return checked(y, m, number(s.substr(8, 2)));
    }
    return s.size() == 7 || !is_digit(s[7]) ? checked(y, m, 0) : model::Date{};
  }
  return s.size() == 4 ? checked(y, 0, 0) : model::Date{};
}

/// Korean, Japanese and Chinese: a year, then a month and a day, each
/// followed by its unit (년 월 일 / 年 月 日).
model::Date east_asian(std::string_view s) {
  static constexpr std::array<std::string_view, 3> k_year = {"년", "年", "년"};
  for (std::size_t i = 0; i + 4 < s.size(); ++i) {
    if (!is_digit(s[i]) || (i > 0 && is_digit(s[i - 1])) || !util::all_digits(s.substr(i, 4))) {
      continue;
    }
    std::size_t at = i + 4;
    const auto unit = [&](std::initializer_list<std::string_view> units) {
      while (at < s.size() && s[at] == ' ') {
        ++at;
      }
      for (std::string_view u : units) {
        if (s.substr(at, u.size()) == u) {
          at += u.size();
          while (at < s.size() && s[at] == ' ') {
            ++at;
          }
          return true;
        }
      }
      return false;
    };
    const auto digits = [&] {
      const std::size_t from = at;
      while (at < s.size() && is_digit(s[at]) && at - from < 2) {
        ++at;
      }
      return number(s.substr(from, at - from));
    };
    if (!unit({k_year[0], k_year[1]})) {
      continue;
    }
    const int y = number(s.substr(i, 4));
    const int m = digits();
    if (m <= 0 || !unit({"월", "月"})) {
      return checked(y, 0, 0);
    }
    const int d = digits();
    return d > 0 && unit({"일", "日"}) ? checked(y, m, d) : checked(y, m, 0);
  }
  return {};
}

struct Token {
  std::string text;
  bool numeric = false;
};

/// Words and numbers; a number keeps its inner dots and slashes
/// ("26.10.2023", "3/5/2022"). Stops where a time of day starts.
std::vector<Token> tokens_of(std::string_view s) {
  std::vector<Token> tokens;
  Token current;
  const auto flush = [&] {
    while (!current.text.empty() && (current.text.back() == '.' || current.text.back() == '/')) {
      current.text.pop_back();
    }
    if (!current.text.empty()) {
      tokens.push_back(current);
    }
    current = {};
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const auto u = static_cast<unsigned char>(c);
    if (c == ':' && i > 0 && is_digit(s[i - 1]) && i + 1 < s.size() && is_digit(s[i + 1])) {
      current = {};
      break;
    }
    if (is_digit(c)) {
      if (!current.text.empty() && !current.numeric) {
        flush();
      }
      current.numeric = true;
      current.text += c;
    } else if (current.numeric && (c == '.' || c == '/' || c == '-') && i + 1 < s.size() && is_digit(s[i + 1])) {
      current.text += c;
    } else if (std::isalpha(u) != 0 || u >= 0x80) {
      if (current.numeric) {
        flush();
      }
      current.text += c;
    } else {
      flush();
    }
  }
  flush();
  return tokens;
}

bool month_first(std::string_view language) {
  const std::string lang = util::to_lower_ascii(language);
  return lang.empty() || lang == "en" || lang == "en-us";
}

/// "26.10.2023", "3/5/2022", "10-26-2023": day and month in the page's order.
model::Date numeric_dmy(const std::string& token, std::string_view language) {
  std::vector<std::string_view> parts;
  std::size_t from = 0;
  for (std::size_t i = 0; i <= token.size(); ++i) {
    if (i == token.size() || !is_digit(token[i])) {
      parts.push_back(std::string_view(token).substr(from, i - from));
      from = i + 1;
    }
  }
  if (parts.size() != 3 || parts[2].size() != 4 || parts[0].size() > 2 || parts[1].size() > 2) {
    return {};
  }
  const int a = number(parts[0]);
  const int b = number(parts[1]);
  const int y = number(parts[2]);
  const bool us = token.find('.') == std::string::npos && month_first(language);
  if (a > 12 || (!us && b <= 12)) {
    return checked(y, b, a);
  }
  return checked(y, a, b);
}

model::Date written(std::string_view s, std::string_view language) {
  const std::vector<Token> tokens = tokens_of(s);
  int y = 0, m = 0, d = 0;
  std::size_t month_at = tokens.size();
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (t.numeric && t.text.find_first_of("./-") != std::string::npos) {
      if (model::Date date = iso_like(t.text); date.known()) {
        return date;
      }
      if (model::Date date = numeric_dmy(t.text, language); date.known()) {
        return date;
      }
      continue;
    }
    if (t.numeric && t.text.size() == 4 && y == 0) {
      y = number(t.text);
    } else if (!t.numeric && m == 0) {
      if ((m = month_from_name(t.text)) != 0) {
        month_at = i;
      }
    }
  }
  if (m == 0) {
    return {};
  }
  // The day is the number of one or two digits next to the month name
  // ("22 November", "November 22", "24. Januar", "3 de mayo").
  for (std::size_t i : {month_at - 1, month_at + 1, month_at - 2}) {
    if (i < tokens.size() && tokens[i].numeric && tokens[i].text.size() <= 2) {
      d = number(tokens[i].text);
      break;
    }
  }
  if (month_at >= 2 && d == 0 && tokens[month_at - 1].text == "de" && tokens[month_at - 2].numeric &&
      tokens[month_at - 2].text.size() <= 2) {
    d = number(tokens[month_at - 2].text);
  }
  return d <= 31 ? checked(y, m, d) : model::Date{};
}

} // namespace

model::Date parse_date_text(std::string_view text, std::string_view language) {
  const std::string_view s = util::trim(text);
  if (model::Date d = iso_like(s); d.known()) {
    return d;
  }
  if (model::Date d = east_asian(s); d.known()) {
    return d;
  }
  return written(s, language);
}

bool has_time_of_day(std::string_view text) {
  for (std::size_t i = 1; i + 1 < text.size(); ++i) {
    if (text[i] == ':' && is_digit(text[i - 1]) && is_digit(text[i + 1])) {
      return true;
    }
  }
  return false;
}

} // namespace refs::resolve::web
