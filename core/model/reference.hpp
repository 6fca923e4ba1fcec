#pragma once

#include <string>
#include <vector>

namespace refs::model {

/// One link found inside a footnote definition.
struct Link {
  std::string text;  ///< the link text as plain text; for a bare URL or autolink, the footnote's text around it
  std::string url;   ///< the destination as written, escapes removed
  std::string title; ///< the optional link title (`[t](url "title")`)
  int line = 0;      ///< 1-based line of the post the link starts on
};

/// A footnote definition (`[^label]: ...`) with everything it cites.
struct Footnote {
  std::string label;
  int line = 0;             ///< 1-based line of the `[^label]:` marker
  int end_line = 0;         ///< 1-based last line of the definition (continuation lines included)
  std::string text;         ///< the definition's text, continuation lines joined by a space
  std::vector<Link> links;  ///< in order; the first is the primary one
  bool referenced = false;  ///< whether the post's text has a `[^label]` for it
};

/// What a post cites: one Reference per link of each footnote, or one for a
/// footnote without a link.
struct Reference {
  std::string label;
  int line = 0;
  int link_index = 0; ///< 0 for the primary link of the footnote
  std::string text;   ///< link text, or the footnote text when there is no link
  std::string url;    ///< empty for a note-only footnote
  std::string footnote_text;
};

} // namespace refs::model
