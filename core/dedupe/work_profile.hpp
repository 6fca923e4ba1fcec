#pragma once

#include "core/dedupe/work_parts.hpp"
#include "core/model/citation.hpp"

#include <optional>
#include <string>
#include <vector>

namespace refs::dedupe {

/// Bumped whenever profile_of changes what it derives: a library whose
/// stored keys were made by other rules has them made again.
constexpr int k_match_rules_version = 3;

/// Where a work stands between preprint and publication: a year apart is
/// allowed only between a preprint and its published version.
enum class Stage { other, preprint, published };

/// Scholarly works and commentary (blog posts, news stories) are never
/// joined by their titles: a post about a paper often carries the paper's
/// title. A plain web page may be a paper's landing page or copy.
enum class Genre { other, scholarly, web };

/// What the title rule compares, for works it applies to.
struct TitleKey {
  /// Only works in one block are compared: "a:" + the first author's folded
  /// family name (or corporate name), or for author-less pages "s:" + the
  /// cited URL's host (with the first path segment on hosts of people and
  /// projects, github.com/user), else the folded site name.
  std::string block;
  std::u32string words; ///< fold_words of the title (what is stored)
  std::u32string title; ///< the same without spaces (what is compared)
  std::string numbers;  ///< title_numbers, space-separated
  int year = 0;         ///< 0: not known
  Stage stage = Stage::other;
  Genre genre = Genre::other;
};

/// A URL a work is known by, in identity form (classify::identity_url).
struct UrlKey {
  std::string identity;
  bool canonical = false; ///< the page's own canonical URL, not a cited one
};

/// Everything the dedupe rules look at, derived from one citation.
struct WorkProfile {
  /// Identifiers unique in the library: "arxiv:ID" (also from a DataCite
  /// DOI 10.48550/arXiv.ID) and "doi:10.…" (lower case).
  std::vector<std::string> unique;
  std::vector<UrlKey> urls;
  std::optional<TitleKey> title;
  WorkParts parts; ///< what tells apart works the rules above find to be one
};

/// The unique key of an arXiv id or DOI ("arxiv:ID", "doi:10.…").
std::string unique_key(const model::WorkId& id);

/// The profile of a citation. Titles from the post's own link text never
/// get a title key (a link text is not a title), nor titles too short to
/// tell works apart; a canonical URL only counts when it is on the cited
/// URL's registrable domain and is not a home or section page.
WorkProfile profile_of(const model::Citation& citation);

} // namespace refs::dedupe
