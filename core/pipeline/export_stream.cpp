#include "core/pipeline/export_stream.hpp"

#include "core/export/biblatex_writer.hpp"
#include "core/export/bibtex_writer.hpp"
#include "core/export/csl_json_writer.hpp"
#include "core/export/export_text.hpp"
#include "core/pipeline/record_batches.hpp"
#include "core/store/citation_store.hpp"
#include "core/util/error.hpp"

#include <span>
#include <utility>

namespace refs::pipeline {

namespace {

RenderedBatch render(const std::filesystem::path& library, ExportFormat format, bool ascii,
                     std::span<const store::StoredRecord> rows) {
  RenderedBatch out;
  const exporting::BibText text{ascii, &out.warnings};
  csl::CslRecordReader reader;
  out.entries.reserve(rows.size());
  for (const store::StoredRecord& stored : rows) {
    if (format == ExportFormat::csl_json) {
      store::StoredRecord row = stored;
      if (store::make_record_exported(row)) {
        out.entries.push_back(exporting::indent_csl_item(row.record));
        continue;
      }
    }
    model::Citation c;
    try {
      c = store::decode_record(library, stored, reader).citation;
    } catch (const store::DamagedRecord& e) { // that citation alone is left out
      out.damaged.push_back(e.what());
      out.entries.emplace_back();
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
  const std::filesystem::path path = library.path();
  render_library(
      library, store::RecordOrder::key,
      [&](std::span<const store::StoredRecord> rows) { return render(path, format, ascii, rows); },
      [&](std::span<const store::StoredRecord> rows, RenderedBatch&& part) {
        for (std::size_t i = 0; i < rows.size(); ++i) {
          if (!rows[i].key_fixed && !part.entries[i].empty()) { // a damaged record is not exported
            outcome.unfixed_ids.push_back(rows[i].id);
          }
          if (!part.entries[i].empty()) {
            out.add(part.entries[i]);
          }
        }
        outcome.warnings.insert(outcome.warnings.end(), part.warnings.begin(), part.warnings.end());
        outcome.damaged.insert(outcome.damaged.end(), part.damaged.begin(), part.damaged.end());
        if (write) {
          write(out.take());
        }
      });
  outcome.text = std::move(out).finish();
  if (write) {
    write(std::exchange(outcome.text, {}));
  }
  return outcome;
}

} // namespace refs::pipeline
