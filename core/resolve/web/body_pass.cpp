#include "core/resolve/web/body_pass.hpp"

#include "core/resolve/web/byline_rules.hpp"
#include "core/resolve/web/date_rules.hpp"
#include "core/resolve/web/gumbo_tree.hpp"
#include "core/resolve/web/headline_rules.hpp"
#include "core/resolve/web/microdata_scan.hpp"
#include "core/resolve/web/page_body.hpp"
#include "core/resolve/web/site_name_rules.hpp"

#include <algorithm>
#include <memory>

namespace refs::resolve::web {

namespace {

// The parts of the window read at most: the first around the headline,
// then as many more as the window holds, up to this many in all.
constexpr int k_parts = 4;

/// A later part of the window starts inside containers it cannot see: a
/// find there made by an element alike (same rule, same tag and class) to
/// one the first part saw in furniture is taken to be in it too.
void drop_alike_to_furniture(std::vector<Finding>& found, std::size_t from, const char* field,
                             std::vector<Rejection>& rejected, std::size_t first_part_rejections) {
  for (std::size_t i = from; i < found.size();) {
    const auto in_furniture = std::find_if(rejected.begin(), rejected.begin() + static_cast<std::ptrdiff_t>(first_part_rejections),
                                           [&](const Rejection& r) {
                                             return r.field == field && r.finding.rule == found[i].rule &&
                                                    r.finding.element == found[i].element && r.why.starts_with("in ");
                                           });
    if (in_furniture == rejected.begin() + static_cast<std::ptrdiff_t>(first_part_rejections)) {
      ++i;
      continue;
    }
    rejected.push_back({field, std::move(found[i]), "alike to one " + in_furniture->why + " before it"});
    found.erase(found.begin() + static_cast<std::ptrdiff_t>(i));
  }
}

} // namespace

BodyFindings read_body(std::string_view html, const std::string& language, const std::string& url, const model::Date& today) {
  BodyFindings findings;
  auto body = std::make_unique<PageBody>(html);
  if (body->root() == nullptr) {
    find_page_microdata(html, findings);
    return findings;
  }
  {
    BodyScan scan;
    scan.elements = elements_in_order(body->root());
    scan.language = language;
    scan.url = url;
    find_headlines(scan, findings);
    find_bylines(scan, findings);
    find_dates(scan, today, findings);
    find_site_names(scan, findings);
  }
  // A byline or date under a long article: the window's next parts, one
  // tree at a time, while a field is still missing.
  const std::size_t first_part_rejections = findings.rejected.size();
  for (int part = 1; part < k_parts && body->continues() && (findings.bylines.empty() || findings.dates.empty()); ++part) {
    const PageBody::Rest rest = body->rest();
    body.reset();
    body = std::make_unique<PageBody>(html, rest);
    if (body->root() == nullptr) {
      break;
    }
    BodyScan scan;
    scan.elements = elements_in_order(body->root());
    scan.language = language;
    if (findings.bylines.empty()) {
      find_bylines(scan, findings);
      drop_alike_to_furniture(findings.bylines, 0, "author", findings.rejected, first_part_rejections);
    }
    if (findings.dates.empty()) {
      find_dates(scan, today, findings);
      drop_alike_to_furniture(findings.dates, 0, "issued", findings.rejected, first_part_rejections);
    }
  }
  find_page_microdata(html, findings);
  return findings;
}

} // namespace refs::resolve::web
