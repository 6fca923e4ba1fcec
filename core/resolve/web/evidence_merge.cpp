#include "core/resolve/web/evidence_merge.hpp"

#include "core/resolve/web/merge_steps.hpp"

#include <utility>

namespace refs::resolve::web {

namespace merge {

std::string describe(const Finding& f) { return f.rule + " " + f.element; }

void take_from_body(PageMetadata& page, const char* field, const Finding& f, const std::string& how) {
  page.citation.sources[field] = "page";
  std::string origin = "page ";
  origin += describe(f);
  if (!how.empty()) {
    origin += " (" + how + ")";
  }
  page.provenance[field] = std::move(origin);
}

void reject(PageMetadata& page, const char* field, const Finding& f, const std::string& why) {
  page.rejected.push_back(std::string(field) + ": \"" + f.value.substr(0, 120) + "\" from " + describe(f) + ": " + why);
}

} // namespace merge

void merge_body_evidence(PageMetadata& page, const HeadEvidence& head, const BodyFindings& body) {
  merge::merge_site(page, head, merge::merge_title(page, head, body), body);
  merge::merge_authors(page, head, body);
  merge::merge_issued(page, head, body, page.citation.language);
  for (const Rejection& r : body.rejected) {
    merge::reject(page, r.field.c_str(), r.finding, r.why);
  }
}

} // namespace refs::resolve::web
