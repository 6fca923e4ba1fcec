#include "core/store/migrations.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "core/util/error.hpp"

#include <string>

namespace refs::store {

int latest_schema_version() { return static_cast<int>(migrations().size()); }

namespace {

/// Foreign keys off while a migration runs, as SQLite's procedure for
/// rebuilding a table asks: dropping a parent table would otherwise delete
/// its children. check_foreign_keys() then checks them all before commit.
class ForeignKeysOff {
public:
  explicit ForeignKeysOff(SQLite::Database& db)
      : m_db(db), m_were_on(db.execAndGet("PRAGMA foreign_keys").getInt() != 0) {
    m_db.exec("PRAGMA foreign_keys = OFF");
  }
  ~ForeignKeysOff() {
    if (m_were_on) {
      m_db.tryExec("PRAGMA foreign_keys = ON"); // cannot fail outside a transaction
    }
  }
  ForeignKeysOff(const ForeignKeysOff&) = delete;
  ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;

private:
  SQLite::Database& m_db;
  bool m_were_on;
};

void check_foreign_keys(SQLite::Database& db, std::string_view migration) {
  SQLite::Statement q(db, "PRAGMA foreign_key_check");
  if (q.executeStep()) {
    throw Error(db.getFilename() + ": migration " + std::string(migration) + " broke a reference from table " +
                q.getColumn(0).getString() + "; the library was left as it was");
  }
}

} // namespace

void apply_migrations(SQLite::Database& db) {
  const auto& steps = migrations();
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const int version = static_cast<int>(i) + 1;
    if (db.execAndGet("PRAGMA user_version").getInt() >= version) {
      continue;
    }
    const ForeignKeysOff off(db);
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    // Another process may have applied it while we waited for the lock.
    if (db.execAndGet("PRAGMA user_version").getInt() >= version) {
      continue;
    }
    db.exec(std::string(steps[i].sql));
    check_foreign_keys(db, steps[i].name);
    db.exec("PRAGMA user_version = " + std::to_string(version));
    tx.commit();
  }
}

} // namespace refs::store
