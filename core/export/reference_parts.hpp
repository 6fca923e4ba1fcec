#pragma once

#include "core/model/citation.hpp"

#include <string>
#include <vector>

namespace refs::exporting {

/// One sentence of a reference in refs' own `full` shape, as plain text
/// (each writer escapes it for its format).
struct ReferencePart {
  enum class Kind { authors, title, venue, arxiv, note, archived };
  Kind kind = Kind::title;
  std::string text;
  std::string url = {}; ///< when set, the text links there
};

/// The `full` shape, with only the parts that are known: `Authors. Title
/// (linked). Site, YYYY-MM-DD. arXiv:ID. Note. archived (linked).` The
/// Markdown footnotes and the HTML page both write it, so both say the
/// same.
std::vector<ReferencePart> full_reference(const model::Citation& citation);

/// Whether a part is followed by a period: a linked one always, else one
/// that does not end with one already ("et al.").
bool needs_period(const ReferencePart& part);

/// Up to three authors joined with ", "; with more, or with BibTeX's "and
/// others", the first and "et al."; as plain text.
std::string author_names(const model::Citation& citation);

/// Where a title links: the citation's URL, else its DOI or arXiv page;
/// "" when it has none.
std::string reference_link(const model::Citation& citation);

} // namespace refs::exporting
