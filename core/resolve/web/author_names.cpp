#include "core/resolve/web/author_names.hpp"

#include "core/csl/person_name.hpp"
#include "core/resolve/web/date_text.hpp"
#include "core/util/string.hpp"

#include <algorithm>
#include <cctype>
#include <array>

namespace refs::resolve::web {

namespace {

constexpr std::array<std::string_view, 16> k_placeholders = {
    "admin", "administrator", "anonymous", "unknown", "guest", "editor", "editors", "staff",
    "webmaster", "author", "user", "null", "undefined", "none", "no author", "unknown author"};

std::string normalised(std::string_view s) {
  std::string out;
  for (char c : util::to_lower_ascii(s)) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0 || static_cast<unsigned char>(c) >= 0x80) {
      out += c;
    }
  }
  return out;
}

bool is_name(const std::string& value, const std::string& site) {
  const std::string lower = util::to_lower_ascii(value);
  if (value.size() < 2 || value.size() > 100 || lower.starts_with("http") || lower.starts_with("www.") ||
      value.starts_with('@') || value.find('@') != std::string::npos || value.find('/') != std::string::npos) {
    return false;
  }
  if (parse_date_text(value).known() || std::find(k_placeholders.begin(), k_placeholders.end(), lower) != k_placeholders.end()) {
    return false;
  }
  return site.empty() || normalised(value) != normalised(site);
}

std::string strip_byline(std::string value) {
  value = util::collapse_whitespace(value);
  for (std::string_view prefix : {"by ", "written by ", "posted by ", "author: "}) {
    if (util::starts_with_ci(value, prefix)) {
      value = value.substr(prefix.size());
    }
  }
  // Korean and Japanese bylines end in "reporter": 김철수 기자, 山田太郎記者.
  for (std::string_view suffix : {" 기자", "기자", " 記者", "記者", " 특파원"}) {
    if (value.size() > suffix.size() && std::string_view(value).ends_with(suffix)) {
      value = value.substr(0, value.size() - suffix.size());
    }
  }
  for (std::string_view cut : {" updated ", " | ", " - published"}) {
    const std::size_t at = util::to_lower_ascii(value).find(cut);
    if (at != std::string::npos) {
      value = value.substr(0, at);
    }
  }
  return std::string(util::trim(value));
}

/// "A, B and C" / "A; B" / "A & B" -> names; "Family, Given" alone stays one.
std::vector<std::string> split_list(const std::string& value) {
  // Every separator becomes a comma (built anew: std::string::replace in a
  // loop trips g++ 12's false -Wrestrict warning).
  std::string v;
  for (std::size_t i = 0; i < value.size();) {
    bool matched = false;
    for (std::string_view sep : {" and ", " & ", ";", " und ", " et "}) {
      if (std::string_view(value).substr(i, sep.size()) == sep) {
        v += ',';
        i += sep.size();
        matched = true;
        break;
      }
    }
    if (!matched) {
      v += value[i++];
    }
  }
  std::vector<std::string> parts;
  for (std::string_view p : util::split(v, ',')) {
    if (const std::string_view t = util::trim(p); !t.empty()) {
      parts.emplace_back(t);
    }
  }
  // Two parts of which one is a single word: "Peng, Bowen" is one person.
  if (parts.size() == 2 && value.find(';') == std::string::npos && value.find(" and ") == std::string::npos &&
      (parts[0].find(' ') == std::string::npos || parts[1].find(' ') == std::string::npos)) {
    return {value};
  }
  return parts;
}

} // namespace

std::vector<model::Person> clean_authors(const std::vector<std::string>& values, const std::string& site_name) {
  std::vector<model::Person> people;
  std::vector<std::string> seen;
  for (const std::string& raw : values) {
    for (const std::string& part : split_list(strip_byline(raw))) {
      const std::string name = strip_byline(part);
      if (!is_name(name, site_name) || std::find(seen.begin(), seen.end(), normalised(name)) != seen.end()) {
        continue;
      }
      seen.push_back(normalised(name));
      people.push_back(csl::person_from_name(name));
    }
  }
  return people;
}

std::string clean_title(const std::string& title_in, const std::string& site_name) {
  const std::string title = util::collapse_whitespace(title_in);
  const std::string site = normalised(site_name);
  for (std::string_view sep : {" | ", " - ", " — ", " – ", " :: ", " · ", " » "}) {
    const std::size_t at = title.rfind(sep);
    if (at == std::string::npos || at == 0) {
      continue;
    }
    const std::string tail = normalised(title.substr(at + sep.size()));
    if (!site.empty() && !tail.empty() && (tail == site || site.starts_with(tail) || tail.starts_with(site))) {
      return title.substr(0, at);
    }
  }
  return title;
}

} // namespace refs::resolve::web
