#include "core/pipeline/search_library.hpp"

#include "core/post/post_file.hpp"
#include "core/store/citation_store.hpp"
#include "core/store/post_store.hpp"
#include "core/store/search_store.hpp"
#include "core/util/utf8.hpp"

namespace refs::pipeline {

namespace {

/// The column of search_words and search_grams that holds `field`.
std::string column_of(search::Field field) {
  switch (field) {
  case search::Field::title: return "title";
  case search::Field::author: return "authors";
  case search::Field::venue: return "container";
  case search::Field::key: return "keys";
  case search::Field::id: return "ids";
  case search::Field::any: break;
  }
  return "";
}

/// `text` as one FTS5 string: a phrase of the words in it, so that no
/// character of the user's is ever read as FTS5 syntax.
std::string fts_string(const std::string& text) {
  std::string out = "\"";
  for (const char ch : text) {
    out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  }
  return out + "\"";
}

std::size_t code_points(const std::string& text) {
  std::size_t n = 0;
  for (std::size_t pos = 0; pos < text.size(); ++n) {
    util::next_code_point(text, pos);
  }
  return n;
}

store::TextMatch match_of(const search::Term& term) {
  const std::string column = column_of(term.field);
  if (term.cjk && code_points(term.text) < 3) {
    return {store::TextMatch::Index::scan, term.text, column, term.excluded};
  }
  // Trigrams match anywhere in a word, so a prefix asks nothing more there.
  const std::string expression = (column.empty() ? "" : column + " : ") + fts_string(term.text) +
                                 (term.prefix && !term.cjk ? " *" : "");
  return {term.cjk ? store::TextMatch::Index::grams : store::TextMatch::Index::words, expression, "", term.excluded};
}

} // namespace

tl::expected<SearchResult, std::string> search_library(store::Library& library, const search::Query& query,
                                                       std::size_t limit) {
  store::IndexQuery index;
  for (const search::Term& term : query.terms) {
    index.matches.push_back(match_of(term));
  }
  index.year_from = query.year_from;
  index.year_to = query.year_to;
  index.types = query.types;
  index.limit = limit;
  if (!query.posts.empty()) {
    index.post_ids.emplace();
    for (const std::string& post : query.posts) {
      const auto id = store::find_post(library, post::post_identity(post));
      if (!id) {
        return tl::make_unexpected("post:" + post + ": no such post in the library (refs resolve reads a post in)");
      }
      index.post_ids->push_back(*id);
    }
  }
  const store::IndexResult found = store::search_index(library, index);
  SearchResult out;
  out.total = found.total;
  for (const store::IndexHit& hit : found.hits) {
    try {
      auto stored = store::find_by_row_id(library, hit.id);
      if (!stored) {
        continue;
      }
      out.hits.push_back({view_of(library, std::move(*stored)), hit.score});
    } catch (const store::DamagedRecord& e) {
      out.damaged.emplace_back(e.what());
    }
  }
  return out;
}

} // namespace refs::pipeline
