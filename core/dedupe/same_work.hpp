#pragma once

#include "core/dedupe/work_profile.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
/// same, their genres do not differ (scholarly against blog or news), their
/// years agree (both unknown, equal, or one apart between a preprint and a
/// published version), and their folded titles are equal (or equal but for
/// the math one of them lost: "μ-opioid" and "-opioid"), or reach
/// k_title_threshold with at most two words one typo apart (no word, prefix
/// or symbol of difference). Returns the similarity then.
std::optional<double> titles_match(const TitleKey& a, const TitleKey& b);

/// Whether two titles name one work by their words alone: the same after
/// folding (recased, repunctuated, other Unicode forms, math lost in one)
/// gives 1; the same numbers and k_title_threshold with at most two words
/// one typo apart give the similarity; anything else (a word added or
/// changed) nullopt. titles_match's rule without blocks, years or genres.
std::optional<double> same_title(std::string_view a, std::string_view b);

/// Whether two sets of unique keys (WorkProfile::unique) name different
/// works: both hold arXiv ids and share none, or both hold DOIs and share
/// none. Such citations are never joined, by any rule: a title or URL match
/// between them is a coincidence (two versions of a paper on one page, two
/// preprints naming one proceedings DOI).
bool unique_ids_conflict(const std::vector<std::string>& a, const std::vector<std::string>& b);

/// The rule a shared unique identifier `key` joins two works by, from their
/// unique keys: "preprint-doi" when the DOI is shared by an arXiv preprint
/// and a work without an arXiv id.
Match unique_match(const std::string& key, const std::vector<std::string>& a, const std::vector<std::string>& b);

/// The match of a title rule, named by its block ("a:" or "s:").
Match title_match(const TitleKey& key, double score);

/// One line for people: "same DOI 10.1/x", "title, first author and year (0.97)".
std::string describe(const Match& match);

} // namespace refs::dedupe
