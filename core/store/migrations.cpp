#include "core/store/migrations.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Transaction.h>

#include <string>

namespace refs::store {

int latest_schema_version() { return static_cast<int>(migrations().size()); }

void apply_migrations(SQLite::Database& db) {
  const auto& steps = migrations();
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const int version = static_cast<int>(i) + 1;
    if (db.execAndGet("PRAGMA user_version").getInt() >= version) {
      continue;
    }
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    // Another process may have applied it while we waited for the lock.
    if (db.execAndGet("PRAGMA user_version").getInt() >= version) {
      continue;
    }
    db.exec(std::string(steps[i].sql));
    db.exec("PRAGMA user_version = " + std::to_string(version));
    tx.commit();
  }
}

} // namespace refs::store
