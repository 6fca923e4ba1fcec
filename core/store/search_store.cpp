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
  bool conditioned = false;

  void where(const std::string& condition, std::vector<Value> more = {}) {
    text += (conditioned ? " AND " : " WHERE ") + condition;
    conditioned = true;
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

/// The conditions every hit meets, on `id` (a row id of citations and of
/// both indexes), each a set of ids the indexes or an index of citations
/// give: ranking then reads only the search index, never the records.
Sql conditions(const IndexQuery& query, const std::string& id, bool grams_drive) {
  Sql sql;
  const std::string grams = joined(query, TextMatch::Index::grams);
  if (!grams.empty() && !grams_drive) {
    sql.where(id + " IN (SELECT rowid FROM search_grams WHERE search_grams MATCH ?)", {grams});
  }
  for (const TextMatch& m : query.matches) {
    const std::string in = id + (m.excluded ? " NOT IN (" : " IN (");
    if (m.index == TextMatch::Index::scan) {
      sql.where(in + scanned(m) + ")", {m.expression});
    } else if (m.excluded) {
      const std::string table = m.index == TextMatch::Index::words ? "search_words" : "search_grams";
      sql.where(in + "SELECT rowid FROM " + table + " WHERE " + table + " MATCH ?)", {m.expression});
    }
  }
  Sql of_citation; // year and type, from their indexes on citations
  if (query.year_from > 0) {
    of_citation.where("year >= ?", {std::int64_t{query.year_from}});
  }
  if (query.year_to > 0) {
    of_citation.where("year <= ?", {std::int64_t{query.year_to}});
  }
  if (!query.types.empty()) {
    of_citation.where("type IN (" + placeholders(query.types.size()) + ")",
                      std::vector<Value>(query.types.begin(), query.types.end()));
  }
  if (!of_citation.text.empty()) {
    sql.where(id + " IN (SELECT id FROM citations" + of_citation.text + ")", of_citation.values);
  }
  if (query.post_ids) {
    sql.where(id + " IN (SELECT citation_id FROM post_references WHERE post_id IN (" +
                  placeholders(query.post_ids->size()) + "))",
              std::vector<Value>(query.post_ids->begin(), query.post_ids->end()));
  }
  return sql;
}

/// The query that lists hits (`count` false) or counts them all.
Sql build(const IndexQuery& query, bool count) {
  const std::string words = joined(query, TextMatch::Index::words);
  const std::string grams = joined(query, TextMatch::Index::grams);
  const std::string table = !words.empty() ? "search_words" : !grams.empty() ? "search_grams" : "";
  Sql sql;
  if (table.empty()) {
    sql = conditions(query, "id", false);
    sql.text = (count ? "SELECT count(*) FROM citations" : "SELECT id, 0.0 FROM citations") + sql.text +
               (count ? "" : " ORDER BY year DESC NULLS LAST, key");
  } else {
    // Ties keep the order works came into the library (row ids).
    sql.where(table + " MATCH ?", {table == "search_words" ? words : grams});
    const Sql rest = conditions(query, "rowid", table == "search_grams");
    const std::string rank = table == "search_words" ? "refs_rank" : "refs_grams_rank";
    sql.text = (count ? "SELECT count(*) FROM " : "SELECT rowid, -" + rank + "(" + table + ", " + k_weights + ") AS score FROM ") +
               table + sql.text + (rest.conditioned ? " AND" + rest.text.substr(std::string(" WHERE").size()) : "") +
               (count ? "" : " ORDER BY score DESC, rowid");
    sql.values.insert(sql.values.end(), rest.values.begin(), rest.values.end());
  }
  if (!count && query.limit > 0) {
    sql.text += " LIMIT " + std::to_string(query.limit);
  }
  return sql;
}

void bind(SQLite::Statement& q, const Sql& sql) {
  for (std::size_t i = 0; i < sql.values.size(); ++i) {
    const int n = static_cast<int>(i) + 1;
    std::visit([&](const auto& v) { q.bind(n, v); }, sql.values[i]);
  }
}

} // namespace

IndexResult search_index(Library& library, const IndexQuery& query) {
  const Sql list = build(query, false);
  const Sql count = build(query, true);
  return guarded(library, "cannot search the library", [&] {
    IndexResult result;
    SQLite::Statement q(library.db(), list.text);
    bind(q, list);
    while (q.executeStep()) {
      result.hits.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getDouble()});
    }
    SQLite::Statement n(library.db(), count.text);
    bind(n, count);
    n.executeStep();
    result.total = static_cast<std::size_t>(n.getColumn(0).getInt64());
    return result;
  });
}

} // namespace refs::store
