#pragma once

#include "core/citeproc/pandoc_citeproc.hpp"
#include "core/config.hpp"
#include "core/pipeline/csl_markdown.hpp"
#include "core/post/footnote_insert.hpp"
#include "core/post/citation_markers.hpp"
#include "core/store/citation_store.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace refs::pipeline {

/// A marker `refs cite` replaces, with the works it names in its order.
struct MarkerWorks {
  const post::CitationMarker* marker;
  std::vector<store::StoredCitation> cited;
};

/// Where a post keeps the bibliography `refs cite --csl` writes for an
/// in-text style, and which works it lists.
struct BibliographyBlock {
  std::size_t offset = 0; ///< of its first line
  std::size_t length = 0; ///< through its last line's end
  std::vector<std::string> keys{}; ///< as recorded in it, in citing order
};

/// The block in `text`: between `<!-- refs: bibliography …-->` and
/// `<!-- refs: end of bibliography -->`, or a lone `<!-- refs: bibliography -->`
/// a writer placed to say where it goes. nullopt when there is none.
std::optional<BibliographyBlock> find_bibliography(std::string_view text);

/// What a post's markers become in a CSL style, made in one pandoc run in
/// the post's order (numbers, "ibid." and disambiguation follow it).
struct StyledCitations {
  bool note = false;
  /// Note styles: the note for a work with a locator (its footnote's text).
  std::map<std::pair<std::int64_t, std::string>, std::string> notes{};
  /// In-text styles: what each marker becomes, in order ("(Peng et al., 2023, p. 3)").
  std::vector<std::string> in_text{};
  /// In-text styles: the bibliography block, whole, every line ended.
  std::string bibliography{};
  std::size_t listed = 0; ///< its entries
  std::vector<std::string> warnings{}; ///< what pandoc warned of
};

/// Renders `markers` (with `line_end`, "\n" or "\r\n"). An in-text
/// style's bibliography lists `listed`, the works the post's block already
/// listed, first (in their order, so numbers stay), then the new ones. Fails with
/// one line when pandoc cannot render them.
tl::expected<StyledCitations, std::string> style_citations(const citeproc::CiteprocSetup& setup,
                                                           const std::vector<MarkerWorks>& markers,
                                                           const std::vector<store::StoredCitation>& listed,
                                                           const std::string& line_end);

/// Renders a post's markers in the style `choice` names, in its locale or
/// else the post's (front matter `lang`), after the works the post's
/// bibliography block lists (a key no longer in the library is dropped).
/// Fails with one line.
tl::expected<StyledCitations, std::string> styled_post(store::Library& library, const Config& config,
                                                       const CslChoice& choice, std::string_view text,
                                                       const std::vector<MarkerWorks>& markers);

/// The edit that puts `bibliography` where the post's block is, or at its end.
post::TextEdit bibliography_edit(std::string_view text, const std::string& bibliography);

} // namespace refs::pipeline
