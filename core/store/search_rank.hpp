#pragma once

#include <string>

struct sqlite3;

namespace refs::store {

/// Adds the FTS5 ranking function `name` for the FTS5 table `table` to the
/// connection: `name(table, w0, w1, …)` is bm25 with those column weights,
/// the same number as FTS5's own bm25() (a test holds them equal), made
/// faster by reading row lengths in row order. Throws refs::Error when
/// SQLite has no FTS5.
void register_search_rank(sqlite3* db, const std::string& name, const std::string& table);

} // namespace refs::store
