#pragma once

#include "core/citeproc/pandoc_citeproc.hpp"
#include "core/config.hpp"
#include "core/export/markdown_writer.hpp"

#include <string>
#include <vector>

#include <tl/expected.hpp>

namespace refs::pipeline {

/// A citation style as a command was asked for it (`--csl`, `--lang`).
struct CslChoice {
  std::string style; ///< a name of Debian's styles or a .csl file
  std::string lang;  ///< "" for the post's or the style's own
};

/// What renders `choice`: the style found in config.csl_styles (a
/// dependent one resolved to its parent), the locale (`choice.lang`, else
/// `post_lang`) checked against config.csl_locales. Fails with one line.
tl::expected<citeproc::CiteprocSetup, std::string> csl_setup(const Config& config, const CslChoice& choice,
                                                             const std::string& post_lang = "");

/// `footnotes` in the style, as Markdown: for a note style, one footnote
/// definition per footnote under its label, holding its note; for an
/// in-text style (author-date, numeric), the bibliography of their works,
/// one paragraph per entry, in the style's order (a style without a
/// bibliography gives its citations as the footnotes). Fails with one line when
/// pandoc cannot render them; what it warns of goes to `warnings`.
tl::expected<std::string, std::string> csl_footnotes(const citeproc::CiteprocSetup& setup,
                                                     const std::vector<exporting::MarkdownFootnote>& footnotes,
                                                     std::vector<std::string>& warnings);

/// Each work in the style, as Markdown, in the order given: its entry of
/// the style's bibliography or, for a style without one, its citation (a
/// note style's note). Cited in this order, so a numeric style numbers
/// them so. Fails with one line when pandoc cannot render them.
tl::expected<std::vector<std::string>, std::string> csl_entries(const citeproc::CiteprocSetup& setup,
                                                                const std::vector<model::Citation>& works,
                                                                std::vector<std::string>& warnings);

/// The CSL-JSON array of these citations, each once (by key), for pandoc.
std::string works_json(const std::vector<model::Citation>& citations);

} // namespace refs::pipeline
