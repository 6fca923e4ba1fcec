#pragma once

#include "core/model/citation.hpp"

#include <string>
#include <string_view>

namespace refs::dedupe {

/// What tells apart works that share a title, a URL or a DOI: the issues
/// of a recurring column ("Editor's introduction" in every TUGboat issue),
/// the chapters of a book that carry the book's URL or DOI, an article and
/// a stub page saved under its proxy URL.
struct WorkParts {
  std::string volume;     ///< letters and digits only, lower case
  std::string issue;      ///< the same
  std::string first_page; ///< the start of the page range
  std::string edition;    ///< its number when it has one ("2nd" → "2")
  std::string subtype;    ///< BibLaTeX's entrysubtype (a film and its TV broadcast)
  std::u32string initial; ///< the first author's first initial, folded (Arthur and Brian Smith)
  std::u32string title;   ///< folded letters; empty for a post's link text
};

/// `folded_title`, when the caller has it, is fold_letters(citation.title).
WorkParts parts_of(const model::Citation& citation, const std::u32string* folded_title = nullptr);

/// Why two works a rule found to be one are two, for people ("volume (3,
/// 4)", "title"), or "" when nothing tells them apart.
/// A part only one of them gives tells nothing, but for the subtype. The
/// first author's initial counts for the title rules only. Titles are compared only
/// for works joined by a shared DOI or URL (`rule` "doi", "url",
/// "canonical-url": the title rules compared them already, and an arXiv
/// preprint may change its title before it is published); they disagree
/// unless one is the other, begins it (a subtitle left out) or is alike
/// at 0.8 under one DOI, at the title rule's threshold under one URL.
std::string tells_apart(const WorkParts& a, const WorkParts& b, std::string_view rule);

} // namespace refs::dedupe
