#pragma once

#include "core/post/footnote_reader.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace refs::post {

/// Replaces bytes [offset, offset + length) of a post with `text`.
struct TextEdit {
  std::size_t offset = 0;
  std::size_t length = 0;
  std::string text;
};

/// The post with the edits applied (sorted by offset, none overlapping) and
/// the footnote definitions (`[^label]: ...`, one line each, no line end)
/// added at its end, laid out as the post lays out its own: separated by a
/// blank line, or not when its last two definitions are not, and with its
/// line ends (CRLF stays CRLF). Every other byte is kept, a byte order mark
/// included. `scan` is read_footnotes of `text`.
std::string insert_footnotes(std::string_view text, const PostScan& scan, const std::vector<TextEdit>& edits,
                             const std::vector<std::string>& definitions);

} // namespace refs::post
