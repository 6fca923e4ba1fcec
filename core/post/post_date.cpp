#include "core/post/post_date.hpp"

#include "core/post/front_matter.hpp"
#include "core/post/post_lines.hpp"
#include "core/util/string.hpp"
#include "core/util/time.hpp"

#include <chrono>
#include <optional>

namespace refs::post {

namespace {

/// The value of a `date:` (YAML) or `date =` (TOML) line, quotes removed.
std::string_view date_value(std::string_view line) {
  if (!line.starts_with("date")) {
    return {};
  }
  std::string_view rest = util::trim(line.substr(4));
  if (rest.empty() || (rest.front() != ':' && rest.front() != '=')) {
    return {};
  }
  rest = util::trim(rest.substr(1));
  if (rest.size() >= 2 && (rest.front() == '"' || rest.front() == '\'')) {
    rest = rest.substr(1, rest.size() - 2);
  }
  return rest;
}

/// YYYY-MM-DD at the start of `text` (what follows, a time or a zone, is
/// not needed), if it names a real day.
std::optional<model::Date> leading_date(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-' || !util::all_digits(text.substr(0, 4)) ||
      !util::all_digits(text.substr(5, 2)) || !util::all_digits(text.substr(8, 2))) {
    return std::nullopt;
  }
  const auto number = [&](std::size_t at, std::size_t n) {
    int v = 0;
    for (char c : text.substr(at, n)) {
      v = v * 10 + (c - '0');
    }
    return v;
  };
  const model::Date date{number(0, 4), number(5, 2), number(8, 2)};
  return util::is_valid_day(date.year, date.month, date.day) ? std::optional<model::Date>(date) : std::nullopt;
}

} // namespace

model::Date front_matter_date(std::string_view text) {
  const std::vector<std::string_view> lines = split_lines(text);
  const std::size_t end = front_matter_lines(lines);
  for (std::size_t i = 1; i + 1 < end; ++i) {
    if (const auto date = leading_date(date_value(lines[i]))) {
      return *date;
    }
  }
  return {};
}

model::Date post_date(std::string_view text, const std::filesystem::path& path) {
  if (const model::Date date = front_matter_date(text); date.known()) {
    return date;
  }
  std::error_code ec;
  const auto modified = std::filesystem::last_write_time(path, ec);
  if (ec) {
    return {};
  }
  const auto since_epoch = std::chrono::file_clock::to_sys(modified).time_since_epoch();
  const util::CivilDate day = util::utc_civil_date(std::chrono::duration_cast<std::chrono::seconds>(since_epoch).count());
  return {day.year, day.month, day.day};
}

} // namespace refs::post
