#pragma once

#include "core/config.hpp"
#include "core/model/diagnostic.hpp"
#include "core/pipeline/join_works.hpp"
#include "core/store/library.hpp"

#include <string>
#include <vector>

namespace refs::pipeline {

/// What importing one file did.
struct FileImport {
  std::string path;
  int entries = 0; ///< read without error
  int added = 0;   ///< new citations
  int updated = 0; ///< merged into a stored citation of the same work
  int known = 0;   ///< stored already, nothing new
  int skipped = 0; ///< entries in error
};

struct ImportOutcome {
  std::vector<FileImport> files;
  /// "FILE:LINE: what", in each file's order: skipped entries, what was
  /// left out of an entry, keys, joins (undoable) and works kept apart.
  std::vector<model::Diagnostic> diagnostics;
  bool failed = false; ///< a file could not be read, or an entry was skipped
};

/// Imports BibTeX/BibLaTeX files (bibtex_reader.hpp) and CSL-JSON files (an
/// array or one object; chosen by a `.json` name or a first `[`/`{`), each
/// in one transaction, through the same dedupe as `resolve`
/// (store_incoming): an entry that is a stored work is joined with it, the
/// join recorded as `dedupe --apply` records it (undoable, listed in
/// `--history`), and its key becomes a former key there, so documents
/// citing it keep working; the same entry imported again changes nothing.
/// A bad entry is reported with its file and line and skipped; the rest of
/// the file is imported. A file that cannot be read is reported and
/// skipped. Throws refs::Error when the library fails (that file's
/// transaction is rolled back).
ImportOutcome import_files(store::Library& library, const Config& config, const std::vector<std::string>& paths);

} // namespace refs::pipeline
