#include "core/store/migrations.hpp"

#include "core/util/error.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <string>

namespace refs::store {

int latest_schema_version() { return static_cast<int>(migrations().size()); }

namespace {

/// Foreign keys off while a migration runs, as SQLite's procedure for
/// rebuilding a table asks: dropping a parent table would otherwise delete
/// its children. References are counted before and after instead.
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

/// References to rows that do not exist; a damaged library may hold some
/// before a migration, and those are not the migration's to answer for.
std::int64_t broken_references(SQLite::Database& db) {
  return db.execAndGet("SELECT count(*) FROM pragma_foreign_key_check").getInt64();
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
    const std::int64_t broken_before = broken_references(db);
    db.exec(std::string(steps[i].sql));
    if (broken_references(db) > broken_before) {
      throw Error(db.getFilename() + ": migration " + std::string(steps[i].name) +
                  " would leave references to missing rows; the library was left as it was");
    }
    db.exec("PRAGMA user_version = " + std::to_string(version));
    tx.commit();
  }
}

} // namespace refs::store
