#include "core/resolve/web/head_doubts.hpp"

#include "core/util/string.hpp"

#include <algorithm>
#include <array>

namespace refs::resolve::web {

namespace {

constexpr std::array<std::string_view, 9> k_separators = {" | ", " - ", " – ", " — ", " : ", " · ", " » ", " :: ", " / "};

bool has_separator(const std::string& text) {
  return std::any_of(k_separators.begin(), k_separators.end(), [&](std::string_view s) { return text.find(s) != std::string::npos; });
}

/// "2021-01-06T02:23:00Z": a time in UTC near midnight may be another day
/// where the page was written. A time with its own offset is local.
bool utc_near_midnight(const std::string& text) {
  const std::size_t t = text.find('T');
  if (t == std::string::npos || t + 3 > text.size() || !util::all_digits(text.substr(t + 1, 2))) {
    return false;
  }
  const bool utc = text.ends_with("Z") || text.ends_with("+00:00") || text.ends_with("+0000") || text.find('+') == std::string::npos;
  const int hour = std::stoi(text.substr(t + 1, 2));
  return utc && (hour < 6 || hour >= 18);
}

std::string source(const PageMetadata& page, const char* field) {
  const auto it = page.citation.sources.find(field);
  return it == page.citation.sources.end() ? "" : it->second;
}

} // namespace

std::vector<std::string> head_doubts(const PageMetadata& page, const HeadEvidence& head) {
  std::vector<std::string> doubts;
  const model::Citation& c = page.citation;
  const auto titled = [&](std::string_view origin) {
    const auto it = std::find_if(head.titles.begin(), head.titles.end(), [&](const auto& t) { return t.first == origin; });
    return it == head.titles.end() ? std::string() : it->second;
  };
  const std::string ld = titled("json-ld headline");
  const std::string og = titled("opengraph og:title");
  const std::string title_source = source(page, "title");
  if (c.title.empty()) {
    doubts.emplace_back("no title");
  } else if (title_source != "highwire" && (title_source == "title" || title_source == "twitter" || title_source == "dublin-core" ||
                                            has_separator(c.title) || (!ld.empty() && !og.empty() && ld != og))) {
    doubts.emplace_back("title in doubt");
  }
  if (c.authors.empty()) {
    doubts.emplace_back("no author");
  } else if (source(page, "author") == "title" ||
             (c.authors.size() == 1 && c.authors[0].given.empty() && c.authors[0].literal.find(' ') == std::string::npos)) {
    doubts.emplace_back("author in doubt");
  }
  if (!c.issued.known()) {
    doubts.emplace_back("no date");
  } else if (c.issued.day == 0 || (c.issued.month == 1 && c.issued.day == 1) || utc_near_midnight(head.issued_text)) {
    doubts.emplace_back("date in doubt");
  }
  const std::string& site = c.container_title;
  if (site.empty()) {
    doubts.emplace_back("no site");
  } else if (site.find('.') != std::string::npos || has_separator(site) || site.find(" (") != std::string::npos) {
    doubts.emplace_back("site in doubt");
  }
  return doubts;
}

} // namespace refs::resolve::web
