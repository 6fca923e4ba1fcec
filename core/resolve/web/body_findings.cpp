#include "core/resolve/web/body_findings.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace refs::resolve::web {

namespace {

constexpr std::size_t k_npos = static_cast<std::size_t>(-1);
// How far from the headline, in elements, the article's header reaches.
constexpr std::size_t k_near_before = 40;
constexpr std::size_t k_near_after = 150;
// Alike elements away from the headline: as many as make a list.
constexpr std::size_t k_list_size = 4;
constexpr std::size_t k_list_reach = 25;

bool near(const BodyScan& scan, const Candidate& c) {
  const std::size_t position = c.position;
  // Microdata marks the article's own values wherever they sit.
  if (scan.headline == k_npos || c.rank == 0) {
    return true;
  }
  return position + k_near_before >= scan.headline && position <= scan.headline + k_near_after;
}

std::size_t distance(const BodyScan& scan, std::size_t position) {
  if (scan.headline == k_npos) {
    return position;
  }
  // A byline or date under the headline is likelier than one above it.
  return position >= scan.headline ? position - scan.headline : 2 * (scan.headline - position);
}

} // namespace

const GumboNode* headline_element(const BodyScan& scan) {
  return scan.headline == k_npos ? nullptr : scan.elements[scan.headline];
}

void rank_candidates(const BodyScan& scan, const char* field, std::vector<Candidate> candidates, std::vector<Finding>& out,
                     std::vector<Rejection>& rejected) {
  std::map<std::string, std::size_t> alike;
  for (const Candidate& c : candidates) {
    ++alike[c.finding.rule + c.finding.element];
  }
  std::vector<Candidate> kept;
  for (Candidate& c : candidates) {
    if (!c.zone.empty()) {
      rejected.push_back({field, std::move(c.finding), std::move(c.zone)});
      continue;
    }
    const std::size_t n = alike[c.finding.rule + c.finding.element];
    const bool by_headline = scan.headline != k_npos && c.position >= scan.headline &&
                             c.position <= scan.headline + k_list_reach;
    if (n >= k_list_size && !by_headline) {
      rejected.push_back({field, std::move(c.finding), "one of " + std::to_string(n) + " alike elements: a list of other articles"});
    } else {
      kept.push_back(std::move(c));
    }
  }
  std::stable_sort(kept.begin(), kept.end(), [&](const Candidate& a, const Candidate& b) {
    return std::make_tuple(!near(scan, a), a.rank, distance(scan, a.position)) <
           std::make_tuple(!near(scan, b), b.rank, distance(scan, b.position));
  });
  for (Candidate& c : kept) {
    out.push_back(std::move(c.finding));
  }
}

} // namespace refs::resolve::web
