#pragma once

#include "core/config.hpp"
#include "core/post/footnote_join.hpp"
#include "core/store/library.hpp"

#include <filesystem>
#include <string>
#include <vector>

#include <tl/expected.hpp>

namespace refs::pipeline {

/// Two footnotes of a post that cite the same works.
struct RepeatedFootnote {
  post::FootnoteJoin join;
  int keep_line = 0;
  int drop_line = 0;
};

/// What `refs dedupe --post` found in one post.
struct PostDedupe {
  std::filesystem::path path;
  std::vector<RepeatedFootnote> repeats; ///< joined in `after`
  /// Footnotes citing the same works as an earlier one but saying more
  /// ("…, table 5 shows the opposite"): left as they are, and reported.
  std::vector<RepeatedFootnote> kept_apart;
  std::string before; ///< the post as read
  std::string after;  ///< with each repeated footnote joined into the first
  std::string diff;   ///< unified diff from `before` to `after`, "" when equal
};

/// Finds the footnotes of a post that cite the same works as an earlier
/// footnote of it: each link is the work the library holds for it (found by
/// the dedupe rules, so a post need not have been resolved since a merge),
/// or else its own identifier or URL. A footnote is joined into the earlier
/// one only when it says nothing beyond its links, or the same; note-only
/// footnotes ("Ibid.") and labels defined twice are never joined. Brings
/// the library's dedupe keys up to date, else only reads it. Fails with a
/// one-line message naming the post when it cannot be read.
tl::expected<PostDedupe, std::string> find_repeated_footnotes(store::Library& library, const Config& config,
                                                              const std::filesystem::path& path);

/// Replaces the post with `dedupe.after`, atomically (temporary file and
/// rename; permissions kept). Throws refs::Error naming the post when it
/// changed since it was read (nothing is written then) or cannot be written.
void write_joined_post(const PostDedupe& dedupe);

} // namespace refs::pipeline
