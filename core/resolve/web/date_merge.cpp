#include "core/resolve/web/merge_steps.hpp"

#include "core/csl/csl_date.hpp"
#include "core/resolve/web/date_text.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <utility>
#include <vector>

namespace refs::resolve::web::merge {

namespace {

long long day_number(const model::Date& d) {
  using namespace std::chrono;
  return sys_days(year{d.year} / month{static_cast<unsigned>(d.month)} / day{static_cast<unsigned>(d.day)}).time_since_epoch().count();
}

} // namespace

void merge_issued(PageMetadata& page, const HeadEvidence& head, const BodyFindings& body, const std::string& language) {
  model::Date& issued = page.citation.issued;
  std::vector<std::pair<const Finding*, model::Date>> shown;
  for (const Finding& f : body.dates) {
    if (const model::Date d = parse_date_text(f.value, language); d.known()) {
      shown.emplace_back(&f, d);
    }
  }
  if (shown.empty()) {
    return;
  }
  if (!issued.known()) {
    issued = shown.front().second;
    take_from_body(page, "issued", *shown.front().first, "");
    return;
  }
  // The page showing the head's day anywhere is agreement.
  if (std::any_of(shown.begin(), shown.end(), [&](const auto& s) { return s.second == issued; })) {
    return;
  }
  for (const auto& [f, d] : shown) {
    const bool full = d.day != 0 && issued.day != 0;
    const bool shifted = full && has_time_of_day(head.issued_text) && std::abs(day_number(d) - day_number(issued)) == 1 &&
                         f->rule != "URL date";
    const bool finer = d.year == issued.year && d.day != 0 && (issued.month == 0 || (issued.day == 0 && d.month == issued.month));
    const bool placeholder = d.year == issued.year && issued.month == 1 && issued.day == 1 && d.day != 0 &&
                             !has_time_of_day(head.issued_text);
    if (shifted || finer || placeholder) {
      const std::string how = shifted   ? "the page's own day; the head's " + head.issued_text + " is another time zone's"
                              : finer   ? "the day, where the head gives only " + csl::format_date(issued)
                                        : "the day, where the head gives January 1 of its year";
      issued = d;
      take_from_body(page, "issued", *f, how);
      return;
    }
  }
  reject(page, "issued", *shown.front().first, "the head's date " + csl::format_date(issued) + " stands");
}

} // namespace refs::resolve::web::merge
