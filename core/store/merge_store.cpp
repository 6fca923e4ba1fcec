#include "core/store/merge_store.hpp"

#include "core/csl/csl_json.hpp"
#include "core/store/citation_store.hpp"
#include "core/store/sqlite_guard.hpp"
#include "core/util/error.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <nlohmann/json.hpp>

#include <algorithm>

namespace refs::store {

namespace {

using json = nlohmann::json;

/// Runs `f`, turning a merge record that does not read (a damaged file)
/// into refs::Error naming the library.
template <typename F> auto unless_damaged(Library& library, F&& f) {
  try {
    return f();
  } catch (const nlohmann::json::exception& e) {
    throw Error(library.path().string() + ": a merge record is damaged: " + e.what());
  }
}

/// A citation's row, former keys and (for an absorbed entry) the post
/// references naming it, as JSON.
json snapshot(Library& library, std::int64_t id, bool with_references) {
  SQLite::Statement row(library.db(),
                        "SELECT key, key_fixed, record, created_at, updated_at FROM citations WHERE id = ?");
  row.bind(1, id);
  if (!row.executeStep()) {
    throw Error(library.path().string() + ": cannot merge: no citation with row id " + std::to_string(id));
  }
  json out = {{"key", row.getColumn(0).getString()},
              {"key_fixed", row.getColumn(1).getInt() != 0},
              {"record", row.getColumn(2).getString()},
              {"created", row.getColumn(3).getString()},
              {"updated", row.getColumn(4).getString()},
              {"aliases", aliases_of(library, id)},
              {"references", json::array()}};
  if (with_references) {
    SQLite::Statement refs(library.db(), "SELECT post_id, ordinal FROM post_references WHERE citation_id = ?");
    refs.bind(1, id);
    while (refs.executeStep()) {
      out["references"].push_back({refs.getColumn(0).getInt64(), refs.getColumn(1).getInt()});
    }
  }
  return out;
}

/// A merge record's JSON; a damaged one is an error naming the library.
json parse_record(Library& library, const std::string& text) {
  json out = json::parse(text, nullptr, false);
  if (out.is_discarded() || !out.is_object() || !out.contains("key") || !out.contains("record") ||
      !out.contains("aliases") || !out.contains("references")) {
    throw Error(library.path().string() + ": a merge record is damaged");
  }
  return out;
}

model::Citation citation_of(Library& library, const json& snap) {
  auto citation = csl::from_csl_json(json::parse(snap.at("record").get<std::string>(), nullptr, false));
  if (!citation) {
    throw Error(library.path().string() + ": merge record of " + snap.at("key").get<std::string>() +
                " is damaged: " + citation.error());
  }
  citation->key = snap.at("key").get<std::string>();
  citation->key_fixed = snap.at("key_fixed").get<bool>();
  citation->created = snap.at("created").get<std::string>();
  citation->updated = snap.at("updated").get<std::string>();
  return std::move(*citation);
}

void set_aliases(Library& library, std::int64_t id, const json& snap) {
  SQLite::Statement del(library.db(), "DELETE FROM key_aliases WHERE citation_id = ?");
  del.bind(1, id);
  del.exec();
  for (const auto& alias : snap.at("aliases")) {
    add_alias(library, id, alias.get<std::string>());
  }
}

void exec(Library& library, const char* sql, std::int64_t a, std::int64_t b) {
  SQLite::Statement q(library.db(), sql);
  q.bind(1, a);
  q.bind(2, b);
  q.exec();
}

MergeRecord read_merge(Library& library, SQLite::Statement& q) {
  MergeRecord m;
  m.id = q.getColumn(0).getInt64();
  m.merged_at = q.getColumn(1).getString();
  m.survivor_id = q.getColumn(2).getInt64();
  m.survivor_key = parse_record(library, q.getColumn(3).getString()).at("key").get<std::string>();
  m.undone_at = q.getColumn(4).isNull() ? "" : q.getColumn(4).getString();
  SQLite::Statement entries(library.db(), "SELECT citation_id, rule, score, detail, json_extract(entry, '$.key') "
                                          "FROM merged_entries WHERE merge_id = ? ORDER BY position");
  entries.bind(1, m.id);
  while (entries.executeStep()) {
    m.entries.push_back({entries.getColumn(0).getInt64(), entries.getColumn(4).getString(),
                         {entries.getColumn(1).getString(), entries.getColumn(2).getDouble(),
                          entries.getColumn(3).getString()}});
  }
  return m;
}

} // namespace

std::int64_t merge_citations(Library& library, std::int64_t survivor, const model::Citation& merged,
                             const std::vector<Absorbed>& absorbed, const std::string& now) {
  return guarded(library, "cannot merge citations", [&] {
    const json before = snapshot(library, survivor, false);
    std::vector<json> entries;
    for (const Absorbed& a : absorbed) {
      json entry = snapshot(library, a.id, true);
      exec(library, "UPDATE post_references SET citation_id = ? WHERE citation_id = ?", survivor, a.id);
      exec(library, "UPDATE key_aliases SET citation_id = ? WHERE citation_id = ?", survivor, a.id);
      delete_citation(library, a.id);
      add_alias(library, survivor, entry.at("key").get<std::string>());
      entries.push_back(std::move(entry));
    }
    // The absorbed rows are gone first: their arXiv ids and DOIs, unique in
    // the library, now belong to the survivor.
    update_citation(library, survivor, merged);
    SQLite::Statement m(library.db(), "INSERT INTO merges (merged_at, survivor_id, survivor) VALUES (?, ?, ?)");
    m.bind(1, now);
    m.bind(2, survivor);
    m.bind(3, before.dump());
    m.exec();
    const std::int64_t merge_id = library.db().getLastInsertRowid();
    SQLite::Statement e(library.db(), "INSERT INTO merged_entries (merge_id, position, citation_id, rule, score, "
                                      "detail, entry) VALUES (?, ?, ?, ?, ?, ?, ?)");
    for (std::size_t i = 0; i < absorbed.size(); ++i) {
      e.bind(1, merge_id);
      e.bind(2, static_cast<int>(i));
      e.bind(3, absorbed[i].id);
      e.bind(4, absorbed[i].match.rule);
      e.bind(5, absorbed[i].match.score);
      e.bind(6, absorbed[i].match.detail);
      e.bind(7, entries[i].dump());
      e.exec();
      e.reset();
    }
    return merge_id;
  });
}

std::vector<MergeRecord> merge_history(Library& library) {
  return unless_damaged(library, [&] { return guarded(library, "cannot read merges", [&] {
    SQLite::Statement q(library.db(), "SELECT id, merged_at, survivor_id, survivor, undone_at FROM merges ORDER BY id");
    std::vector<MergeRecord> out;
    while (q.executeStep()) {
      out.push_back(read_merge(library, q));
    }
    return out;
  }); });
}

namespace {

/// Why a merge cannot be undone now, or "" when it can.
std::string undo_blocker(Library& library, const MergeRecord& record, bool force) {
  if (!record.undone_at.empty()) {
    return "it was undone already, at " + record.undone_at;
  }
  SQLite::Statement later(library.db(), "SELECT id FROM merges WHERE id > ?1 AND undone_at IS NULL AND "
                                        "(survivor_id = ?2 OR id IN (SELECT merge_id FROM merged_entries "
                                        "WHERE citation_id = ?2)) ORDER BY id DESC LIMIT 1");
  later.bind(1, record.id);
  later.bind(2, record.survivor_id);
  if (later.executeStep()) {
    return "merge " + later.getColumn(0).getString() + " joined " + record.survivor_key +
           " with more entries since; undo it first";
  }
  const auto survivor = find_by_row_id(library, record.survivor_id);
  if (!survivor) {
    return "its entry " + record.survivor_key + " was removed since";
  }
  if (!force && survivor->citation.updated != record.merged_at) {
    return survivor->citation.key + " changed since (at " + survivor->citation.updated +
           "); undoing would lose that change (--force undoes anyway)";
  }
  return "";
}

/// The survivor's former keys after the undo: those it had before the
/// merge, and those it gained since that were not the absorbed entries'
/// (a key settled later, which an export may use).
json aliases_after_undo(Library& library, const MergeRecord& record, const json& survivor,
                        const std::vector<std::pair<std::int64_t, json>>& absorbed) {
  json out = survivor.at("aliases");
  std::vector<std::string> theirs;
  for (const auto& [id, entry] : absorbed) {
    theirs.push_back(entry.at("key").get<std::string>());
    for (const auto& alias : entry.at("aliases")) {
      theirs.push_back(alias.get<std::string>());
    }
  }
  const auto now = find_by_row_id(library, record.survivor_id);
  std::vector<std::string> current = aliases_of(library, record.survivor_id);
  if (now && now->citation.key != survivor.at("key").get<std::string>()) {
    current.push_back(now->citation.key);
  }
  for (const std::string& alias : current) {
    if (std::find(theirs.begin(), theirs.end(), alias) == theirs.end() && alias != survivor.at("key") &&
        std::find(out.begin(), out.end(), alias) == out.end()) {
      out.push_back(alias);
    }
  }
  return out;
}

void restore_entry(Library& library, std::int64_t survivor_id, std::int64_t id, const json& entry) {
  if (find_by_row_id(library, id)) {
    throw Error(library.path().string() + ": cannot undo: row id " + std::to_string(id) + " of " +
                entry.at("key").get<std::string>() + " is in use");
  }
  insert_citation(library, citation_of(library, entry), id);
  set_aliases(library, id, entry);
  SQLite::Statement back(library.db(), "UPDATE post_references SET citation_id = ? WHERE post_id = ? AND "
                                       "ordinal = ? AND citation_id = ?");
  for (const auto& ref : entry.at("references")) {
    back.bind(1, id);
    back.bind(2, ref.at(0).get<std::int64_t>());
    back.bind(3, ref.at(1).get<int>());
    back.bind(4, survivor_id);
    back.exec();
    back.reset();
  }
}

MergeRecord undo(Library& library, std::int64_t merge_id, const std::string& now, bool force) {
  return guarded(library, "cannot undo a merge", [&] {
    const std::string where = library.path().string() + ": cannot undo merge " + std::to_string(merge_id);
    SQLite::Statement q(library.db(), "SELECT id, merged_at, survivor_id, survivor, undone_at FROM merges WHERE id = ?");
    q.bind(1, merge_id);
    if (!q.executeStep()) {
      throw Error(where + ": no such merge (`refs dedupe --history` lists them)");
    }
    const MergeRecord record = read_merge(library, q);
    if (const std::string blocker = undo_blocker(library, record, force); !blocker.empty()) {
      throw Error(where + ": " + blocker);
    }
    json survivor = parse_record(library, q.getColumn(3).getString());
    std::vector<std::pair<std::int64_t, json>> absorbed;
    SQLite::Statement entries(library.db(), "SELECT citation_id, entry FROM merged_entries WHERE merge_id = ? ORDER BY position");
    entries.bind(1, merge_id);
    while (entries.executeStep()) {
      absorbed.emplace_back(entries.getColumn(0).getInt64(), parse_record(library, entries.getColumn(1).getString()));
    }
    survivor["aliases"] = aliases_after_undo(library, record, survivor, absorbed);
    update_citation(library, record.survivor_id, citation_of(library, survivor));
    set_aliases(library, record.survivor_id, survivor);
    for (const auto& [id, entry] : absorbed) {
      restore_entry(library, record.survivor_id, id, entry);
    }
    SQLite::Statement done(library.db(), "UPDATE merges SET undone_at = ? WHERE id = ?");
    done.bind(1, now);
    done.bind(2, merge_id);
    done.exec();
    return record;
  });
}

} // namespace

MergeRecord undo_merge(Library& library, std::int64_t merge_id, const std::string& now, bool force) {
  return unless_damaged(library, [&] { return undo(library, merge_id, now, force); });
}

} // namespace refs::store
