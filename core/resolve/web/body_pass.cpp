#include "core/resolve/web/body_pass.hpp"

#include "core/resolve/web/byline_rules.hpp"
#include "core/resolve/web/date_rules.hpp"
#include "core/resolve/web/gumbo_tree.hpp"
#include "core/resolve/web/headline_rules.hpp"
#include "core/resolve/web/microdata_scan.hpp"
#include "core/resolve/web/page_body.hpp"
#include "core/resolve/web/site_name_rules.hpp"

namespace refs::resolve::web {

BodyFindings read_body(std::string_view html, const std::string& language, const std::string& url, const model::Date& today) {
  BodyFindings findings;
  const PageBody body(html);
  if (body.root() == nullptr) {
    find_page_microdata(html, findings);
    return findings;
  }
  BodyScan scan;
  scan.elements = elements_in_order(body.root());
  scan.language = language;
  scan.url = url;
  find_headlines(scan, findings);
  find_bylines(scan, findings);
  find_dates(scan, today, findings);
  find_site_names(scan, findings);
  find_page_microdata(html, findings);
  return findings;
}

} // namespace refs::resolve::web
