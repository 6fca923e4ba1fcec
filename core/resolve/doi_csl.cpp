#include "core/resolve/doi_csl.hpp"

#include "core/util/string.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <utility>

namespace refs::resolve {

// DOI content negotiation (https://citation.crosscite.org/docs.html):
// GET https://doi.org/DOI with Accept: application/vnd.citationstyles.csl+json
// redirects to the registration agency, which answers in CSL-JSON. Crossref's
// answer is not schema-clean (tests/fixtures/doi/csl_json_crossref_*.json):
// "type":"journal-article", "title" and "container-title" as strings or
// arrays, "ISSN" as an array, authors as {"family","given"} or organisations
// as {"name"}, abstracts in JATS XML (<jats:p>...), and dozens of extra keys
// (reference, link, indexed) that are dropped here.

namespace {

using Json = nlohmann::json;
constexpr const char* k_source = "doi";

constexpr std::array<std::pair<std::string_view, std::string_view>, 12> k_types = {{
    {"journal-article", "article-journal"},
    {"proceedings-article", "paper-conference"},
    {"book-chapter", "chapter"},
    {"book-section", "chapter"},
    {"book-part", "chapter"},
    {"monograph", "book"},
    {"edited-book", "book"},
    {"reference-book", "book"},
    {"posted-content", "article"},
    {"dissertation", "thesis"},
    {"report-series", "report"},
    {"component", "document"},
}};

std::string csl_type(const std::string& type) {
  for (const auto& [from, to] : k_types) {
    if (type == from) {
      return std::string(to);
    }
  }
  return type.empty() ? "article-journal" : type;
}

/// A string, or the first string of an array.
std::string first_string(const Json& item, const char* key) {
  const auto it = item.find(key);
  if (it == item.end()) {
    return "";
  }
  if (it->is_string()) {
    return it->get<std::string>();
  }
  if (it->is_number()) {
    return it->dump();
  }
  if (it->is_array() && !it->empty() && (*it)[0].is_string()) {
    return (*it)[0].get<std::string>();
  }
  return "";
}

/// Drops XML tags (JATS in Crossref abstracts) and collapses whitespace.
std::string without_tags(const std::string& text) {
  std::string out;
  bool in_tag = false;
  for (char c : text) {
    if (c == '<') {
      in_tag = true;
      out += ' ';
    } else if (c == '>') {
      in_tag = false;
    } else if (!in_tag) {
      out += c;
    }
  }
  return util::collapse_whitespace(out);
}

model::Date date_of(const Json& item) {
  for (const char* key : {"issued", "published-print", "published-online", "published", "created"}) {
    const auto it = item.find(key);
    if (it == item.end() || !it->is_object() || !it->contains("date-parts") || !(*it)["date-parts"].is_array() ||
        (*it)["date-parts"].empty() || !(*it)["date-parts"][0].is_array()) {
      continue;
    }
    const Json& parts = (*it)["date-parts"][0];
    model::Date d;
    int* slots[3] = {&d.year, &d.month, &d.day};
    for (std::size_t i = 0; i < parts.size() && i < 3; ++i) {
      *slots[i] = parts[i].is_number_integer() ? parts[i].get<int>() : 0;
    }
    if (d.year > 0 && d.month >= 0 && d.month <= 12 && d.day >= 0 && d.day <= 31) {
      return d;
    }
  }
  return {};
}

std::vector<model::Person> people_of(const Json& item, const char* role) {
  std::vector<model::Person> people;
  const auto it = item.find(role);
  if (it == item.end() || !it->is_array()) {
    return people;
  }
  for (const Json& a : *it) {
    if (!a.is_object()) {
      continue;
    }
    model::Person p{first_string(a, "family"), first_string(a, "given"), first_string(a, "literal")};
    if (p.family.empty() && p.literal.empty()) {
      p.literal = first_string(a, "name");
    }
    if (!p.family.empty() || !p.literal.empty()) {
      people.push_back(std::move(p));
    }
  }
  return people;
}

void set(model::Citation& c, std::string model::Citation::*field, const char* name, std::string value) {
  value = util::collapse_whitespace(value);
  if (!value.empty()) {
    c.*field = std::move(value);
    c.sources[name] = k_source;
  }
}

} // namespace

tl::expected<model::Citation, std::string> parse_doi_csl(std::string_view text, const std::string& doi) {
  const Json item = Json::parse(text, nullptr, false);
  if (item.is_discarded() || !item.is_object()) {
    return tl::make_unexpected("the DOI's metadata is not CSL-JSON");
  }
  model::Citation c;
  set(c, &model::Citation::type, "type", csl_type(first_string(item, "type")));
  set(c, &model::Citation::title, "title", first_string(item, "title"));
  if (c.title.empty()) {
    return tl::make_unexpected("the DOI's metadata has no title");
  }
  c.authors = people_of(item, "author");
  if (!c.authors.empty()) {
    c.sources["author"] = k_source;
  }
  c.editors = people_of(item, "editor");
  if (!c.editors.empty()) {
    c.sources["editor"] = k_source;
  }
  if (const model::Date issued = date_of(item); issued.known()) {
    c.issued = issued;
    c.sources["issued"] = k_source;
  }
  set(c, &model::Citation::container_title, "container-title", first_string(item, "container-title"));
  set(c, &model::Citation::volume, "volume", first_string(item, "volume"));
  set(c, &model::Citation::issue, "issue", first_string(item, "issue"));
  set(c, &model::Citation::page, "page", first_string(item, "page"));
  set(c, &model::Citation::publisher, "publisher", first_string(item, "publisher"));
  set(c, &model::Citation::publisher_place, "publisher-place", first_string(item, "publisher-place"));
  set(c, &model::Citation::collection_title, "collection-title", first_string(item, "collection-title"));
  set(c, &model::Citation::edition, "edition", first_string(item, "edition"));
  set(c, &model::Citation::isbn, "ISBN", first_string(item, "ISBN"));
  set(c, &model::Citation::abstract, "abstract", without_tags(first_string(item, "abstract")));
  set(c, &model::Citation::doi, "DOI", doi);
  set(c, &model::Citation::url, "URL", "https://doi.org/" + doi);
  c.ids.push_back({model::IdKind::doi, doi});
  return c;
}

} // namespace refs::resolve
