#include "core/pipeline/import_files.hpp"

#include "core/csl/csl_fields.hpp"
#include "core/dedupe/folded_text.hpp"
#include "core/dedupe/same_work.hpp"
#include "core/dedupe/work_profile.hpp"
#include "core/csl/csl_json.hpp"
#include "core/import/bibtex_citation.hpp"
#include "core/import/bibtex_reader.hpp"
#include "core/import/csl_identifiers.hpp"
#include "core/import/file_encoding.hpp"
#include "core/key/citation_key.hpp"
#include "core/store/citation_store.hpp"
#include "core/store/match_key_store.hpp"
#include "core/util/error.hpp"
#include "core/util/file.hpp"
#include "core/util/string.hpp"
#include "core/util/time.hpp"
#include "core/util/utf8.hpp"

#include <algorithm>
#include <functional>
#include <future>
#include <memory>
#include <utility>

#include <nlohmann/json.hpp>

namespace refs::pipeline {

namespace {

/// One entry of a file, made ready to store on the thread that reads, or
/// the reason it cannot be imported.
struct Read {
  std::optional<store::PreparedCitation> prepared;
  std::string where;      ///< "FILE:LINE" or "FILE: item N", for messages
  std::string problem;    ///< why the entry is skipped ("...; entry skipped"), when not prepared
  std::string file_key{}; ///< the key as the file wrote it, when BibTeX could not read it back
  std::vector<std::string> warnings{}; ///< what of the entry was left out
  bool keyless = false;                ///< the file gave no key: it was made
};

/// What the files of one import share.
struct ImportContext {
  std::string now;
  importing::BibMacros macros; ///< BibTeX reads `\bibliography{defs,papers}` as one file
  key::KeyMaker keys;
};

/// The key of a stored citation now.
std::string key_of(store::Library& library, std::int64_t id) {
  const auto stored = store::find_by_row_id(library, id);
  return stored ? stored->citation.key : "";
}

/// A file's entries, read one at a time by index on any thread.
struct Entries {
  std::size_t count = 0;
  std::function<Read(std::size_t)> read;
};

bool is_json(const std::string& path, std::string_view text) {
  const std::string_view start = util::trim(text);
  return util::ends_with_ci(path, ".json") || start.starts_with('[') || (start.starts_with('{') && start.find('"') < start.find('}'));
}

/// What every imported entry gets before it is prepared: a key BibTeX can
/// read back (`k}ey`, `a b` lose the characters that break it).
Read ready(model::Citation c, std::string where) {
  Read r{std::nullopt, std::move(where), {}};
  std::string key = c.key;
  std::replace_if(key.begin(), key.end(), [](char ch) {
    return std::string_view(" \t\r\n{}(),\"#%'=~\\").find(ch) != std::string_view::npos;
  }, '_');
  if (key != c.key) {
    r.file_key = std::exchange(c.key, key);
  }
  r.prepared = store::prepare_citation(std::move(c));
  return r;
}

/// `keys` makes the key of an entry written without one, as JabRef and
/// Better BibTeX do; it is used by one thread at a time.
Entries bib_entries(const std::string& path, const importing::BibFile& bib, const key::KeyMaker& keys,
                    const std::string& now) {
  return {bib.entries.size(), [&bib, &path, &keys, &now](std::size_t i) {
            const importing::BibEntry& e = bib.entries[i];
            importing::EntryCitation c = importing::citation_from_entry(e, now);
            const bool keyless = c.citation.key.empty();
            if (keyless) {
              c.citation.key = keys.base_key(c.citation);
            }
            Read r = ready(std::move(c.citation), path + ":" + std::to_string(e.line));
            r.warnings = std::move(c.warnings);
            r.keyless = keyless;
            return r;
          }};
}

Entries csl_entries(const std::string& path, const nlohmann::json& items, const std::string& now) {
  auto registry = std::make_shared<const resolve::Registry>();
  return {items.size(), [&items, &path, &now, registry](std::size_t i) {
            std::string where = path + ": item " + std::to_string(i + 1);
            auto c = csl::from_csl_json(items[i]);
            if (!c) {
              return Read{std::nullopt, std::move(where), c.error() + "; item skipped"};
            }
            // A foreign file's fields have no sources of ours: they are the import's.
            for (std::string_view name : csl::field_names()) {
              if (!csl::field_text(*c, name).empty() && !c->sources.contains(std::string(name))) {
                c->sources[std::string(name)] = "import";
              }
            }
            if (c->ids.empty()) {
              importing::add_csl_identifiers(*c, *registry);
            }
            c->key_fixed = true;
            if (c->created.empty()) {
              c->created = now;
            }
            c->updated = now;
            return ready(std::move(*c), std::move(where));
          }};
}

/// The first author's family or body name, folded; empty without authors.
std::u32string first_author(const model::Citation& c) {
  return c.authors.empty() ? std::u32string() : dedupe::fold_letters(c.authors.front().family + c.authors.front().literal);
}

/// The stored citation an entry's key names when it is that entry's work:
/// the same title (folded, or none), year and first author (when both
/// name one), and no identifier of another work. So a file imported again
/// changes nothing, even for entries the rules cannot match (no title, a
/// title too short to compare, no identifier or URL).
std::optional<SameWork> entry_named(store::Library& library, const store::PreparedCitation& entry) {
  const std::string& key = entry.citation.key;
  std::optional<store::StoredCitation> holder;
  try {
    holder = store::find_by_key(library, key);
  } catch (const store::DamagedRecord&) {
    return std::nullopt; // a damaged record is no entry's work
  }
  if (!holder || holder->citation.issued.year != entry.citation.issued.year ||
      dedupe::fold_letters(holder->citation.title) != dedupe::fold_letters(entry.citation.title) ||
      dedupe::unique_ids_conflict(dedupe::profile_of(holder->citation).unique, entry.profile.unique)) {
    return std::nullopt;
  }
  const std::u32string theirs = first_author(holder->citation);
  const std::u32string ours = first_author(entry.citation);
  if (!theirs.empty() && !ours.empty() && theirs != ours) {
    return std::nullopt;
  }
  return SameWork{holder->id, {"key", 1.0, key}};
}

/// The file's key keeps naming the work `id`, whatever it is called here:
/// a provisional key here gives way to it, as it is in use; a fixed one
/// takes it as an alias.
void keep_file_key(store::Library& library, std::int64_t id, const std::string& key, const std::string& where,
                   ImportOutcome& out) {
  auto now_stored = store::find_by_row_id(library, id);
  if (!now_stored || now_stored->citation.key == key) {
    return;
  }
  std::optional<std::int64_t> holder; // the citation the key names now
  try {
    if (const auto stored = store::find_by_key(library, key)) {
      holder = stored->id;
    }
  } catch (const store::DamagedRecord&) {
    holder = 0; // a damaged record's key: another work's
  }
  if ((!holder || *holder == id) && !now_stored->citation.key_fixed) {
    store::remove_alias(library, key);
    store::add_alias(library, id, now_stored->citation.key);
    now_stored->citation.key = key;
    now_stored->citation.key_fixed = true;
    store::update_citation(library, id, now_stored->citation);
  } else if (!holder) {
    store::add_alias(library, id, key);
  } else if (*holder != id) {
    out.diagnostics.push_back({model::Severity::note, where,
                               "key " + key + " names another work in the library; imported as " +
                                   now_stored->citation.key});
  }
}

void store_read(store::Library& library, Read& r, const std::string& now, ImportOutcome& out, FileImport& file) {
  if (!r.prepared) {
    out.diagnostics.push_back({model::Severity::error, r.where, r.problem});
    ++file.skipped;
    return;
  }
  ++file.entries;
  for (const std::string& w : r.warnings) {
    out.diagnostics.push_back({model::Severity::warning, r.where, w});
  }
  const std::string key = r.prepared->citation.key;
  if (!r.file_key.empty()) {
    out.diagnostics.push_back({model::Severity::note, r.where,
                               "key '" + r.file_key + "' cannot be written back in BibTeX; imported as " + key});
  }
  const std::optional<SameWork> named = entry_named(library, *r.prepared);
  const auto replace = [](std::int64_t) { return dedupe::Ties::replace; };
  Incoming stored = store_incoming(library, *r.prepared, replace, now, named, JoinRecord::recorded);
  // A new citation stored under the file's key needs nothing more.
  if (r.keyless) {
    const std::string now_key = stored.status == "new" ? stored.key : key_of(library, stored.id);
    out.diagnostics.push_back({model::Severity::note, r.where,
                               std::string("entry without a key; ") + (stored.status == "new" ? "imported as " : "it is ") +
                                   now_key});
  } else if (stored.status != "new" || stored.key != key) {
    keep_file_key(library, stored.id, key, r.where, out);
  }
  ++(stored.status == "new" ? file.added : stored.status == "updated" ? file.updated : file.known);
  if (stored.joined.merge != 0) {
    for (const std::string& note : merge_notes(stored.joined, key_of(library, stored.id))) {
      out.diagnostics.push_back({model::Severity::note, r.where, note});
    }
  }
  // One line per entry, however many works share its URL (a PDF of a
  // whole journal issue, a book's page cited by each chapter).
  if (!stored.apart.empty()) {
    const NotSame& other = stored.apart.front();
    const std::string more =
        stored.apart.size() > 1 ? std::string(" (and ") + std::to_string(stored.apart.size() - 1) + " more)" : "";
    out.diagnostics.push_back({model::Severity::warning, r.where,
                               key_of(library, stored.id) + " and " + key_of(library, other.id) + " have the " +
                                   dedupe::describe(other.match) + " but differ in " + other.why +
                                   more +
                                   ": kept apart"});
  }
}

/// Stores a file's entries in one transaction. Entries are read and
/// prepared a batch ahead on another thread, which touches no database,
/// while this one writes the batch before. That thread also frees the
/// batches written: memory is cheapest to free on the thread that made it
/// (glibc would otherwise lock that thread's arena for every string).
void store_entries(store::Library& library, const Entries& entries, const std::string& now, ImportOutcome& out,
                   FileImport& file) {
  constexpr std::size_t k_batch = 2048;
  const auto read_batch = [&entries](std::size_t from, std::vector<Read> spent) {
    spent.clear();
    std::vector<Read> batch;
    for (std::size_t i = from; i < std::min(from + k_batch, entries.count); ++i) {
      batch.push_back(entries.read(i));
    }
    return batch;
  };
  store::WriteTransaction tx(library);
  // Deferred too: read here, at get(), when no thread can be had.
  constexpr auto policy = std::launch::async | std::launch::deferred;
  std::future<std::vector<Read>> next = std::async(policy, read_batch, 0, std::vector<Read>{});
  std::vector<Read> spent;
  for (std::size_t from = 0; from < entries.count; from += k_batch) {
    std::vector<Read> batch = next.get();
    if (from + k_batch < entries.count) {
      next = std::async(policy, read_batch, from + k_batch, std::move(spent));
    }
    for (Read& r : batch) {
      store_read(library, r, now, out, file);
    }
    spent = std::move(batch);
  }
  tx.commit();
}

/// The line of a "FILE:LINE" diagnostic; 0 for a file's.
int line_of(const model::Diagnostic& d, const std::string& path) {
  return d.where.size() > path.size() + 1 ? std::atoi(d.where.c_str() + path.size() + 1) : 0;
}

void import_bib(store::Library& library, const std::string& path, std::string_view text, ImportContext& ctx,
                ImportOutcome& out, FileImport& file) {
  const std::size_t first = out.diagnostics.size();
  const importing::BibFile bib = importing::read_bibtex(text, ctx.macros);
  for (const importing::BibProblem& p : bib.problems) {
    out.diagnostics.push_back({model::Severity::error, path + ":" + std::to_string(p.line), p.message + "; entry skipped"});
    ++file.skipped;
  }
  for (const importing::BibProblem& p : bib.warnings) {
    out.diagnostics.push_back({model::Severity::warning, path + ":" + std::to_string(p.line), p.message});
  }
  store_entries(library, bib_entries(path, bib, ctx.keys, ctx.now), ctx.now, out, file);
  // In the file's order, as people read them.
  std::stable_sort(out.diagnostics.begin() + static_cast<std::ptrdiff_t>(first), out.diagnostics.end(),
                   [&](const model::Diagnostic& a, const model::Diagnostic& b) { return line_of(a, path) < line_of(b, path); });
}

void import_csl(store::Library& library, const std::string& path, std::string_view text, const std::string& now,
                ImportOutcome& out, FileImport& file) {
  nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded()) {
    out.diagnostics.push_back({model::Severity::error, path, "not valid JSON; file skipped"});
    ++file.skipped;
    return;
  }
  if (json.is_object()) {
    json = nlohmann::json::array({json});
  }
  if (!json.is_array()) {
    out.diagnostics.push_back({model::Severity::error, path, "not a CSL-JSON array or item; file skipped"});
    ++file.skipped;
    return;
  }
  store_entries(library, csl_entries(path, json, now), now, out, file);
}

} // namespace

ImportOutcome import_files(store::Library& library, const Config& config, const std::vector<std::string>& paths) {
  ImportOutcome out;
  store::ensure_match_keys(library);
  const std::string now = util::iso_timestamp(config.now);
  ImportContext ctx{now, {}, {}};
  for (const std::string& path : paths) {
    FileImport file{path, 0, 0, 0, 0, 0};
    auto bytes = util::read_file(path);
    if (!bytes) {
      out.diagnostics.push_back({model::Severity::error, "", bytes.error()});
      out.failed = true;
      continue;
    }
    // A file in an encoding it does not declare is refused whole: read
    // by a guess, it could lose every accented letter.
    const auto text = importing::bibliography_text(std::move(*bytes));
    if (!text) {
      out.diagnostics.push_back({model::Severity::error, path, text.error()});
      out.failed = true;
      continue;
    }
    if (is_json(path, *text)) {
      import_csl(library, path, *text, now, out, file);
    } else {
      import_bib(library, path, *text, ctx, out, file);
    }
    out.failed = out.failed || file.skipped > 0;
    out.files.push_back(file);
  }
  return out;
}

} // namespace refs::pipeline
