#include "core/store/citation_store.hpp"

#include "core/csl/csl_json.hpp"
#include "core/csl/csl_record_reader.hpp"
#include "core/dedupe/work_profile.hpp"
#include "core/key/citation_key.hpp"
#include "core/util/error.hpp"

#include "core/store/match_key_store.hpp"
#include "core/store/sqlite_guard.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <unordered_set>

namespace refs::store {

namespace {

constexpr const char* k_select = "SELECT c.id, c.key, c.key_fixed, c.record FROM citations c ";

StoredCitation decode(const std::filesystem::path& library, std::int64_t id, std::string key, bool fixed,
                      std::string_view record, csl::CslRecordReader& reader) {
  StoredCitation out;
  out.id = id;
  if (auto fast = reader.read(record)) {
    out.citation = std::move(*fast);
  } else {
    const auto json = nlohmann::json::parse(record.begin(), record.end(), nullptr, false);
    auto citation = csl::from_csl_json(json);
    if (json.is_discarded() || !citation) {
      throw DamagedRecord(library.string() + ": citation " + key + ": stored record is damaged" +
                  (citation ? "" : ": " + citation.error()));
    }
    out.citation = std::move(*citation);
  }
  out.citation.key = std::move(key);
  out.citation.key_fixed = fixed;
  return out;
}

/// `reader` is reused across rows: making one costs more than reading a
/// record with it.
StoredCitation read_row(Library& library, SQLite::Statement& q, csl::CslRecordReader& reader) {
  const SQLite::Column record = q.getColumn(3);
  return decode(library.path(), q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getInt() != 0,
                std::string_view(record.getText(), static_cast<std::size_t>(record.getBytes())), reader);
}

std::vector<StoredCitation> read_all(Library& library, SQLite::Statement& q, std::vector<std::string>* damaged) {
  std::vector<StoredCitation> out;
  csl::CslRecordReader reader;
  while (q.executeStep()) {
    try {
      out.push_back(read_row(library, q, reader));
    } catch (const DamagedRecord& e) {
      if (damaged == nullptr) {
        throw;
      }
      damaged->push_back(e.what());
    }
  }
  return out;
}

/// `replacing` is false for a row just inserted: it has none to delete.
void write_identifiers(Library& library, std::int64_t id, const model::Citation& c, bool replacing) {
  if (replacing) {
    StatementLease del = library.statement("DELETE FROM identifiers WHERE citation_id = ?");
    del->bind(1, id);
    del->exec();
  }
  // A plain INSERT: an arXiv id or DOI that another citation holds must fail
  // the transaction, never be dropped quietly.
  StatementLease ins = library.statement("INSERT INTO identifiers (citation_id, kind, value) VALUES (?, ?, ?)");
  std::vector<model::WorkId> written;
  for (const model::WorkId& wid : c.ids) {
    if (std::find(written.begin(), written.end(), wid) != written.end()) {
      continue;
    }
    written.push_back(wid);
    ins->bind(1, id);
    ins->bind(2, model::to_string(wid.kind));
    ins->bind(3, wid.value);
    ins->exec();
    ins->reset();
  }
}

void bind_columns(SQLite::Statement& q, const model::Citation& c, const std::string& record) {
  q.bind(":key", c.key);
  q.bind(":fixed", c.key_fixed ? 1 : 0);
  q.bind(":type", c.type);
  q.bind(":title", c.title);
  if (c.issued.year > 0) {
    q.bind(":year", c.issued.year);
  } else {
    q.bind(":year");
  }
  q.bind(":record", record);
  q.bind(":created", c.created);
  q.bind(":updated", c.updated);
}

} // namespace

std::optional<StoredCitation> find_by_id(Library& library, const model::WorkId& id) {
  return guarded(library, "cannot look up an identifier", [&]() -> std::optional<StoredCitation> {
    StatementLease q = library.statement(std::string(k_select) +
                                          "JOIN identifiers i ON i.citation_id = c.id "
                                          "WHERE i.kind = ? AND i.value = ? ORDER BY c.id LIMIT 1");
    q->bind(1, model::to_string(id.kind));
    q->bind(2, id.value);
    if (!q->executeStep()) {
      return std::nullopt;
    }
    csl::CslRecordReader reader;
    return read_row(library, *q, reader);
  });
}

std::optional<StoredCitation> find_by_key(Library& library, std::string_view key) {
  return guarded(library, "cannot look up a key", [&]() -> std::optional<StoredCitation> {
    StatementLease q = library.statement(std::string(k_select) +
                            "WHERE c.key = :k OR c.id = (SELECT citation_id FROM key_aliases "
                            "WHERE alias = :k) LIMIT 1");
    q->bind(":k", std::string(key));
    if (!q->executeStep()) {
      return std::nullopt;
    }
    csl::CslRecordReader reader;
    return read_row(library, *q, reader);
  });
}

std::vector<StoredCitation> all_citations(Library& library, std::vector<std::string>* damaged) {
  return guarded(library, "cannot list citations", [&] {
    SQLite::Statement q(library.db(), std::string(k_select) + "ORDER BY c.key");
    return read_all(library, q, damaged);
  });
}

std::size_t citation_count(Library& library) {
  return guarded(library, "cannot count citations", [&] {
    SQLite::Statement q(library.db(), "SELECT count(*) FROM citations");
    q.executeStep();
    return static_cast<std::size_t>(q.getColumn(0).getInt64());
  });
}

std::map<int, std::size_t> citations_per_year(Library& library) {
  return guarded(library, "cannot count citations", [&] {
    SQLite::Statement q(library.db(), "SELECT coalesce(year, 0), count(*) FROM citations GROUP BY 1");
    std::map<int, std::size_t> out;
    while (q.executeStep()) {
      out[q.getColumn(0).getInt()] = static_cast<std::size_t>(q.getColumn(1).getInt64());
    }
    return out;
  });
}

void for_each_record(Library& library, const std::function<void(StoredRecord&&)>& f, RecordOrder order) {
  guarded(library, "cannot list citations", [&] {
    // The year column is NULL for an undated work, which SQLite sorts
    // below every year: last, newest first (citations_year indexes it).
    SQLite::Statement q(library.db(), order == RecordOrder::key
                                          ? "SELECT c.id, c.key, c.key_fixed, c.record, coalesce(c.year, 0) "
                                            "FROM citations c ORDER BY c.key"
                                          : "SELECT c.id, c.key, c.key_fixed, c.record, coalesce(c.year, 0) "
                                            "FROM citations c ORDER BY c.year DESC, c.key");
    while (q.executeStep()) {
      f({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getInt() != 0,
         q.getColumn(3).getString(), q.getColumn(4).getInt()});
    }
  });
}

bool make_record_exported(StoredRecord& row) {
  // Records are csl_json_text(): `{"id":KEY,...` and, in
  // `custom`, `"key-fixed":false|true` (a string value cannot hold those
  // quotes unescaped, so the search cannot land inside one).
  const std::string head =
      "{\"id\":" + nlohmann::json(row.key).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + ",";
  if (!row.record.starts_with(head)) {
    return false;
  }
  constexpr std::string_view k_unfixed = "\"key-fixed\":false";
  if (const std::size_t at = row.record.find(k_unfixed); at != std::string::npos) {
    row.record.replace(at, k_unfixed.size(), "\"key-fixed\":true");
  }
  return true;
}

StoredCitation decode_record(const std::filesystem::path& library, const StoredRecord& row,
                             csl::CslRecordReader& reader) {
  return decode(library, row.id, row.key, row.key_fixed, row.record, reader);
}

void for_each_citation(Library& library, const std::function<void(const StoredCitation&)>& f) {
  guarded(library, "cannot read citations", [&] {
    SQLite::Statement q(library.db(), std::string(k_select) + "ORDER BY c.id");
    csl::CslRecordReader reader;
    while (q.executeStep()) {
      std::optional<StoredCitation> row;
      try {
        row = read_row(library, q, reader);
      } catch (const DamagedRecord&) {
        continue; // a damaged record: list and export name it
      }
      f(*row);
    }
  });
}

std::vector<StoredCitation> orphan_citations(Library& library, std::vector<std::string>* damaged) {
  return guarded(library, "cannot list citations", [&] {
    SQLite::Statement q(library.db(), std::string(k_select) +
                                          "WHERE NOT EXISTS (SELECT 1 FROM post_references r "
                                          "WHERE r.citation_id = c.id) ORDER BY c.key");
    return read_all(library, q, damaged);
  });
}

std::vector<std::string> all_keys(Library& library, bool orphans_only) {
  return guarded(library, "cannot list keys", [&] {
    SQLite::Statement q(library.db(), orphans_only ? "SELECT c.key FROM citations c WHERE NOT EXISTS (SELECT 1 FROM "
                                                     "post_references r WHERE r.citation_id = c.id) ORDER BY c.key"
                                                   : "SELECT key FROM citations ORDER BY key");
    std::vector<std::string> out;
    while (q.executeStep()) {
      out.push_back(q.getColumn(0).getString());
    }
    return out;
  });
}

std::string free_key(Library& library, const std::string& base) {
  return guarded(library, "cannot choose a key", [&] {
    // One range scan over the keys and aliases that start with `base`
    // (suffixes are lower-case letters, all below '{'), instead of one
    // query per candidate suffix.
    StatementLease q = library.statement("SELECT key FROM citations WHERE key >= :lo AND key < :hi "
                                      "UNION ALL SELECT alias FROM key_aliases WHERE alias >= :lo AND alias < :hi");
    q->bind(":lo", base);
    q->bind(":hi", base + "{");
    std::unordered_set<std::string> taken;
    while (q->executeStep()) {
      taken.insert(q->getColumn(0).getString());
    }
    for (int n = 0;; ++n) {
      std::string candidate = key::with_suffix(base, n);
      if (!taken.contains(candidate)) {
        return candidate;
      }
    }
  });
}

std::optional<StoredCitation> find_by_row_id(Library& library, std::int64_t id) {
  return guarded(library, "cannot read a citation", [&]() -> std::optional<StoredCitation> {
    StatementLease q = library.statement(std::string(k_select) + "WHERE c.id = ?");
    q->bind(1, id);
    if (!q->executeStep()) {
      return std::nullopt;
    }
    csl::CslRecordReader reader;
    return read_row(library, *q, reader);
  });
}

PreparedCitation prepare_citation(model::Citation citation) {
  dedupe::WorkProfile profile = dedupe::profile_of(citation);
  // Text from the network may hold bytes that are not UTF-8: csl_json_text
  // stores them as U+FFFD rather than failing the run.
  std::string record = csl::csl_json_text(citation);
  return {std::move(citation), std::move(profile), std::move(record)};
}

std::int64_t insert_citation(Library& library, const PreparedCitation& citation, std::optional<std::int64_t> id) {
  return guarded(library, "cannot store a citation", [&] {
    StatementLease q = library.statement(// A new row id is above every id a merge absorbed, so that undoing
                        // the merge can give the entry its id back.
                        "INSERT INTO citations (id, key, key_fixed, type, title, year, record, "
                        "created_at, updated_at) VALUES (COALESCE(:id, (SELECT MAX(m) FROM (SELECT MAX(id) AS m "
                        "FROM citations UNION ALL SELECT MAX(citation_id) FROM merged_entries)) + 1), :key, :fixed, "
                        ":type, :title, :year, :record, :created, :updated)");
    bind_columns(*q, citation.citation, citation.record);
    if (id) {
      q->bind(":id", *id);
    } else {
      q->bind(":id");
    }
    q->exec();
    const std::int64_t row = library.db().getLastInsertRowid();
    write_identifiers(library, row, citation.citation, false);
    write_match_keys(library, row, citation.profile, false);
    return row;
  });
}

std::int64_t insert_citation(Library& library, const model::Citation& citation, std::optional<std::int64_t> id) {
  return insert_citation(library, prepare_citation(citation), id);
}

void update_citation(Library& library, std::int64_t id, const model::Citation& citation) {
  guarded(library, "cannot update a citation", [&] {
    StatementLease q = library.statement("UPDATE citations SET key = :key, key_fixed = :fixed, type = :type, "
                        "title = :title, year = :year, record = :record, created_at = :created, "
                        "updated_at = :updated WHERE id = :id");
    bind_columns(*q, citation, csl::csl_json_text(citation));
    q->bind(":id", id);
    q->exec();
    write_identifiers(library, id, citation, true);
    write_match_keys(library, id, dedupe::profile_of(citation), true);
  });
}

void add_alias(Library& library, std::int64_t id, const std::string& alias) {
  guarded(library, "cannot record a former key", [&] {
    // An upsert, so the search triggers see an alias move (a REPLACE's
    // delete fires none).
    StatementLease q = library.statement("INSERT INTO key_aliases (alias, citation_id) VALUES (?, ?) "
                                         "ON CONFLICT(alias) DO UPDATE SET citation_id = excluded.citation_id");
    q->bind(1, alias);
    q->bind(2, id);
    q->exec();
  });
}

void remove_alias(Library& library, const std::string& alias) {
  guarded(library, "cannot forget a former key", [&] {
    SQLite::Statement q(library.db(), "DELETE FROM key_aliases WHERE alias = ?");
    q.bind(1, alias);
    q.exec();
  });
}

void delete_citation(Library& library, std::int64_t id) {
  guarded(library, "cannot delete a citation", [&] {
    SQLite::Statement q(library.db(), "DELETE FROM citations WHERE id = ?");
    q.bind(1, id);
    q.exec();
  });
}

} // namespace refs::store

namespace refs::store {

namespace {

std::vector<std::string> strings(Library& library, const char* sql, std::int64_t id) {
  SQLite::Statement q(library.db(), sql);
  q.bind(1, id);
  std::vector<std::string> out;
  while (q.executeStep()) {
    out.push_back(q.getColumn(0).getString());
  }
  return out;
}

} // namespace

std::vector<std::string> aliases_of(Library& library, std::int64_t id) {
  return guarded(library, "cannot read former keys", [&] {
    return strings(library, "SELECT alias FROM key_aliases WHERE citation_id = ? ORDER BY alias", id);
  });
}

std::vector<std::string> posts_citing(Library& library, std::int64_t id) {
  return guarded(library, "cannot read citing posts", [&] {
    return strings(library,
                   "SELECT DISTINCT p.path FROM posts p JOIN post_references r ON r.post_id = p.id "
                   "WHERE r.citation_id = ? ORDER BY p.path",
                   id);
  });
}

void fix_keys(Library& library, const std::vector<std::int64_t>& ids) {
  guarded(library, "cannot fix keys", [&] {
    // One statement for any number of ids (an export of the whole library
    // names them all): the ids travel as one JSON array.
    std::string list = "[";
    for (std::int64_t id : ids) {
      if (list.size() > 1) {
        list += ',';
      }
      list += std::to_string(id);
    }
    list += "]";
    StatementLease q = library.statement("UPDATE citations SET key_fixed = 1, record = "
                                         "json_set(record, '$.custom.key-fixed', json('true')) "
                                         "WHERE key_fixed = 0 AND id IN (SELECT value FROM json_each(?))");
    q->bind(1, list);
    q->exec();
  });
}

} // namespace refs::store
