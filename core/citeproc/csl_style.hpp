#pragma once

#include <filesystem>
#include <string>

#include <tl/expected.hpp>

namespace refs::citeproc {

/// A CSL style, ready for a CSL processor that cannot fetch: for a
/// dependent style (a journal that uses APA), its independent parent's file
/// with the dependent's locale.
struct CslStyle {
  std::filesystem::path file; ///< the independent style to render with
  std::string title;          ///< as the style names itself ("American Psychological Association 7th edition")
  bool note = false;          ///< a note style (footnotes), else in-text (author-date, numeric, label)
  std::string locale;         ///< the style's default-locale ("" for none)
};

/// Finds a style by file path (anything with a '/' or ending in .csl) or by
/// name among `styles` (Debian's citation-style-language-styles: names at
/// the top, dependent styles in dependent/). Fails with one line: no such
/// file or name (saying which package holds the styles when the folder is
/// missing), not a CSL style, or a dependent whose parent is not there.
tl::expected<CslStyle, std::string> find_csl_style(const std::string& name, const std::filesystem::path& styles);

} // namespace refs::citeproc
