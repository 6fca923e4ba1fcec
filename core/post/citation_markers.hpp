#pragma once

#include "core/post/footnote_reader.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace refs::post {

/// One work a citation marker names, with the words around it.
struct CitedItem {
  std::string prefix;  ///< text before the key ("see"), trimmed
  std::string key;     ///< without `@` (and without the braces of `@{key}`)
  std::string locator; ///< text after the key, its leading comma dropped ("p. 3")
  bool suppress_author = false; ///< written `-@key`
};

/// A pandoc citation as written in a post: `[see @a, p. 3; @b]`, or (a
/// bare one) `@a` in running text, optionally followed by `[p. 3]`.
struct CitationMarker {
  bool bracketed = true;
  bool in_footnote = false; ///< inside a footnote definition
  int line = 0;             ///< 1-based
  std::size_t offset = 0;   ///< byte offset in the post's text
  std::size_t length = 0;   ///< bytes the marker takes
  std::size_t space_before = 0; ///< spaces and tabs right before it on its line
  /// Whether text stands before those spaces (not only a list, heading or
  /// quote marker, whose space the reference must not take).
  bool after_text = false;
  std::vector<CitedItem> items; ///< one for a bare marker
};

/// Finds the pandoc citation markers on the text lines of a post (`scan`
/// is read_footnotes of `text`): keys as pandoc reads them (a letter,
/// digit or `_`, then those and inner `:.#$%&-+?<>~/`; or `@{any}`).
/// A bracket followed by `(` or `[` is a link, not a citation; code spans,
/// HTML comments, links, escaped characters and e-mail addresses hold no
/// marker. A marker does not run past the end of its line. Bare markers
/// are returned too (`bracketed` false), for the caller to use or not.
std::vector<CitationMarker> scan_citation_markers(std::string_view text, const PostScan& scan);

} // namespace refs::post
