#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace refs::post {

/// A link as written in inline Markdown, before reference links are looked up.
struct ScannedLink {
  enum class Form {
    inline_link, ///< [text](url "title") or [text](<url>)
    reference,   ///< [text][label], [text][] or [label]; `label` holds the label
    autolink,    ///< <scheme:...>
    bare,        ///< a bare http(s):// URL or doi:10.x/y in running text
  };
  Form form = Form::inline_link;
  std::string text;        ///< the link text as written (Markdown), empty for bare links
  std::string destination; ///< escapes removed; empty for the reference form
  std::string title;
  std::string label;
  std::size_t offset = 0; ///< byte offset of the link in the scanned text
  std::size_t length = 0; ///< bytes the link takes in the scanned text
};

/// Finds every link of a piece of inline Markdown (CommonMark/GFM rules for
/// link text nesting, escapes, `<...>` destinations, balanced parentheses and
/// titles; GFM's rules for bare URLs). Code spans, HTML comments, images and
/// footnote markers (`[^x]`) yield nothing. Never fails: what is not a link
/// is text.
std::vector<ScannedLink> scan_links(std::string_view text);

} // namespace refs::post

namespace refs::post {

/// A footnote marker `[^label]` found in running text.
struct FootnoteMarker {
  std::string label;
  std::size_t offset = 0;
};

/// Finds every `[^label]` of a piece of inline Markdown outside code spans
/// and HTML comments, and not escaped.
std::vector<FootnoteMarker> scan_footnote_markers(std::string_view text);

/// Bytes [begin, end) of a piece of text.
struct ByteRange {
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// The code spans and HTML comments of a piece of inline Markdown, in
/// order (a comment never closed runs to the end): text in which nothing is
/// markup.
std::vector<ByteRange> literal_ranges(std::string_view text);

/// The offset of the first `needle` outside code spans, or npos.
std::size_t find_outside_code(std::string_view text, std::string_view needle);

} // namespace refs::post
