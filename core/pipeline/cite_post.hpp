#pragma once

#include "core/config.hpp"
#include "core/export/markdown_writer.hpp"
#include "core/pipeline/csl_markdown.hpp"
#include "core/store/library.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <tl/expected.hpp>

namespace refs::pipeline {

/// What `refs cite` is asked to do with a post.
struct CiteRequest {
  std::filesystem::path post;
  bool bare = false; ///< also cite `@key` in running text
  /// How new definitions read; nullopt: as the post's own footnotes do
  /// (`link` when every one of them is only a link, else `full`).
  std::optional<exporting::MarkdownStyle> style;
  /// A CSL style instead: a note style's notes as the definitions, or an
  /// in-text style's citations in place of the markers and its bibliography
  /// in a block at the end (or where the post has the block's comment).
  std::optional<CslChoice> csl = {};
};

/// A post with its citation markers turned into footnotes.
struct CitedPost {
  std::filesystem::path path;
  std::string before; ///< the post as read
  std::string after;  ///< equal to `before` when there is an error or nothing to cite
  /// One line per unknown key ("post.md:12: unknown citation key 'x'"),
  /// in the post's order; non-empty means the post is not to be changed.
  std::vector<std::string> errors;
  /// One line per bare `@key` of a library key left as text (no --bare).
  std::vector<std::string> notes;
  /// What a CSL style's renderer warned of, one line each (a citation that
  /// renders as nothing).
  std::vector<std::string> warnings;
  std::vector<std::int64_t> citation_ids; ///< what the post now cites by key, for fix_cited_keys()
  std::size_t markers = 0; ///< markers replaced
  std::size_t added = 0;   ///< footnote definitions added
  std::size_t reused = 0;  ///< references to footnotes the post already had
  std::size_t listed = 0;  ///< works in the bibliography (an in-text CSL style)
};

/// Replaces the pandoc citation markers of a post (`[@key]`, `[see @a, p.
/// 3; @b]`, and with `bare` `@key`) by footnote references, and appends a
/// definition for each new footnote. A footnote's label is the citation's
/// key, or the label of the post's own footnote for that work, which is
/// reused; a locator gets a footnote of its own (`key-p3`) whose definition
/// ends with it. Keys may be aliases. A marker inside a footnote definition
/// becomes the citation's text in place (footnotes do not nest). Running it
/// on its own output changes nothing. Brings the library's dedupe keys up
/// to date, else only reads it. Fails with a one-line message naming the
/// post when it cannot be read.
tl::expected<CitedPost, std::string> cite_post(store::Library& library, const Config& config, const CiteRequest& request);

/// Replaces the post with `cited.after`, atomically, permissions kept.
/// Throws refs::Error naming the post when it changed since it was read
/// (nothing is written then) or cannot be written.
void write_cited_post(const CitedPost& cited);

/// Fixes the keys the post now names: they never change again. Throws
/// refs::Error when the library fails.
void fix_cited_keys(store::Library& library, const CitedPost& cited);

} // namespace refs::pipeline
