#include "core/search/search_query.hpp"

#include "core/csl/csl_fields.hpp"
#include "core/util/string.hpp"
#include "core/util/utf8.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>

namespace refs::search {

// The query language is the one search boxes taught people (GitHub's,
// Zotero's advanced search): words that must all match, "phrases",
// a trailing * for a word's start, -word to leave out, and field:value
// filters. It is read here into terms and filters, never handed to FTS5 as
// written: FTS5's own syntax (NEAR, ^, column filters, AND/OR/NOT) would
// turn a user's punctuation into errors or different queries.

namespace {

constexpr std::string_view k_fields = "title, author, venue, key, id, year, type, post";

struct FieldName {
  std::string_view name;
  Field field;
};

constexpr std::array<FieldName, 8> k_text_fields = {{{"title", Field::title},
                                                     {"author", Field::author},
                                                     {"venue", Field::venue},
                                                     {"key", Field::key},
                                                     {"id", Field::id},
                                                     {"doi", Field::id},
                                                     {"arxiv", Field::id},
                                                     {"url", Field::id}}};

/// One space-separated part of the query, before it is understood.
struct Part {
  std::string field; ///< lower case; "" for none
  std::string value;
  bool quoted = false;
  bool prefix = false;
  bool excluded = false;
  std::string written; ///< as typed, for messages
};

bool is_space(char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'; }

bool has_word_character(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    if (u_isalnum(static_cast<UChar32>(util::next_code_point(text, pos)))) {
      return true;
    }
  }
  return false;
}

bool has_cjk(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    if (is_cjk(util::next_code_point(text, pos))) {
      return true;
    }
  }
  return false;
}

/// `name:` at `pos` when it names a field: ASCII letters, a colon, then a
/// value that is not the rest of a URL ("https://…").
std::optional<std::string> field_at(std::string_view text, std::size_t& pos) {
  std::size_t end = pos;
  while (end < text.size() && ((text[end] >= 'a' && text[end] <= 'z') || (text[end] >= 'A' && text[end] <= 'Z'))) {
    ++end;
  }
  if (end == pos || end + 1 >= text.size() || text[end] != ':' || is_space(text[end + 1]) || text[end + 1] == '/') {
    return std::nullopt;
  }
  std::string name = util::to_lower_ascii(text.substr(pos, end - pos));
  pos = end + 1;
  return name;
}

tl::expected<Part, std::string> next_part(std::string_view text, std::size_t& pos) {
  const std::size_t start = pos;
  Part part;
  if (text[pos] == '-' && pos + 1 < text.size() && !is_space(text[pos + 1])) {
    part.excluded = true;
    ++pos;
  }
  part.field = field_at(text, pos).value_or("");
  if (pos < text.size() && text[pos] == '"') {
    const std::size_t close = text.find('"', pos + 1);
    if (close == std::string_view::npos) {
      return tl::make_unexpected("the quote opened at character " + std::to_string(pos + 1) + " is not closed");
    }
    part.value = std::string(text.substr(pos + 1, close - pos - 1));
    part.quoted = true;
    pos = close + 1;
    if (pos < text.size() && text[pos] == '*') {
      part.prefix = true;
      ++pos;
    }
  } else {
    const std::size_t end = std::find_if(text.begin() + static_cast<std::ptrdiff_t>(pos), text.end(), is_space) - text.begin();
    part.value = std::string(text.substr(pos, end - pos));
    pos = end;
    if (part.value.size() > 1 && part.value.back() == '*') {
      part.value.pop_back();
      part.prefix = true;
    }
  }
  part.written = std::string(text.substr(start, pos - start));
  return part;
}

/// A year as written in a query: one to four digits.
std::optional<int> year_of(std::string_view text) {
  int year = 0;
  if (text.empty() || text.size() > 4 || !util::all_digits(text)) {
    return std::nullopt;
  }
  std::from_chars(text.data(), text.data() + text.size(), year);
  return year;
}

tl::expected<void, std::string> read_years(const Part& part, Query& query) {
  const std::string& v = part.value;
  const std::size_t dash = v.find("..") != std::string::npos ? v.find("..") : v.find('-');
  const std::size_t after = dash == std::string::npos ? 0 : dash + (v.compare(dash, 2, "..") == 0 ? 2 : 1);
  const std::string_view from = dash == std::string::npos ? std::string_view(v) : std::string_view(v).substr(0, dash);
  const std::string_view to = dash == std::string::npos ? std::string_view(v) : std::string_view(v).substr(after);
  const auto first = from.empty() ? std::optional<int>(0) : year_of(from);
  const auto last = to.empty() ? std::optional<int>(0) : year_of(to);
  if (!first || !last || (from.empty() && to.empty())) {
    return tl::make_unexpected(part.written + ": a year is written 2023, or a range 2020-2023, 2020- or -2019");
  }
  if (*first > 0 && *last > 0 && *first > *last) {
    return tl::make_unexpected(part.written + ": the range ends before it starts");
  }
  if (query.year_from != 0 || query.year_to != 0) {
    return tl::make_unexpected(part.written + ": a second year filter (one range says it: year:2020-2023)");
  }
  query.year_from = *first;
  query.year_to = *last;
  return {};
}

tl::expected<void, std::string> read_type(const Part& part, Query& query) {
  const auto types = csl::type_names();
  if (std::find(types.begin(), types.end(), part.value) != types.end()) {
    query.types.push_back(part.value);
    return {};
  }
  std::vector<std::string_view> near;
  std::copy_if(types.begin(), types.end(), std::back_inserter(near),
               [&](std::string_view t) { return !part.value.empty() && t.find(part.value) != std::string_view::npos; });
  std::string hint = "; `refs search --help` lists the types";
  if (!near.empty() && near.size() <= 4) {
    hint = " (did you mean ";
    for (std::size_t i = 0; i < near.size(); ++i) {
      hint += i == 0 ? "" : i + 1 == near.size() ? " or " : ", ";
      hint += near[i];
    }
    hint += "?)";
  }
  return tl::make_unexpected(part.written + ": not a CSL item type" + hint);
}

/// An arXiv id names the work without its version: 2309.00071v2 is 2309.00071.
std::string without_arxiv_version(std::string id) {
  const std::size_t v = id.rfind('v');
  if (v != std::string::npos && v > 0 && v + 1 < id.size() && util::all_digits(std::string_view(id).substr(v + 1)) &&
      id.find('.') != std::string::npos && id.find('.') < v) {
    id.erase(v);
  }
  return id;
}

tl::expected<void, std::string> read_part(Part part, Query& query) {
  if (part.field == "year" || part.field == "type" || part.field == "post") {
    if (part.excluded) {
      return tl::make_unexpected(part.written + ": a filter cannot be excluded");
    }
    if (part.field == "year") {
      return read_years(part, query);
    }
    if (part.field == "type") {
      return read_type(part, query);
    }
    if (part.value.empty()) {
      return tl::make_unexpected(part.written + ": name a post (post:notes/2023-ai.md)");
    }
    query.posts.push_back(part.value);
    return {};
  }
  Field field = Field::any;
  if (!part.field.empty()) {
    const auto* known = std::find_if(k_text_fields.begin(), k_text_fields.end(),
                                     [&](const FieldName& f) { return f.name == part.field; });
    if (known == k_text_fields.end()) {
      return tl::make_unexpected(part.written + ": no field " + part.field + " (fields: " + std::string(k_fields) + ")");
    }
    field = known->field;
  }
  if (!part.quoted && (part.value == "OR" || part.value == "NOT")) {
    return tl::make_unexpected(part.value + ": every word must match; -word leaves out what holds a word");
  }
  if ((!part.quoted && part.value == "AND") || !has_word_character(part.value)) {
    return {}; // nothing a tokenizer would keep
  }
  if (part.field == "arxiv") {
    part.value = without_arxiv_version(std::move(part.value));
  }
  const bool cjk = has_cjk(part.value);
  query.terms.push_back({std::move(part.value), field, part.prefix, part.excluded, cjk});
  return {};
}

} // namespace

bool is_cjk(char32_t cp) {
  return (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x2E80 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFF66 && cp <= 0xFF9F);
}

tl::expected<Query, std::string> parse_query(std::string_view text) {
  if (util::find_invalid_utf8(text)) {
    return tl::make_unexpected(std::string("the query is not UTF-8 text"));
  }
  Query query;
  for (std::size_t pos = 0; pos < text.size();) {
    if (is_space(text[pos])) {
      ++pos;
      continue;
    }
    auto part = next_part(text, pos);
    if (!part) {
      return tl::make_unexpected(part.error());
    }
    if (auto read = read_part(std::move(*part), query); !read) {
      return tl::make_unexpected(read.error());
    }
  }
  const bool looks_for_something = std::any_of(query.terms.begin(), query.terms.end(), [](const Term& t) { return !t.excluded; });
  if (!looks_for_something && query.year_from == 0 && query.year_to == 0 && query.types.empty() && query.posts.empty()) {
    return tl::make_unexpected(std::string("nothing to look for: give a word, a \"phrase\" or a filter such as year:2023"));
  }
  return query;
}

} // namespace refs::search
