#include "core/pipeline/export_stream.hpp"

#include "core/export/biblatex_writer.hpp"
#include "core/export/bibtex_writer.hpp"
#include "core/export/csl_json_writer.hpp"
#include "core/export/export_text.hpp"
#include "core/store/citation_store.hpp"
#include "core/util/error.hpp"

#include <future>
#include <span>
#include <utility>

namespace refs::pipeline {

namespace {

constexpr std::size_t k_batch = 2048;

/// Entries rendered from part of a batch, and what they could not say.
struct Rendered {
  std::vector<std::string> entries;
  std::vector<std::string> warnings;
  std::vector<std::string> damaged;
};

Rendered render(const std::filesystem::path& library, ExportFormat format, bool ascii,
                std::span<store::StoredRecord> rows) {
  Rendered out;
  const exporting::BibText text{ascii, &out.warnings};
  csl::CslRecordReader reader;
  out.entries.reserve(rows.size());
  for (store::StoredRecord& row : rows) {
    if (format == ExportFormat::csl_json && store::make_record_exported(row)) {
      out.entries.push_back(exporting::indent_csl_item(row.record));
      continue;
    }
    model::Citation c;
    try {
      c = store::decode_record(library, row, reader).citation;
    } catch (const store::DamagedRecord& e) { // that citation alone is left out
      out.damaged.push_back(e.what());
      continue;
    }
    c.key_fixed = true; // as it will be once written
    out.entries.push_back(format == ExportFormat::csl_json   ? exporting::csl_json_item(c)
                          : format == ExportFormat::biblatex ? exporting::biblatex_entry(c, text)
                                                             : exporting::bibtex_entry(c, text));
  }
  return out;
}

} // namespace

ExportOutcome export_whole_library(store::Library& library, ExportFormat format, bool ascii,
                                   const std::function<void(std::string_view)>& write) {
  ExportOutcome outcome;
  exporting::ExportText out(format == ExportFormat::csl_json ? exporting::ExportText::Kind::csl_json
                                                              : exporting::ExportText::Kind::bib);
  const auto append = [&](Rendered&& part) {
    for (const std::string& entry : part.entries) {
      out.add(entry);
    }
    outcome.warnings.insert(outcome.warnings.end(), part.warnings.begin(), part.warnings.end());
    outcome.damaged.insert(outcome.damaged.end(), part.damaged.begin(), part.damaged.end());
  };
  // A batch's first half is handed to another thread as soon as it is
  // read; this one reads the second half meanwhile, renders it, and takes
  // both in order. The batch never grows past its reserve, so the first
  // half stays where the other thread reads it.
  std::vector<store::StoredRecord> batch;
  batch.reserve(k_batch);
  std::future<Rendered> first;
  const auto flush = [&] {
    const std::span<store::StoredRecord> rows(batch);
    const std::size_t half = first.valid() ? k_batch / 2 : 0;
    Rendered second = render(library.path(), format, ascii, rows.subspan(half));
    if (first.valid()) {
      append(first.get());
    }
    append(std::move(second));
    batch.clear();
    if (write) {
      write(out.take());
    }
  };
  store::for_each_record(library, [&](store::StoredRecord&& row) {
    if (!row.key_fixed) {
      outcome.unfixed_ids.push_back(row.id);
    }
    batch.push_back(std::move(row));
    if (batch.size() == k_batch / 2) {
      // Deferred too: rendered here, at get(), when no thread can be had.
      first = std::async(std::launch::async | std::launch::deferred, render, library.path(), format, ascii,
                         std::span<store::StoredRecord>(batch).first(k_batch / 2));
    } else if (batch.size() == k_batch) {
      flush();
    }
  });
  flush();
  outcome.text = std::move(out).finish();
  if (write) {
    write(std::exchange(outcome.text, {}));
  }
  return outcome;
}

} // namespace refs::pipeline
