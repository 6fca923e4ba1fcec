#include "core/resolve/dblp.hpp"

#include "core/classify/url.hpp"
#include "core/csl/person_name.hpp"
#include "core/import/bibtex_citation.hpp"
#include "core/import/bibtex_reader.hpp"
#include "core/resolve/doi.hpp"
#include "core/util/string.hpp"

#include <nlohmann/json.hpp>

namespace refs::resolve {

// DBLP, the computer science bibliography (https://dblp.org/faq/13501473:
// "How to use the dblp search API"). Two endpoints: a record's BibTeX at
// /rec/KEY.bib, and the publication search /search/publ/api?q=…&format=json.
// Robots are asked for no more than one request every 2 s (the caller
// paces). Quirks (tests/fixtures/published/SHAPES.md): every number in the
// search's JSON is a string, a title ends with a period, one author is an
// object and not a list, `venue` and `ee` may be lists, no `hit` when there
// is none; the search keeps homonym numbers ("Wei Wang 0001"), the .bib
// drops them; a preprint is a separate CoRR record under journals/corr/,
// never linked to its published version. The record is read by the .bib
// importer: it is BibTeX, and that reader knows every way BibTeX is written.

namespace {

using json = nlohmann::json;

const std::string k_source = "published";

std::string text_of(const json& value) {
  if (value.is_array()) { // `venue` and `ee` are lists for a record of two venues
    return value.empty() ? std::string() : text_of(value.front());
  }
  if (value.is_string()) {
    return value.get<std::string>();
  }
  if (value.is_object()) { // {"@pid": …, "text": "Bowen Peng"}
    const auto text = value.find("text");
    return text != value.end() && text->is_string() ? text->get<std::string>() : std::string();
  }
  return "";
}

std::string text_at(const json& object, const char* key) {
  const auto it = object.find(key);
  return it == object.end() ? std::string() : text_of(*it);
}

DblpHit read_hit(const json& info) {
  DblpHit hit;
  hit.key = text_at(info, "key");
  hit.title = std::string(util::trim(text_at(info, "title")));
  if (hit.title.ends_with('.')) {
    hit.title.pop_back();
  }
  hit.venue = text_at(info, "venue");
  hit.type = text_at(info, "type");
  const std::string year = text_at(info, "year");
  hit.year = year.size() == 4 && util::all_digits(year) ? std::stoi(year) : 0;
  hit.doi = normalise_doi(text_at(info, "doi")).value_or("");
  const auto authors = info.find("authors");
  if (authors != info.end() && authors->is_object()) {
    const auto author = authors->find("author");
    if (author != authors->end()) {
      const json list = author->is_array() ? *author : json::array({*author});
      for (const json& a : list) {
        if (const std::string name = without_homonym_number(text_of(a)); !name.empty()) {
          hit.authors.push_back(csl::person_from_name(name));
        }
      }
    }
  }
  return hit;
}

void drop_homonym_numbers(std::vector<model::Person>& people) {
  for (model::Person& p : people) {
    if (p.given.empty() || p.family.size() != 4 || !util::all_digits(p.family)) {
      continue;
    }
    // "Wei Wang 0001" read as given "Wei Wang", family "0001". A name that is
    // only a number stays: a person needs a family name to be stored.
    model::Person fixed = csl::person_from_name(p.given);
    if (!fixed.family.empty() || !fixed.literal.empty()) {
      p = std::move(fixed);
    }
  }
}

} // namespace

http::Request dblp_record_request(const std::string& key) {
  http::Request r;
  r.url = "https://" + std::string(k_dblp_host) + "/rec/" + key + ".bib";
  r.subjects = {key};
  return r;
}

tl::expected<model::Citation, std::string> read_dblp_record(std::string_view bib) {
  const importing::BibFile file = importing::read_bibtex(bib);
  if (file.entries.empty()) {
    return tl::make_unexpected(std::string("DBLP's record holds no BibTeX entry"));
  }
  model::Citation c = importing::citation_from_entry(file.entries.front(), "").citation;
  drop_homonym_numbers(c.authors);
  c.key.clear();
  c.key_fixed = false;
  c.bib_fields.clear(); // timestamp, biburl, bibsource: DBLP's bookkeeping
  c.created.clear();
  c.updated.clear();
  c.accessed = {};
  for (auto& [field, source] : c.sources) {
    source = k_source;
  }
  c.sources.erase("accessed");
  return c;
}

http::Request dblp_search_request(const std::string& words) {
  http::Request r;
  r.url = classify::with_query("https://" + std::string(k_dblp_host) + "/search/publ/api",
                               {{"q", words}, {"format", "json"}, {"h", "10"}})
              .value_or("");
  r.subjects = {words};
  r.headers = {"Accept: application/json"};
  return r;
}

tl::expected<std::vector<DblpHit>, std::string> read_dblp_search(std::string_view body) {
  const json answer = json::parse(body, nullptr, false);
  const auto result = answer.is_object() ? answer.find("result") : answer.end();
  if (result == answer.end() || !result->is_object() || !result->contains("hits")) {
    return tl::make_unexpected(std::string("DBLP's answer is not a search result"));
  }
  std::vector<DblpHit> out;
  const json& hits = (*result)["hits"];
  const auto list = hits.is_object() ? hits.find("hit") : hits.end();
  if (list == hits.end()) {
    return out; // no hit: DBLP leaves the list out
  }
  const json all = list->is_array() ? *list : json::array({*list});
  for (const json& hit : all) {
    const auto info = hit.is_object() ? hit.find("info") : hit.end();
    if (info != hit.end() && info->is_object()) {
      out.push_back(read_hit(*info));
    }
  }
  return out;
}

bool is_informal_key(std::string_view key) {
  return key.starts_with("journals/corr/") || key.starts_with("journals/iacr/") || key.starts_with("journals/eccc/");
}

bool is_publication(const DblpHit& hit) {
  const bool kind = hit.type == "Conference and Workshop Papers" || hit.type == "Journal Articles" ||
                    hit.type == "Parts in Books or Collections";
  return kind && !is_informal_key(hit.key) && util::to_lower_ascii(hit.venue) != "corr";
}

std::string without_homonym_number(std::string_view name) {
  std::string text(util::trim(name));
  const std::size_t space = text.rfind(' ');
  if (space != std::string::npos && text.size() - space == 5 && util::all_digits(std::string_view(text).substr(space + 1))) {
    text.resize(space);
  }
  return text;
}

} // namespace refs::resolve
