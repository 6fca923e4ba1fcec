#pragma once

#include "core/dedupe/work_profile.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace refs::dedupe {

/// Why two citations are one work. `rule` is one of: "arxiv-id", "doi",
/// "preprint-doi" (an arXiv preprint names the DOI of its published
/// version), "url", "canonical-url", "title-author-year",
/// "title-site-year"; `score` is 1 for identifiers and URLs, the title
/// similarity for the title rules; `detail` the shared identifier or URL.
struct Match {
  std::string rule;
  double score = 1.0;
  std::string detail;
};

/// Whether two title keys of one block name one work: their numbers are the
/// same, their genres do not differ (scholarly against web), their years
/// agree (both unknown, equal, or one apart between a preprint and a
/// published version) and their folded titles reach k_title_threshold.
/// Returns the similarity then.
std::optional<double> titles_match(const TitleKey& a, const TitleKey& b);

/// The rule a shared unique identifier joins by: "preprint-doi" when the DOI
/// is shared by an arXiv preprint and a work without an arXiv id.
Match unique_match(const std::string& key, const WorkProfile& a, const WorkProfile& b);

/// The match of a title rule, named by its block ("a:" or "s:").
Match title_match(const TitleKey& key, double score);

/// One line for people: "same DOI 10.1/x", "title, first author and year (0.97)".
std::string describe(const Match& match);

} // namespace refs::dedupe
