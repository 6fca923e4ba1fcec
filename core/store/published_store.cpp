#include "core/store/published_store.hpp"

#include "core/csl/csl_json.hpp"
#include "core/store/sqlite_guard.hpp"
#include "core/util/error.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <nlohmann/json.hpp>

namespace refs::store {

namespace {

model::Citation read_record(Library& library, const std::string& text, const std::string& what) {
  auto citation = csl::from_csl_json(nlohmann::json::parse(text, nullptr, false));
  if (!citation) {
    throw Error(library.path().string() + ": the stored record of " + what + " does not read: " + citation.error());
  }
  return std::move(*citation);
}

std::vector<std::string> read_lines(const std::string& text) {
  std::vector<std::string> out;
  const auto json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_array()) {
    for (const auto& line : json) {
      if (line.is_string()) {
        out.push_back(line.get<std::string>());
      }
    }
  }
  return out;
}

PublishedChange read_change(Library& library, SQLite::Statement& q) {
  PublishedChange c;
  c.id = q.getColumn(0).getInt64();
  c.citation_id = q.getColumn(1).getInt64();
  c.arxiv_id = q.getColumn(2).getString();
  c.applied_at = q.getColumn(3).getString();
  c.before = read_record(library, q.getColumn(4).getString(), "published change " + std::to_string(c.id));
  c.after = read_record(library, q.getColumn(5).getString(), "published change " + std::to_string(c.id));
  c.undone_at = q.getColumn(6).getString();
  return c;
}

} // namespace

std::optional<PublishedFinding> published_finding(Library& library, const std::string& arxiv_id) {
  PublishedFinding f;
  std::string record;
  std::string evidence;
  const bool found = guarded(library, "cannot read a published version", [&] {
    SQLite::Statement q(library.db(), "SELECT checked_at, status, identity, venue, workshop, evidence, record, asked "
                                      "FROM published_versions WHERE arxiv_id = ?");
    q.bind(1, arxiv_id);
    if (!q.executeStep()) {
      return false;
    }
    f.arxiv_id = arxiv_id;
    f.checked_at = q.getColumn(0).getInt64();
    f.status = q.getColumn(1).getString();
    f.identity = q.getColumn(2).getString();
    f.venue = q.getColumn(3).getString();
    f.workshop = q.getColumn(4).getInt() != 0;
    evidence = q.getColumn(5).getString();
    record = q.getColumn(6).getString();
    f.asked = q.getColumn(7).getString();
    return true;
  });
  if (!found) {
    return std::nullopt;
  }
  f.evidence = read_lines(evidence);
  if (!record.empty()) {
    f.record = read_record(library, record, "the published version of arXiv:" + arxiv_id);
  }
  return f;
}

void record_finding(Library& library, const PublishedFinding& f) {
  guarded(library, "cannot record a published version", [&] {
    SQLite::Statement q(library.db(), "INSERT OR REPLACE INTO published_versions "
                                      "(arxiv_id, checked_at, status, identity, venue, workshop, evidence, record, asked) "
                                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, f.arxiv_id);
    q.bind(2, static_cast<int64_t>(f.checked_at));
    q.bind(3, f.status);
    q.bind(4, f.identity);
    q.bind(5, f.venue);
    q.bind(6, f.workshop ? 1 : 0);
    q.bind(7, nlohmann::json(f.evidence).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    q.bind(8, f.record ? csl::csl_json_text(*f.record) : std::string());
    q.bind(9, f.asked);
    q.exec();
  });
}

bool is_rejected(Library& library, const std::string& arxiv_id, const std::string& identity) {
  return guarded(library, "cannot read rejected versions", [&] {
    SQLite::Statement q(library.db(), "SELECT 1 FROM published_rejections WHERE arxiv_id = ? AND identity = ?");
    q.bind(1, arxiv_id);
    q.bind(2, identity);
    return q.executeStep();
  });
}

void record_rejection(Library& library, const std::string& arxiv_id, const std::string& identity, const std::string& now) {
  guarded(library, "cannot record a rejected version", [&] {
    SQLite::Statement q(library.db(), "INSERT OR REPLACE INTO published_rejections (arxiv_id, identity, rejected_at) VALUES (?, ?, ?)");
    q.bind(1, arxiv_id);
    q.bind(2, identity);
    q.bind(3, now);
    q.exec();
  });
}

std::int64_t record_change(Library& library, const PublishedChange& change) {
  return guarded(library, "cannot record a published version's change", [&] {
    SQLite::Statement q(library.db(), "INSERT INTO published_changes (citation_id, arxiv_id, applied_at, before, after) "
                                      "VALUES (?, ?, ?, ?, ?)");
    q.bind(1, static_cast<int64_t>(change.citation_id));
    q.bind(2, change.arxiv_id);
    q.bind(3, change.applied_at);
    q.bind(4, csl::csl_json_text(change.before));
    q.bind(5, csl::csl_json_text(change.after));
    q.exec();
    return static_cast<std::int64_t>(library.db().getLastInsertRowid());
  });
}

std::optional<PublishedChange> change_in_effect(Library& library, std::int64_t citation_id) {
  return guarded(library, "cannot read published versions' changes", [&]() -> std::optional<PublishedChange> {
    SQLite::Statement q(library.db(), "SELECT id, citation_id, arxiv_id, applied_at, before, after, undone_at "
                                      "FROM published_changes WHERE citation_id = ? AND undone_at = '' ORDER BY id DESC LIMIT 1");
    q.bind(1, static_cast<int64_t>(citation_id));
    if (!q.executeStep()) {
      return std::nullopt;
    }
    return read_change(library, q);
  });
}

void mark_undone(Library& library, std::int64_t change_id, const std::string& now) {
  guarded(library, "cannot record an undone published version", [&] {
    SQLite::Statement q(library.db(), "UPDATE published_changes SET undone_at = ? WHERE id = ?");
    q.bind(1, now);
    q.bind(2, static_cast<int64_t>(change_id));
    q.exec();
  });
}

} // namespace refs::store
