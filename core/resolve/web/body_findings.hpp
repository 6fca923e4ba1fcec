#pragma once

#include <gumbo.h>

#include <cstddef>
#include <string>
#include <vector>

namespace refs::resolve::web {

/// A value the visible page gives for a field, and how it was found.
struct Finding {
  std::string value;   ///< as the page writes it
  std::string rule;    ///< the rule's name, as `refs extract -v` prints it ("byline text")
  std::string element; ///< the element it came from ("<p class=\"byline\">")
};

/// A value a rule saw and did not keep.
struct Rejection {
  std::string field; ///< "title", "author", "issued", "container-title"
  Finding finding;
  std::string why;
};

/// What the visible page says, each list best first.
struct BodyFindings {
  std::vector<Finding> headlines;
  std::vector<Finding> bylines;
  std::vector<Finding> dates;
  std::vector<Finding> site_names; ///< as the page's header shows it
  std::vector<Rejection> rejected;
};

/// The parsed article window as the rules walk it.
struct BodyScan {
  std::vector<const GumboNode*> elements; ///< document order
  /// The index in `elements` of the article's headline, or npos: bylines
  /// and dates are looked for near it.
  std::size_t headline = static_cast<std::size_t>(-1);
  std::string language; ///< the page's <html lang>, for "3/5/2022"
  std::string url;      ///< the page's URL, which may hold its date
};

/// A rule's find before ranking.
struct Candidate {
  int rank = 0;              ///< the rule's strength, 0 strongest
  std::size_t position = 0;  ///< index in BodyScan::elements
  Finding finding;
  std::string zone; ///< the page furniture it sits in (page_zones.hpp); such a candidate is rejected
};

/// Orders a field's candidates into `out`, best first: near the headline
/// (or marked by microdata, rank 0) before far from it, then the stronger
/// rule, then the nearer. Candidates in furniture are rejected with their
/// zone, but counted among alike elements. Rejects,
/// into `rejected`, candidates from elements the page repeats four times
/// or more away from the headline ("<div class=\"td-module-meta-info\">"
/// under every teaser): that is a list of other articles.
void rank_candidates(const BodyScan& scan, const char* field, std::vector<Candidate> candidates, std::vector<Finding>& out,
                     std::vector<Rejection>& rejected);

/// The article's headline element, or nullptr.
const GumboNode* headline_element(const BodyScan& scan);

} // namespace refs::resolve::web
