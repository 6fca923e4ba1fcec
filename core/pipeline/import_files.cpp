#include "core/pipeline/import_files.hpp"

#include "core/csl/csl_fields.hpp"
#include "core/dedupe/folded_text.hpp"
#include "core/dedupe/same_work.hpp"
#include "core/dedupe/work_profile.hpp"
#include "core/csl/csl_json.hpp"
#include "core/import/bibtex_citation.hpp"
#include "core/import/bibtex_reader.hpp"
#include "core/store/citation_store.hpp"
#include "core/store/match_key_store.hpp"
#include "core/util/file.hpp"
#include "core/util/string.hpp"
#include "core/util/time.hpp"
#include "core/util/utf8.hpp"

#include <algorithm>
#include <future>

#include <nlohmann/json.hpp>

namespace refs::pipeline {

namespace {

/// A citation read from a file, with where it stands in it.
struct Read {
  model::Citation citation;
  int line = 0;
};

bool is_json(const std::string& path, std::string_view text) {
  const std::string_view start = util::trim(text);
  return util::ends_with_ci(path, ".json") || start.starts_with('[') || (start.starts_with('{') && start.find('"') < start.find('}'));
}

std::vector<Read> read_bib(const std::string& path, std::string_view text, const std::string& now, ImportOutcome& out,
                           FileImport& file) {
  const importing::BibFile bib = importing::read_bibtex(text);
  for (const importing::BibProblem& p : bib.problems) {
    out.diagnostics.push_back({model::Severity::error, path + ":" + std::to_string(p.line), p.message + "; entry skipped"});
    ++file.skipped;
  }
  // Entries are converted on two threads (they share nothing), then taken
  // in the file's order.
  using Converted = tl::expected<model::Citation, std::string>;
  std::vector<Converted> converted(bib.entries.size());
  const auto convert = [&](std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i) {
      converted[i] = importing::citation_from_entry(bib.entries[i], now);
    }
  };
  const std::size_t half = bib.entries.size() / 2;
  auto first = std::async(std::launch::async, convert, 0, half);
  convert(half, bib.entries.size());
  first.get();
  std::vector<Read> reads;
  reads.reserve(bib.entries.size());
  for (std::size_t i = 0; i < bib.entries.size(); ++i) {
    const importing::BibEntry& e = bib.entries[i];
    Converted& c = converted[i];
    if (!c) {
      out.diagnostics.push_back({model::Severity::error, path + ":" + std::to_string(e.line),
                                 "@" + e.type + "{" + e.key + "}: " + c.error() + "; entry skipped"});
      ++file.skipped;
      continue;
    }
    reads.push_back({std::move(*c), e.line});
  }
  return reads;
}

std::vector<Read> read_csl(const std::string& path, std::string_view text, const std::string& now, ImportOutcome& out,
                           FileImport& file) {
  nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded()) {
    out.diagnostics.push_back({model::Severity::error, path, "not valid JSON; file skipped"});
    ++file.skipped;
    return {};
  }
  if (json.is_object()) {
    json = nlohmann::json::array({json});
  }
  std::vector<Read> reads;
  for (std::size_t i = 0; i < json.size(); ++i) {
    auto c = csl::from_csl_json(json[i]);
    if (!c) {
      out.diagnostics.push_back({model::Severity::error, path + ": item " + std::to_string(i + 1), c.error() + "; item skipped"});
      ++file.skipped;
      continue;
    }
    // A foreign file's fields have no sources of ours: they are the import's.
    for (std::string_view name : csl::field_names()) {
      if (!csl::field_text(*c, name).empty() && !c->sources.contains(std::string(name))) {
        c->sources[std::string(name)] = "import";
      }
    }
    c->key_fixed = true;
    if (c->created.empty()) {
      c->created = now;
    }
    c->updated = now;
    reads.push_back({std::move(*c), static_cast<int>(i + 1)});
  }
  return reads;
}

/// The stored citation an entry's key names when it is that entry's work:
/// the same title (folded) and year, and no identifier of another work. So
/// a file imported again changes nothing, even for entries the rules
/// cannot match (a title too short to compare, no identifier or URL).
std::optional<SameWork> entry_named(store::Library& library, const std::string& key, const model::Citation& entry) {
  const auto holder = store::find_by_key(library, key);
  if (!holder || holder->citation.issued.year != entry.issued.year || entry.title.empty() ||
      dedupe::fold_letters(holder->citation.title) != dedupe::fold_letters(entry.title) ||
      dedupe::unique_ids_conflict(dedupe::profile_of(holder->citation).unique, dedupe::profile_of(entry).unique)) {
    return std::nullopt;
  }
  return SameWork{holder->id, {"key", 1.0, key}};
}

void store_reads(store::Library& library, std::vector<Read>& reads, const std::string& path, const std::string& now,
                 ImportOutcome& out, FileImport& file) {
  store::WriteTransaction tx(library);
  const auto replace = [](std::int64_t) { return dedupe::Ties::replace; };
  for (Read& r : reads) {
    // A key BibTeX cannot read back (`k}ey`, `a b`) is written without
    // the characters that break it.
    std::string key = r.citation.key;
    std::replace_if(key.begin(), key.end(), [](char ch) {
      return std::string_view(" \t\r\n{}(),\"#%'=~\\").find(ch) != std::string_view::npos;
    }, '_');
    if (key != r.citation.key) {
      out.diagnostics.push_back({model::Severity::note, path + ":" + std::to_string(r.line),
                                 "key '" + r.citation.key + "' cannot be written back in BibTeX; imported as " + key});
      r.citation.key = key;
    }
    // Before the citation is moved into the call: arguments have no order.
    const std::optional<SameWork> named = entry_named(library, key, r.citation);
    Incoming stored = store_incoming(library, std::move(r.citation), replace, now, named);
    // A new citation stored under the file's key needs nothing more.
    auto now_stored = stored.status == "new" && stored.key == key ? std::nullopt : store::find_by_row_id(library, stored.id);
    // The file's key keeps naming the work, whatever it is called here; a
    // provisional key here gives way to it, as it is in use.
    if (now_stored && now_stored->citation.key != key) {
      const auto holder = store::find_by_key(library, key);
      if ((!holder || holder->id == stored.id) && !now_stored->citation.key_fixed) {
        store::remove_alias(library, key);
        store::add_alias(library, stored.id, now_stored->citation.key);
        now_stored->citation.key = key;
        now_stored->citation.key_fixed = true;
        store::update_citation(library, stored.id, now_stored->citation);
      } else if (!holder) {
        store::add_alias(library, stored.id, key);
      } else if (holder->id != stored.id) {
        out.diagnostics.push_back({model::Severity::note, path + ":" + std::to_string(r.line),
                                   "key " + key + " names another work in the library; imported as " +
                                       now_stored->citation.key});
      }
    }
    ++(stored.status == "new" ? file.added : stored.status == "updated" ? file.updated : file.known);
    if (stored.joined.merge != 0) {
      out.merges.push_back(stored.joined);
    }
  }
  tx.commit();
}

} // namespace

ImportOutcome import_files(store::Library& library, const Config& config, const std::vector<std::string>& paths) {
  ImportOutcome out;
  store::ensure_match_keys(library);
  const std::string now = util::iso_timestamp(config.now);
  for (const std::string& path : paths) {
    FileImport file{path, 0, 0, 0, 0, 0};
    const auto text = util::read_file(path);
    if (!text) {
      out.diagnostics.push_back({model::Severity::error, "", text.error()});
      out.failed = true;
      continue;
    }
    // An 8-bit file would lose every accented letter: refused whole.
    if (const auto bad = util::find_invalid_utf8(*text); bad || text->find('\0') != std::string::npos) {
      out.diagnostics.push_back({model::Severity::error, path,
                                 bad ? "not UTF-8 (byte " + std::to_string(*bad) + "); convert it first, e.g. iconv -f latin1 -t utf-8"
                                     : "holds a NUL byte; not a text file"});
      out.failed = true;
      continue;
    }
    std::vector<Read> reads = is_json(path, *text) ? read_csl(path, *text, now, out, file) : read_bib(path, *text, now, out, file);
    file.entries = static_cast<int>(reads.size());
    store_reads(library, reads, path, now, out, file);
    out.failed = out.failed || file.skipped > 0;
    out.files.push_back(file);
  }
  return out;
}

} // namespace refs::pipeline
