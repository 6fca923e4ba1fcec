#pragma once

#include "core/citeproc/pandoc_citeproc.hpp"
#include "core/pipeline/export_citations.hpp"
#include "core/pipeline/html_listing.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace refs::pipeline {

/// A bibliography page to write (`refs export --html`).
struct HtmlExportRequest {
  HtmlSelection selection;
  bool fragment = false;  ///< no document around it, to include in a site's page
  std::string title = {}; ///< "" for "Bibliography"
  /// References in a CSL style (rendered by pandoc) instead of refs' `full` shape.
  std::optional<citeproc::CiteprocSetup> csl = {};
  std::string generator = {}; ///< "refs 1.2.0"
  /// As ExportRequest::write: the page in pieces, only when nothing is in error.
  std::function<void(std::string_view)> write = {};
};

/// Writes the page (exporting/html_page.hpp) of the works list_for_page()
/// finds, each with its reference, links, citing posts and BibTeX. Unknown
/// keys or posts, or a style pandoc cannot render, are errors and nothing is
/// written; a record that does not read is left out and named in
/// `damaged`. Changes nothing. Throws refs::Error when the library fails.
ExportOutcome export_html(store::Library& library, const HtmlExportRequest& request);

} // namespace refs::pipeline
