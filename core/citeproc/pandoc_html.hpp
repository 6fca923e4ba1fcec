#pragma once

#include <string>
#include <vector>

#include <tl/expected.hpp>

namespace refs::citeproc {

/// Each piece of Markdown (as render_citations() gives it: GitHub
/// Markdown, whose text pandoc escaped, with pandoc's own raw HTML for
/// small caps and superscripts) as HTML blocks, by one pandoc run
/// (`pandoc -f gfm -t html`). Fails with one line when pandoc cannot run or
/// its output lacks a piece.
tl::expected<std::vector<std::string>, std::string> markdown_to_html(const std::string& pandoc,
                                                                     const std::vector<std::string>& pieces);

} // namespace refs::citeproc
