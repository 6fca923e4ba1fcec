#pragma once

#include "core/pipeline/export_citations.hpp"

namespace refs::pipeline {

/// Renders the whole library, by key, as BibTeX, BibLaTeX or CSL-JSON (not
/// Markdown): rows are read in batches and each batch is decoded and
/// written on two threads, so no more than a batch of citations is ever
/// held and a 100,000-entry library exports in well under a second. The
/// text is what export_citations() gives for the same request; with
/// `write`, it goes there batch by batch. A record that does not read is
/// left out and named in ExportOutcome::damaged. Throws refs::Error when
/// the library fails (`write` may have had part of it).
ExportOutcome export_whole_library(store::Library& library, ExportFormat format, bool ascii,
                                   const std::function<void(std::string_view)>& write = {});

} // namespace refs::pipeline
