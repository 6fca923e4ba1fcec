#pragma once

#include <string_view>
#include <vector>

namespace SQLite {
class Database;
}

namespace refs::store {

/// One schema step; the n-th migration (1-based) brings the library to
/// `PRAGMA user_version` n.
struct Migration {
  std::string_view name; ///< its file in schemas/migrations/
  std::string_view sql;
};

/// Every migration in order (generated from schemas/migrations/*.sql).
const std::vector<Migration>& migrations();

/// The schema version this build writes.
int latest_schema_version();

/// Applies the migrations the database lacks, each in its own immediate
/// transaction that also bumps user_version, so two processes opening a new
/// library at once apply each step once. Each runs with foreign keys off
/// (a migration may rebuild a table others refer to) and is rolled back if
/// it leaves more broken references than it found. Throws SQLite::Exception,
/// or refs::Error naming the library and the migration.
void apply_migrations(SQLite::Database& db);

} // namespace refs::store
