#pragma once

#include "core/citeproc/citeproc_document.hpp"
#include "core/citeproc/csl_style.hpp"

#include <string>

#include <tl/expected.hpp>

namespace refs::citeproc {

/// How to render: pandoc (a program name or path), the style, the locale
/// ("" for the style's own).
struct CiteprocSetup {
  std::string pandoc = "pandoc";
  CslStyle style;
  std::string lang;
};

/// Renders `rendering` from the works in `csl_json` (a CSL-JSON array) with
/// pandoc's citeproc, the CSL processor Debian packages (pandoc --citeproc
/// --csl STYLE -t gfm). Fails with one line: pandoc missing (naming the
/// package), failing (its first line of error), or its output unreadable.
/// Throws refs::Error when no temporary folder can be made.
tl::expected<Rendered, std::string> render_citations(const CiteprocSetup& setup, const std::string& csl_json,
                                                     const Rendering& rendering);

} // namespace refs::citeproc
