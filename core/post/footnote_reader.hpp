#pragma once

#include "core/model/diagnostic.hpp"
#include "core/model/reference.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace refs::post {

/// A line of a post that holds Markdown text (not code, front matter, an
/// HTML comment or a link definition): where a citation marker may stand.
struct TextLine {
  int line = 0;           ///< 1-based
  std::size_t from = 0;   ///< byte offset in the line where the text starts (after a comment's `-->`)
  bool in_footnote = false; ///< part of a footnote definition
};

/// Everything a post cites, with what looked wrong in it.
struct PostScan {
  std::vector<model::Footnote> footnotes; ///< in the order they are defined
  std::vector<model::Diagnostic> diagnostics;
  /// The 1-based lines holding `[^label]` references the reader saw (not
  /// in code, comments or front matter), ascending: what a rewrite of the
  /// references may touch.
  std::vector<int> marker_lines;
  std::vector<TextLine> text_lines; ///< ascending
};

/// Reads every footnote definition of a Markdown post (kramdown, GFM and
/// pandoc syntax: `[^label]:` with indented or lazy continuation lines) and
/// the links each one cites, including definitions nothing refers to and
/// duplicate labels (both are kept and reported). Front matter, fenced and
/// indented code, code spans and HTML comments are not read. Reference-style
/// links are looked up in the post's link definitions. `where` names the post
/// in diagnostics ("post.md:41: ..."). The text must be valid UTF-8; a BOM
/// and CRLF line ends are accepted. Never fails.
PostScan read_footnotes(std::string_view text, const std::string& where);

/// One Reference per link of each footnote, in order, or one note-only
/// Reference (the footnote's text, no URL) for a footnote without a link.
std::vector<model::Reference> to_references(const std::vector<model::Footnote>& footnotes);

} // namespace refs::post
