#include "core/store/post_store.hpp"

#include "core/store/sqlite_guard.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

namespace refs::store {

std::optional<std::int64_t> find_post(Library& library, const std::string& path) {
  return guarded(library, "cannot look up a post", [&]() -> std::optional<std::int64_t> {
    SQLite::Statement q(library.db(), "SELECT id FROM posts WHERE path = ?");
    q.bind(1, path);
    if (!q.executeStep()) {
      return std::nullopt;
    }
    return q.getColumn(0).getInt64();
  });
}

std::vector<std::string> post_paths(Library& library) {
  return guarded(library, "cannot list the posts", [&] {
    SQLite::Statement q(library.db(), "SELECT path FROM posts ORDER BY path");
    std::vector<std::string> out;
    while (q.executeStep()) {
      out.push_back(q.getColumn(0).getString());
    }
    return out;
  });
}

std::int64_t upsert_post(Library& library, const std::string& path, const std::string& content_hash,
                         const std::string& now) {
  return guarded(library, "cannot store a post", [&] {
    SQLite::Statement q(library.db(),
                        "INSERT INTO posts (path, content_hash, resolved_at) VALUES (?, ?, ?) "
                        "ON CONFLICT(path) DO UPDATE SET content_hash = excluded.content_hash, "
                        "resolved_at = excluded.resolved_at RETURNING id");
    q.bind(1, path);
    q.bind(2, content_hash);
    q.bind(3, now);
    q.executeStep();
    return q.getColumn(0).getInt64();
  });
}

void put_reference(Library& library, std::int64_t post_id, const ReferenceRow& row) {
  guarded(library, "cannot store a reference", [&] {
    SQLite::Statement q(library.db(),
                        // An upsert, not a REPLACE: a replaced row would leave the
                        // search index of the citation it named behind (the delete
                        // of a REPLACE fires no trigger).
                        "INSERT INTO post_references (post_id, ordinal, label, line, "
                        "link_index, text, url, kind, citation_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        "ON CONFLICT(post_id, ordinal) DO UPDATE SET label = excluded.label, line = excluded.line, "
                        "link_index = excluded.link_index, text = excluded.text, url = excluded.url, "
                        "kind = excluded.kind, citation_id = excluded.citation_id");
    q.bind(1, post_id);
    q.bind(2, row.ordinal);
    q.bind(3, row.label);
    q.bind(4, row.line);
    q.bind(5, row.link_index);
    q.bind(6, row.text);
    q.bind(7, row.url);
    q.bind(8, row.kind);
    if (row.citation_id) {
      q.bind(9, *row.citation_id);
    } else {
      q.bind(9);
    }
    q.exec();
  });
}

void drop_references_from(Library& library, std::int64_t post_id, int first_ordinal) {
  guarded(library, "cannot remove references", [&] {
    SQLite::Statement q(library.db(), "DELETE FROM post_references WHERE post_id = ? AND ordinal >= ?");
    q.bind(1, post_id);
    q.bind(2, first_ordinal);
    q.exec();
  });
}

std::vector<ReferenceRow> post_references(Library& library, std::int64_t post_id) {
  return guarded(library, "cannot read a post's references", [&] {
    SQLite::Statement q(library.db(),
                        "SELECT r.ordinal, r.label, r.line, r.link_index, r.text, r.url, r.kind, "
                        "r.citation_id, c.key FROM post_references r "
                        "LEFT JOIN citations c ON c.id = r.citation_id "
                        "WHERE r.post_id = ? ORDER BY r.ordinal");
    q.bind(1, post_id);
    std::vector<ReferenceRow> rows;
    while (q.executeStep()) {
      ReferenceRow row{q.getColumn(0).getInt(),    q.getColumn(1).getString(),
                       q.getColumn(2).getInt(),    q.getColumn(3).getInt(),
                       q.getColumn(4).getString(), q.getColumn(5).getString(),
                       q.getColumn(6).getString(), std::nullopt,
                       q.getColumn(8).getString()};
      if (!q.getColumn(7).isNull()) {
        row.citation_id = q.getColumn(7).getInt64();
      }
      rows.push_back(std::move(row));
    }
    return rows;
  });
}

int reference_count(Library& library, std::int64_t citation_id) {
  return guarded(library, "cannot count references", [&] {
    SQLite::Statement q(library.db(), "SELECT count(*) FROM post_references WHERE citation_id = ?");
    q.bind(1, citation_id);
    q.executeStep();
    return q.getColumn(0).getInt();
  });
}

std::vector<CitingPost> citing_posts(Library& library) {
  return guarded(library, "cannot list the posts' citations", [&] {
    SQLite::Statement q(library.db(), "SELECT DISTINCT r.citation_id, p.path FROM post_references r "
                                      "JOIN posts p ON p.id = r.post_id WHERE r.citation_id IS NOT NULL "
                                      "ORDER BY p.path, r.citation_id");
    std::vector<CitingPost> out;
    while (q.executeStep()) {
      out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString()});
    }
    return out;
  });
}

} // namespace refs::store
