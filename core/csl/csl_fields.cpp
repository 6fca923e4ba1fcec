#include "core/csl/csl_fields.hpp"

#include "core/util/string.hpp"
#include "core/csl/csl_date.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace refs::csl {

namespace {

using StringField = std::string model::Citation::*;
using DateField = model::Date model::Citation::*;

using PeopleField = std::vector<model::Person> model::Citation::*;

constexpr std::array<std::string_view, 27> k_names = {
    "type",      "genre",     "title",           "author",     "editor",     "issued",        "container-title",
    "container-title-short", "collection-title", "edition",  "volume",     "issue",      "page",          "publisher",
    "publisher-place",  "number",   "DOI",        "ISBN",       "URL",           "abstract",
    "accessed",  "language",        "note",       "primary-class", "categories", "journal-ref", "comment"};

constexpr std::array<std::pair<std::string_view, PeopleField>, 2> k_people = {{
    {"author", &model::Citation::authors},
    {"editor", &model::Citation::editors},
}};

constexpr std::array<std::pair<std::string_view, StringField>, 23> k_strings = {{
    {"type", &model::Citation::type},
    {"genre", &model::Citation::genre},
    {"title", &model::Citation::title},
    {"container-title", &model::Citation::container_title},
    {"container-title-short", &model::Citation::container_title_short},
    {"collection-title", &model::Citation::collection_title},
    {"edition", &model::Citation::edition},
    {"publisher-place", &model::Citation::publisher_place},
    {"ISBN", &model::Citation::isbn},
    {"volume", &model::Citation::volume},
    {"issue", &model::Citation::issue},
    {"page", &model::Citation::page},
    {"publisher", &model::Citation::publisher},
    {"number", &model::Citation::number},
    {"DOI", &model::Citation::doi},
    {"URL", &model::Citation::url},
    {"abstract", &model::Citation::abstract},
    {"language", &model::Citation::language},
    {"note", &model::Citation::note},
    {"primary-class", &model::Citation::primary_class},
    {"journal-ref", &model::Citation::journal_ref},
    {"comment", &model::Citation::comment},
    {"categories", &model::Citation::categories},
}};

constexpr std::array<std::pair<std::string_view, DateField>, 2> k_dates = {{
    {"issued", &model::Citation::issued},
    {"accessed", &model::Citation::accessed},
}};

// The item types of the CSL 1.0.2 data schema (schemas/csl-data.json).
constexpr std::array<std::string_view, 45> k_types = {
    "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book", "broadcast",
    "chapter", "classic", "collection", "dataset", "document", "entry", "entry-dictionary",
    "entry-encyclopedia", "event", "figure", "graphic", "hearing", "interview", "legal_case",
    "legislation", "manuscript", "map", "motion_picture", "musical_score", "pamphlet",
    "paper-conference", "patent", "performance", "periodical", "personal_communication", "post",
    "post-weblog", "regulation", "report", "review", "review-book", "software", "song", "speech",
    "standard", "thesis", "treaty", "webpage"};

template <typename Table> auto member(const Table& table, std::string_view name) {
  for (const auto& [n, m] : table) {
    if (n == name) {
      return m;
    }
  }
  return decltype(table[0].second){};
}

std::string person_text(const model::Person& p) {
  if (!p.literal.empty()) {
    return "{" + p.literal + "}";
  }
  if (!p.suffix.empty()) {
    return p.family + ", " + p.suffix + ", " + p.given;
  }
  return p.given.empty() ? p.family : p.family + ", " + p.given;
}

/// Splits on the word "and" outside braces.
tl::expected<std::vector<std::string>, std::string> split_names(std::string_view text) {
  std::vector<std::string> parts;
  std::string current;
  int depth = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    depth += c == '{' ? 1 : c == '}' ? -1 : 0;
    if (depth < 0) {
      return tl::make_unexpected("unbalanced braces in name list");
    }
    const bool word_and = depth == 0 && (c == ' ' || c == '\t') &&
                          util::starts_with_ci(text.substr(i + 1), "and") && i + 4 < text.size() &&
                          (text[i + 4] == ' ' || text[i + 4] == '\t');
    if (word_and) {
      parts.push_back(current);
      current.clear();
      i += 4;
      continue;
    }
    current += c;
  }
  if (depth != 0) {
    return tl::make_unexpected("unbalanced braces in name list");
  }
  parts.push_back(current);
  return parts;
}

tl::expected<model::Person, std::string> parse_name(std::string_view raw) {
  const std::string_view name = util::trim(raw);
  if (name.empty()) {
    return tl::make_unexpected("empty name in name list");
  }
  if (name.front() == '{' && name.back() == '}') {
    return model::Person{"", "", std::string(name.substr(1, name.size() - 2))};
  }
  if (const std::size_t comma = name.find(','); comma != std::string_view::npos) {
    const std::string_view rest = name.substr(comma + 1);
    const std::size_t second = rest.find(',');
    if (second != std::string_view::npos) { // "Family, Jr., Given"
      return model::Person{std::string(util::trim(name.substr(0, comma))), std::string(util::trim(rest.substr(second + 1))),
                           "", std::string(util::trim(rest.substr(0, second)))};
    }
    return model::Person{std::string(util::trim(name.substr(0, comma))), std::string(util::trim(rest)), ""};
  }
  const std::size_t space = name.rfind(' ');
  if (space == std::string_view::npos) {
    return model::Person{std::string(name), "", ""};
  }
  return model::Person{std::string(name.substr(space + 1)),
                       std::string(util::trim(name.substr(0, space))), ""};
}

} // namespace

std::span<const std::string_view> type_names() { return k_types; }

std::span<const std::string_view> field_names() { return k_names; }

bool is_field(std::string_view name) {
  return std::find(k_names.begin(), k_names.end(), name) != k_names.end();
}

std::string field_text(const model::Citation& c, std::string_view name) {
  if (const StringField s = member(k_strings, name)) {
    return c.*s;
  }
  if (const DateField d = member(k_dates, name)) {
    return format_date(c.*d);
  }
  if (const PeopleField people = member(k_people, name)) {
    std::string out;
    for (const model::Person& p : c.*people) {
      out += (out.empty() ? "" : " and ") + person_text(p);
    }
    return out;
  }
  return "";
}

tl::expected<void, std::string> set_field(model::Citation& c, std::string_view name,
                                          const std::string& value) {
  if (name == "type" && std::find(k_types.begin(), k_types.end(), value) == k_types.end()) {
    return tl::make_unexpected("'" + value + "' is not a CSL item type (article, webpage, book, ...)");
  }
  if (const StringField s = member(k_strings, name)) {
    c.*s = value;
    if (name == "title") {
      c.bib_fields.erase("title"); // its LaTeX no longer says the same
    }
    return {};
  }
  if (const DateField d = member(k_dates, name)) {
    model::Date date;
    if (!value.empty() && !parse_date(value, date)) {
      return tl::make_unexpected("'" + value + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
    }
    c.*d = date;
    return {};
  }
  if (const PeopleField field = member(k_people, name)) {
    if (value.empty()) {
      (c.*field).clear();
      return {};
    }
    auto people = parse_names(value);
    if (!people) {
      return tl::make_unexpected(people.error());
    }
    c.*field = std::move(*people);
    return {};
  }
  return tl::make_unexpected("unknown field '" + std::string(name) + "'");
}

void copy_field(model::Citation& to, const model::Citation& from, std::string_view name) {
  if (name == "title") { // with the LaTeX it was read from, if any
    const auto latex = from.bib_fields.find("title");
    if (latex != from.bib_fields.end()) {
      to.bib_fields["title"] = latex->second;
    } else {
      to.bib_fields.erase("title");
    }
  }
  if (const StringField s = member(k_strings, name)) {
    to.*s = from.*s;
  } else if (const DateField d = member(k_dates, name)) {
    to.*d = from.*d;
  } else if (const PeopleField people = member(k_people, name)) {
    to.*people = from.*people;
  }
}

std::string identifier(const model::Citation& c, model::IdKind kind) {
  for (const model::WorkId& id : c.ids) {
    if (id.kind == kind) {
      return id.value;
    }
  }
  return "";
}

tl::expected<std::vector<model::Person>, std::string> parse_names(std::string_view text) {
  auto parts = split_names(text);
  if (!parts) {
    return tl::make_unexpected(parts.error());
  }
  std::vector<model::Person> people;
  for (const std::string& part : *parts) {
    auto person = parse_name(part);
    if (!person) {
      return tl::make_unexpected(person.error());
    }
    people.push_back(std::move(*person));
  }
  return people;
}

} // namespace refs::csl
