#include "core/store/cache_store.hpp"

#include "core/store/sqlite_guard.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>

namespace refs::store {

std::optional<CacheEntry> cached(Library& library, const std::string& key) {
  return guarded(library, "cannot read the cache", [&]() -> std::optional<CacheEntry> {
    SQLite::Statement q(library.db(), "SELECT CAST(fetched_at AS INTEGER), failure, metadata, etag, last_modified, "
                                      "lost FROM http_cache WHERE url = ?");
    q.bind(1, key);
    if (!q.executeStep()) {
      return std::nullopt;
    }
    return CacheEntry{key, q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                      q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getInt() != 0};
  });
}

void remember(Library& library, const CacheEntry& entry) {
  guarded(library, "cannot write the cache", [&] {
    SQLite::Statement q(library.db(), "INSERT OR REPLACE INTO http_cache (url, status, etag, last_modified, "
                                      "fetched_at, failure, metadata, lost) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, entry.key);
    q.bind(2, entry.failure.empty() ? 200 : 0);
    q.bind(3, entry.etag);
    q.bind(4, entry.last_modified);
    q.bind(5, std::to_string(entry.fetched_at));
    if (entry.failure.empty()) {
      q.bind(6);
      q.bind(7, entry.metadata);
    } else {
      q.bind(6, entry.failure);
      q.bind(7);
    }
    q.bind(8, entry.lost ? 1 : 0);
    q.exec();
  });
}

int clear_cache(Library& library) {
  return guarded(library, "cannot clear the cache", [&] { return library.db().exec("DELETE FROM http_cache"); });
}

double reserve_host_slots(Library& library, const std::string& host, int count, double interval, double now) {
  return guarded(library, "cannot reserve a request slot", [&] {
    SQLite::Statement read(library.db(), "SELECT next_request FROM host_state WHERE host = ?");
    read.bind(1, host);
    const double start = read.executeStep() ? std::max(now, read.getColumn(0).getDouble()) : now;
    SQLite::Statement write(library.db(), "INSERT OR REPLACE INTO host_state (host, next_request) VALUES (?, ?)");
    write.bind(1, host);
    write.bind(2, start + interval * count);
    write.exec();
    return start;
  });
}

void hold_host(Library& library, const std::string& host, double when) {
  guarded(library, "cannot record a request slot", [&] {
    SQLite::Statement q(library.db(), "INSERT INTO host_state (host, next_request) VALUES (?, ?) "
                                      "ON CONFLICT(host) DO UPDATE SET next_request = max(next_request, excluded.next_request)");
    q.bind(1, host);
    q.bind(2, when);
    q.exec();
  });
}

} // namespace refs::store
