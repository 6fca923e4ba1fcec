#include "core/store/link_check_store.hpp"

#include "core/store/sqlite_guard.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

namespace refs::store {

void record_check(Library& library, const LinkCheck& check) {
  guarded(library, "cannot record a link check", [&] {
    SQLite::Statement q(library.db(), "INSERT OR REPLACE INTO link_checks (url, checked_at, verdict, detail) VALUES (?, ?, ?, ?)");
    q.bind(1, check.url);
    q.bind(2, static_cast<int64_t>(check.at));
    q.bind(3, check.seen);
    q.bind(4, check.detail);
    q.exec();
  });
}

std::vector<LinkCheck> link_history(Library& library, const std::string& url) {
  return guarded(library, "cannot read a link's checks", [&] {
    SQLite::Statement q(library.db(), "SELECT checked_at, verdict, detail FROM link_checks WHERE url = ? ORDER BY checked_at");
    q.bind(1, url);
    std::vector<LinkCheck> out;
    while (q.executeStep()) {
      out.push_back({url, q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString()});
    }
    return out;
  });
}

} // namespace refs::store
