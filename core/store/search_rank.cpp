#include "core/store/search_rank.hpp"

#include "core/util/error.hpp"

#include <sqlite3.h>

#include <cmath>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace refs::store {

namespace {

// FTS5's bm25(), computed as fts5_aux.c computes it, but with each row's
// length read by walking the docsize table in row order instead of one
// look-up per row: on a word in a quarter of a 100,000-row library, the
// look-ups were 85% of the ranking's time (xColumnSize: 18 of 21 ms).
constexpr double k_k1 = 1.2;
constexpr double k_b = 0.75;

/// What one query's ranking keeps between its rows (FTS5 auxdata).
struct QueryState {
  std::vector<double> idf; ///< per phrase
  double avgdl = 0;
  sqlite3_stmt* docsize = nullptr; ///< SELECT id, sz FROM …_docsize WHERE id >= ? ORDER BY id
  bool stepped = false;            ///< the statement has a current row
  sqlite3_int64 at = 0;            ///< its id

  ~QueryState() { sqlite3_finalize(docsize); }
};

/// The connection and table the function reads; owned by FTS5.
struct Registration {
  sqlite3* db;
  std::string docsize_sql;
};

int count_row(const Fts5ExtensionApi*, Fts5Context*, void* count) {
  ++*static_cast<sqlite3_int64*>(count);
  return SQLITE_OK;
}

std::unique_ptr<QueryState> query_state(const Fts5ExtensionApi* api, Fts5Context* fts, int& rc) {
  auto state = std::make_unique<QueryState>();
  sqlite3_int64 rows = 0;
  sqlite3_int64 tokens = 0;
  rc = api->xRowCount(fts, &rows);
  if (rc == SQLITE_OK) {
    rc = api->xColumnTotalSize(fts, -1, &tokens);
  }
  state->avgdl = rows > 0 ? static_cast<double>(tokens) / static_cast<double>(rows) : 0;
  for (int i = 0; rc == SQLITE_OK && i < api->xPhraseCount(fts); ++i) {
    sqlite3_int64 hits = 0;
    rc = api->xQueryPhrase(fts, i, &hits, count_row);
    const double idf = std::log((static_cast<double>(rows - hits) + 0.5) / (static_cast<double>(hits) + 0.5));
    state->idf.push_back(idf <= 0.0 ? 1e-6 : idf);
  }
  const auto* registration = static_cast<const Registration*>(api->xUserData(fts));
  if (rc == SQLITE_OK) {
    rc = sqlite3_prepare_v2(registration->db, registration->docsize_sql.c_str(), -1, &state->docsize, nullptr);
  }
  return state;
}

/// A SQLite varint (FTS5 writes each column's token count as one).
std::uint64_t varint(const unsigned char*& p, const unsigned char* end) {
  std::uint64_t v = 0;
  for (int i = 0; i < 9 && p < end; ++i) {
    const unsigned char byte = *p++;
    if (i == 8) {
      return (v << 8) | byte;
    }
    v = (v << 7) | (byte & 0x7f);
    if ((byte & 0x80) == 0) {
      break;
    }
  }
  return v;
}

/// The row's length in tokens, all columns: what xColumnSize(-1) gives.
/// Rows come in ascending order, so the statement mostly steps on; a far
/// jump (or a step back) seeks instead.
int row_length(QueryState& s, sqlite3_int64 rowid, double& length) {
  constexpr sqlite3_int64 k_walk = 64;
  int rc = SQLITE_ROW;
  if (!s.stepped || rowid < s.at || rowid > s.at + k_walk) {
    sqlite3_reset(s.docsize);
    sqlite3_bind_int64(s.docsize, 1, rowid);
    rc = sqlite3_step(s.docsize);
  }
  while (rc == SQLITE_ROW && (s.at = sqlite3_column_int64(s.docsize, 0)) < rowid) {
    rc = sqlite3_step(s.docsize);
  }
  s.stepped = rc == SQLITE_ROW;
  length = 0;
  if (s.stepped && s.at == rowid) {
    const auto* p = static_cast<const unsigned char*>(sqlite3_column_blob(s.docsize, 1));
    const unsigned char* end = p + sqlite3_column_bytes(s.docsize, 1);
    while (p != nullptr && p < end) {
      length += static_cast<double>(varint(p, end));
    }
  }
  return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
}

void rank(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* result, int n_weights,
          sqlite3_value** weights) {
  auto* state = static_cast<QueryState*>(api->xGetAuxdata(fts, 0));
  int rc = SQLITE_OK;
  if (state == nullptr) {
    auto made = query_state(api, fts, rc);
    if (rc == SQLITE_OK) {
      state = made.get();
      // On failure FTS5 deletes what it was handed.
      rc = api->xSetAuxdata(fts, made.release(), [](void* p) { delete static_cast<QueryState*>(p); });
    }
    if (rc != SQLITE_OK) {
      sqlite3_result_error_code(result, rc);
      return;
    }
  }
  std::vector<double> freq(state->idf.size(), 0.0);
  int instances = 0;
  if (rc == SQLITE_OK) {
    rc = api->xInstCount(fts, &instances);
  }
  for (int i = 0; rc == SQLITE_OK && i < instances; ++i) {
    int phrase = 0;
    int column = 0;
    int offset = 0;
    rc = api->xInst(fts, i, &phrase, &column, &offset);
    freq[static_cast<std::size_t>(phrase)] += n_weights > column ? sqlite3_value_double(weights[column]) : 1.0;
  }
  double length = 0;
  if (rc == SQLITE_OK) {
    rc = row_length(*state, api->xRowid(fts), length);
  }
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(result, rc);
    return;
  }
  double score = 0;
  for (std::size_t i = 0; i < state->idf.size(); ++i) {
    score += state->idf[i] * ((freq[i] * (k_k1 + 1.0)) / (freq[i] + k_k1 * (1 - k_b + k_b * length / state->avgdl)));
  }
  sqlite3_result_double(result, -1.0 * score);
}

} // namespace

void register_search_rank(sqlite3* db, const std::string& name, const std::string& table) {
  fts5_api* api = nullptr;
  sqlite3_stmt* q = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &q, nullptr) == SQLITE_OK) {
    sqlite3_bind_pointer(q, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(q);
  }
  sqlite3_finalize(q);
  if (api == nullptr) {
    throw Error("this SQLite has no FTS5, which refs search needs");
  }
  auto* registration = new Registration{db, "SELECT id, sz FROM " + table + "_docsize WHERE id >= ?1 ORDER BY id"};
  const int rc = api->xCreateFunction(api, name.c_str(), registration, rank,
                                      [](void* p) { delete static_cast<Registration*>(p); });
  if (rc != SQLITE_OK) {
    delete registration;
    throw Error("cannot add the search ranking to SQLite: " + std::string(sqlite3_errstr(rc)));
  }
}

} // namespace refs::store
