#pragma once

#include "core/post/footnote_reader.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace refs::post {

/// Two footnotes of a post that cite the same work: `drop` is to become
/// `keep`.
struct FootnoteJoin {
  std::string keep;
  std::string drop;
};

/// The post with every `[^drop]` reference written `[^keep]` and the
/// definition of `[^drop]` removed (with one blank line next to it when it
/// stood between blank lines, so no gap of two is left). Every other byte
/// is kept: line ends, a byte order mark, references in code. `scan` is
/// read_footnotes of `text`; labels match case-insensitively, as in
/// Markdown; the first definition of a label is the one removed.
std::string join_footnotes(std::string_view text, const PostScan& scan, const std::vector<FootnoteJoin>& joins);

} // namespace refs::post
