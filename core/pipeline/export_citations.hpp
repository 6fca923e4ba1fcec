#pragma once

#include "core/citeproc/pandoc_citeproc.hpp"
#include "core/export/markdown_writer.hpp"
#include "core/store/library.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace refs::pipeline {

/// The formats `refs export` writes.
enum class ExportFormat { bibtex, biblatex, csl_json, markdown };

/// The order of exported entries. `natural`: a post's order for --post, by
/// key otherwise; `date`: oldest first (undated last), then by key.
enum class ExportOrder { natural, key, date };

/// What to export: the whole library, some posts' citations, or chosen
/// keys (aliases work too).
struct ExportRequest {
  ExportFormat format = ExportFormat::bibtex;
  std::vector<std::string> posts; ///< Markdown takes one: footnote labels are a post's own
  std::vector<std::string> keys;
  ExportOrder order = ExportOrder::natural;
  bool ascii = false; ///< BibTeX/BibLaTeX in ASCII with LaTeX accents, for 8-bit BibTeX
  exporting::MarkdownStyle markdown; ///< how Markdown definitions read
  /// Markdown in a CSL style instead (notes, or a bibliography), rendered by pandoc.
  std::optional<citeproc::CiteprocSetup> csl = {};
  /// When set, the text is handed to it in pieces as it is made, and only
  /// when nothing is in error; ExportOutcome::text stays empty. A whole
  /// library is then never held in memory as one text.
  std::function<void(std::string_view)> write = {};
};

/// The exported text, or why nothing was exported.
struct ExportOutcome {
  std::string text; ///< empty when ExportRequest::write took it
  std::vector<std::int64_t> unfixed_ids;  ///< exported citations whose keys are not fixed yet, for mark_exported()
  std::vector<std::string> errors; ///< one line each; non-empty means nothing was exported
  std::vector<std::string> warnings; ///< one line each: what the output could not say as asked
  /// Stored records that do not read, left out of the text, which holds
  /// every other citation: one line each, naming the key.
  std::vector<std::string> damaged;
};

/// Renders the selected citations (by key; with posts, in the posts' order
/// and, for Markdown, one footnote per footnote of the post under its own
/// labels). Unknown keys, or a post the library has never read, are all
/// reported as errors; a record that does not read is left out and named
/// in `damaged`. Changes nothing. Throws refs::Error when the library
/// fails.
ExportOutcome export_citations(store::Library& library, const ExportRequest& request);

/// Fixes the keys of exported citations, once the output is safely written:
/// they never change again. Throws refs::Error when the library fails.
void mark_exported(store::Library& library, const ExportOutcome& outcome);

} // namespace refs::pipeline
