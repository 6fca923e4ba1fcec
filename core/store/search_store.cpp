#include "core/store/search_store.hpp"

#include "core/store/sqlite_guard.hpp"

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include <variant>

namespace refs::store {

namespace {

/// bm25's weight of each column of search_words and search_grams, in their
/// order: title, authors, container, abstract, note, keys, ids, links. A
/// word in the title or among the people says most about a work; a key or
/// an identifier typed whole names it.
constexpr const char* k_weights = "10.0, 6.0, 2.0, 1.0, 1.0, 6.0, 3.0, 2.0";

constexpr const char* k_all_columns =
    "title || ' ' || authors || ' ' || container || ' ' || abstract || ' ' || note || ' ' || keys || ' ' || ids || "
    "' ' || links";

using Value = std::variant<std::string, std::int64_t>;

/// SQL in the making, with its values in order.
struct Sql {
  std::string text;
  std::vector<Value> values;

  void where(const std::string& condition, std::vector<Value> more = {}) {
    text += (text.find(" WHERE ") == std::string::npos ? " WHERE " : " AND ") + condition;
    values.insert(values.end(), more.begin(), more.end());
  }
};

std::string placeholders(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    out += i == 0 ? "?" : ", ?";
  }
  return out;
}

/// The positive expressions of `index`, ANDed: the one MATCH that ranks.
std::string joined(const IndexQuery& query, TextMatch::Index index) {
  std::string out;
  for (const TextMatch& m : query.matches) {
    if (m.index == index && !m.excluded) {
      out += (out.empty() ? "(" : " AND (") + m.expression + ")";
    }
  }
  return out;
}

/// Rows of search_grams that hold `m`'s text; trigram MATCH cannot find
/// text shorter than three characters, and its LIKE counts bytes in
/// SQLite 3.40, so instr() reads every row there (only rows with Korean,
/// Japanese or Chinese text are in search_grams).
std::string scanned(const TextMatch& m) {
  const std::string column = m.column.empty() ? k_all_columns : m.column;
  return "SELECT rowid FROM search_grams WHERE instr(lower(" + column + "), lower(?)) > 0";
}

Sql build(const IndexQuery& query) {
  const std::string words = joined(query, TextMatch::Index::words);
  const std::string grams = joined(query, TextMatch::Index::grams);
  Sql sql;
  if (!words.empty()) {
    sql.text = std::string("SELECT c.id, -bm25(search_words, ") + k_weights +
               ") AS score FROM search_words JOIN citations c ON c.id = search_words.rowid";
    sql.where("search_words MATCH ?", {words});
  } else if (!grams.empty()) {
    sql.text = std::string("SELECT c.id, -bm25(search_grams, ") + k_weights +
               ") AS score FROM search_grams JOIN citations c ON c.id = search_grams.rowid";
  } else {
    sql.text = "SELECT c.id, 0.0 AS score FROM citations c";
  }
  if (!grams.empty()) {
    sql.where(words.empty() ? "search_grams MATCH ?" : "c.id IN (SELECT rowid FROM search_grams WHERE search_grams MATCH ?)",
              {grams});
  }
  for (const TextMatch& m : query.matches) {
    const std::string in = m.excluded ? "c.id NOT IN (" : "c.id IN (";
    if (m.index == TextMatch::Index::scan) {
      sql.where(in + scanned(m) + ")", {m.expression});
    } else if (m.excluded) {
      const std::string table = m.index == TextMatch::Index::words ? "search_words" : "search_grams";
      sql.where(in + "SELECT rowid FROM " + table + " WHERE " + table + " MATCH ?)", {m.expression});
    }
  }
  if (query.year_from > 0) {
    sql.where("c.year >= ?", {std::int64_t{query.year_from}});
  }
  if (query.year_to > 0) {
    sql.where("c.year <= ?", {std::int64_t{query.year_to}});
  }
  if (!query.types.empty()) {
    sql.where("c.type IN (" + placeholders(query.types.size()) + ")",
              std::vector<Value>(query.types.begin(), query.types.end()));
  }
  if (query.post_ids) {
    sql.where("c.id IN (SELECT citation_id FROM post_references WHERE post_id IN (" +
                  placeholders(query.post_ids->size()) + "))",
              std::vector<Value>(query.post_ids->begin(), query.post_ids->end()));
  }
  sql.text += " ORDER BY score DESC, c.year DESC NULLS LAST, c.key";
  return sql;
}

} // namespace

IndexResult search_index(Library& library, const IndexQuery& query) {
  const Sql sql = build(query);
  return guarded(library, "cannot search the library", [&] {
    SQLite::Statement q(library.db(), sql.text);
    for (std::size_t i = 0; i < sql.values.size(); ++i) {
      const int n = static_cast<int>(i) + 1;
      std::visit([&](const auto& v) { q.bind(n, v); }, sql.values[i]);
    }
    IndexResult result;
    while (q.executeStep()) {
      ++result.total;
      if (query.limit == 0 || result.hits.size() < query.limit) {
        result.hits.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getDouble()});
      }
    }
    return result;
  });
}

} // namespace refs::store
