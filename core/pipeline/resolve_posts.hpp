#pragma once

#include "core/config.hpp"
#include "core/pipeline/join_works.hpp"
#include "core/http/observer.hpp"
#include "core/model/citation.hpp"
#include "core/model/diagnostic.hpp"
#include "core/model/reference.hpp"
#include "core/store/library.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace refs::pipeline {

/// What became of one reference.
struct ReferenceOutcome {
  model::Reference reference;
  std::string kind;   ///< arxiv, doi, pdf, web, note or unsupported
  std::string status; ///< in the library: new (citation created), updated, or known (unchanged)
  std::string key;
  std::string title;
  std::optional<model::WorkId> work; ///< the work a source recognised, if any
  /// Where the citation's data comes from after this run: the source that
  /// described it now ("arxiv", "doi"), "cached" (an earlier fetch), "stored"
  /// (fetched before, --offline now) or "post" (only the post's own text).
  std::string via = "post";
  std::string problem; ///< why a source could not describe it, if one tried
  std::map<std::string, std::string> sources; ///< the citation's field sources after the run
};

/// What became of one post's references, in the post's order.
struct PostOutcome {
  std::string path; ///< as named on the command line or found below a directory
  std::vector<ReferenceOutcome> references;
  model::Date written{}; ///< the post's date (post_date.hpp): its pages' archived copies are the ones nearest it
};

/// What a run of `refs resolve` did, for the CLI to print.
struct ResolveOutcome {
  std::vector<PostOutcome> posts;
  std::vector<model::Diagnostic> diagnostics; ///< in the order they arose
  std::vector<model::Citation> citations;     ///< each cited work once, first-cited first
  bool failed = false; ///< a post could not be read: nothing was written
  int title_mismatches = 0; ///< fetched titles unlike the post's link text (each has a note)
  std::vector<Joined> merges; ///< citations found to be one work and joined (each has a note)
  /// Footnotes of one post that cite the same works as an earlier footnote
  /// of it (each has a warning).
  int repeated_footnotes = 0;
};

/// Reads every post (files, or the Markdown files below directories), turns
/// each footnote reference into a citation and stores both, one transaction
/// per reference, so a killed run keeps what it finished. A reference to a
/// work already in the library reuses its citation; re-reading a post
/// replaces its references (removed footnotes are unlinked, their citations
/// kept). A citation that is the same work as a stored one (dedupe rules)
/// joins it. When any post cannot be read, all such errors are reported and
/// nothing is written. Unless config.offline, the sources then describe the
/// works (fetch_works.hpp), `observer` hearing every request; a reference
/// whose source fails keeps the post's data and gets a warning. Throws
/// refs::Error when the library fails.
ResolveOutcome resolve_posts(store::Library& library, const Config& config,
                             const std::vector<std::string>& arguments, http::Observer* observer = nullptr);

} // namespace refs::pipeline
