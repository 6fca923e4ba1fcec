#include "core/store/migrations.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "core/util/error.hpp"

#include <string>

namespace refs::store {

int latest_schema_version() { return static_cast<int>(migrations().size()); }

namespace {

/// Runs a migration with foreign keys off, as SQLite's procedure for
/// rebuilding a table asks (dropping a parent table would otherwise delete
/// its children), and checks them all before the migration commits.
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

  static void check(SQLite::Database& db, const std::string& migration) {
    SQLite::Statement q(db, "PRAGMA foreign_key_check");
    if (q.executeStep()) {
      throw Error("migration " + migration + " broke a reference from table " + q.getColumn(0).getString() +
                  "; the library was left as it was");
    }
  }

private:
  SQLite::Database& m_db;
  bool m_were_on;
};

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
    ForeignKeysOff::check(db, std::string(steps[i].name));
    db.exec("PRAGMA user_version = " + std::to_string(version));
    tx.commit();
  }
}

} // namespace refs::store
