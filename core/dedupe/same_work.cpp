#include "core/dedupe/same_work.hpp"

#include "core/dedupe/title_similarity.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace refs::dedupe {

namespace {

bool has_arxiv(const WorkProfile& p) {
  return std::any_of(p.unique.begin(), p.unique.end(), [](const std::string& u) { return u.starts_with("arxiv:"); });
}

bool years_agree(const TitleKey& a, const TitleKey& b) {
  if (a.year == 0 || b.year == 0) {
    return a.year == b.year;
  }
  if (a.year == b.year) {
    return true;
  }
  const bool preprint_and_published = (a.stage == Stage::preprint && b.stage == Stage::published) ||
                                      (a.stage == Stage::published && b.stage == Stage::preprint);
  return preprint_and_published && std::abs(a.year - b.year) == 1;
}

} // namespace

std::optional<double> titles_match(const TitleKey& a, const TitleKey& b) {
  if (a.block != b.block || a.numbers != b.numbers || !years_agree(a, b)) {
    return std::nullopt;
  }
  if ((a.genre == Genre::web && b.genre == Genre::scholarly) || (a.genre == Genre::scholarly && b.genre == Genre::web)) {
    return std::nullopt;
  }
  const double score = title_similarity(a.title, b.title);
  if (score < k_title_threshold) {
    return std::nullopt;
  }
  return score;
}

Match unique_match(const std::string& key, const WorkProfile& a, const WorkProfile& b) {
  if (key.starts_with("arxiv:")) {
    return {"arxiv-id", 1.0, key.substr(6)};
  }
  const bool preprint = has_arxiv(a) != has_arxiv(b);
  return {preprint ? "preprint-doi" : "doi", 1.0, key.substr(4)};
}

Match title_match(const TitleKey& key, double score) {
  return {key.block.starts_with("a:") ? "title-author-year" : "title-site-year", score, ""};
}

std::string describe(const Match& match) {
  if (match.rule == "arxiv-id") {
    return "same arXiv id " + match.detail;
  }
  if (match.rule == "doi") {
    return "same DOI " + match.detail;
  }
  if (match.rule == "preprint-doi") {
    return "preprint of the published DOI " + match.detail;
  }
  if (match.rule == "url") {
    return "same URL " + match.detail;
  }
  if (match.rule == "canonical-url") {
    return "canonical URL " + match.detail;
  }
  char score[16];
  std::snprintf(score, sizeof score, "%.3f", match.score);
  const char* what = match.rule == "title-author-year" ? "same title, first author and year" : "same title, site and year";
  return std::string(what) + " (similarity " + score + ")";
}

} // namespace refs::dedupe
