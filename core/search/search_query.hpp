#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

namespace refs::search {

/// Where a term is looked for.
enum class Field { any, title, author, venue, key, id };

/// One thing to look for: a word, the start of a word (`effic*`) or a
/// phrase (`"context window"`), in every field or in one.
struct Term {
  std::string text; ///< as written, without its quotes, `*` or field name
  Field field = Field::any;
  bool prefix = false;
  bool excluded = false; ///< `-word`: hits must not hold it
  /// Holds Korean, Japanese or Chinese letters, which are not written in
  /// words a tokenizer can split: looked up by trigrams, or read through
  /// when shorter than three characters (a trigram index cannot find those).
  bool cjk = false;
};

/// A parsed `refs search` query. Terms must all match (excluded ones must
/// not); filters of one kind are alternatives (`type:book type:thesis`).
struct Query {
  std::vector<Term> terms;
  int year_from = 0; ///< 0: open
  int year_to = 0;   ///< 0: open
  std::vector<std::string> types; ///< CSL item types
  std::vector<std::string> posts; ///< post files, as given
};

/// Parses a query: words, `"phrases"`, `prefix*`, `-excluded`, and the
/// fields `title:`, `author:`, `venue:`, `key:`, `id:` (`doi:`, `arxiv:`,
/// `url:` alike), `year:2023` (or `2020-2023`, `2020-`, `-2019`), `type:`
/// (a CSL type) and `post:FILE`. Fails with one line naming the part of the
/// query that is wrong: an unclosed quote, an unknown field or type, a bad
/// year, OR/NOT, or a query with nothing to look for.
tl::expected<Query, std::string> parse_query(std::string_view text);

/// Whether `cp` is a Korean, Japanese or Chinese letter: the ranges the
/// search_grams index takes rows for (schemas/migrations/0007_search.sql).
bool is_cjk(char32_t cp);

} // namespace refs::search
