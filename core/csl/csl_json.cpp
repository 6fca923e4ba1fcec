#include "core/csl/csl_json.hpp"

#include "core/csl/csl_fields.hpp"

#include <array>
#include <utility>

namespace refs::csl {

// CSL-JSON (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html)
// is what pandoc, Zotero and citation.js exchange. Dates are written as
// `date-parts` ([[2023, 11, 22]]), names as family/given or literal. The
// schema forbids unknown top-level keys, so everything of ours lives in
// `custom`, the place the schema reserves for it.

namespace {

using OJson = nlohmann::ordered_json;
// Text fields after title, author and issued, in the order they are written.
constexpr std::array<const char*, 17> k_text_fields = {
    "genre", "container-title", "container-title-short", "collection-title", "edition", "volume", "issue", "page", "publisher", "publisher-place",
    "number", "DOI", "ISBN", "URL", "abstract", "language", "note"};

tl::expected<int, std::string> date_part(const nlohmann::json& v) {
  if (v.is_number_integer()) {
    return v.get<int>();
  }
  if (v.is_string()) {
    try {
      return std::stoi(v.get<std::string>());
    } catch (const std::exception&) {
    }
  }
  return tl::make_unexpected("date part is not a number");
}

tl::expected<model::Date, std::string> read_date(const nlohmann::json& v, const std::string& name) {
  const auto bad = [&](const std::string& why) { return tl::make_unexpected(name + ": " + why); };
  if (!v.is_object() || !v.contains("date-parts") || !v["date-parts"].is_array() ||
      v["date-parts"].empty() || !v["date-parts"][0].is_array() || v["date-parts"][0].empty()) {
    return bad("expected {\"date-parts\": [[year, month, day]]}");
  }
  const nlohmann::json& parts = v["date-parts"][0];
  model::Date d;
  int* slots[3] = {&d.year, &d.month, &d.day};
  for (std::size_t i = 0; i < parts.size() && i < 3; ++i) {
    auto n = date_part(parts[i]);
    if (!n) {
      return bad(n.error());
    }
    *slots[i] = *n;
  }
  if (d.year < 1 || d.year > 9999 || d.month < 0 || d.month > 12 || d.day < 0 || d.day > 31 ||
      (d.month == 0 && d.day != 0)) {
    return bad("no such date");
  }
  return d;
}

tl::expected<model::Person, std::string> read_person(const nlohmann::json& v) {
  if (!v.is_object()) {
    return tl::make_unexpected("author: each name must be an object");
  }
  model::Person p;
  for (auto [key, field] : {std::pair{"family", &model::Person::family},
                            std::pair{"given", &model::Person::given},
                            std::pair{"literal", &model::Person::literal},
                            std::pair{"suffix", &model::Person::suffix}}) {
    if (v.contains(key) && v[key].is_string()) {
      p.*field = v[key].get<std::string>();
    }
  }
  if (p.family.empty() && p.literal.empty()) {
    return tl::make_unexpected("author: a name needs \"family\" or \"literal\"");
  }
  return p;
}

/// The string at `key` of an object, or "" when it is missing or not a string.
std::string string_at(const nlohmann::json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

void read_custom(const nlohmann::json& custom, model::Citation& c) {
  if (!custom.is_object()) {
    return;
  }
  if (custom.contains("identifiers") && custom["identifiers"].is_array()) {
    for (const auto& id : custom["identifiers"]) {
      model::IdKind kind{};
      if (id.is_object() && model::parse_id_kind(string_at(id, "kind"), kind) && !string_at(id, "value").empty()) {
        c.ids.push_back({kind, string_at(id, "value")});
      }
    }
  }
  if (custom.contains("sources") && custom["sources"].is_object()) {
    for (const auto& [field, source] : custom["sources"].items()) {
      if (source.is_string()) {
        c.sources[field] = source.get<std::string>();
      }
    }
  }
  c.key_fixed = custom.contains("key-fixed") && custom["key-fixed"].is_boolean() && custom["key-fixed"].get<bool>();
  if (custom.contains("bibtex") && custom["bibtex"].is_object()) {
    for (const auto& [name, value] : custom["bibtex"].items()) {
      if (value.is_string()) {
        c.bib_fields[name] = value.get<std::string>();
      }
    }
  }
  c.primary_class = string_at(custom, "primary-class");
  c.journal_ref = string_at(custom, "journal-ref");
  c.comment = string_at(custom, "comment");
  c.categories = string_at(custom, "categories");
  c.archive_url = string_at(custom, "archive-url");
  c.archive_date = string_at(custom, "archive-date");
  c.created = string_at(custom, "created");
  c.updated = string_at(custom, "updated");
}

} // namespace

nlohmann::ordered_json to_csl_json(const model::Citation& c) {
  // Never discarded: csl_json_text writes nothing but JSON.
  return OJson::parse(csl_json_text(c), nullptr, false);
}

namespace {

tl::expected<void, std::string> read_people(const nlohmann::json& item, model::Citation& c) {
  for (auto [name, field] : {std::pair{"author", &model::Citation::authors},
                             std::pair{"editor", &model::Citation::editors}}) {
    if (!item.contains(name)) {
      continue;
    }
    if (!item[name].is_array()) {
      return tl::make_unexpected(std::string(name) + ": expected an array of names");
    }
    for (const auto& a : item[name]) {
      auto person = read_person(a);
      if (!person) {
        return tl::make_unexpected(person.error());
      }
      (c.*field).push_back(std::move(*person));
    }
  }
  return {};
}

tl::expected<void, std::string> read_dates(const nlohmann::json& item, model::Citation& c) {
  for (auto [name, field] : {std::pair{"issued", &model::Citation::issued},
                             std::pair{"accessed", &model::Citation::accessed}}) {
    if (item.contains(name)) {
      auto date = read_date(item[name], name);
      if (!date) {
        return tl::make_unexpected(date.error());
      }
      c.*field = *date;
    }
  }
  return {};
}

} // namespace

std::span<const char* const> csl_text_fields() { return k_text_fields; }

tl::expected<model::Citation, std::string> from_csl_json(const nlohmann::json& item) {
  if (!item.is_object()) {
    return tl::make_unexpected("expected a CSL-JSON object");
  }
  model::Citation c;
  if (!item.contains("id") || !(item["id"].is_string() || item["id"].is_number())) {
    return tl::make_unexpected("id: missing or not a string");
  }
  c.key = item["id"].is_string() ? item["id"].get<std::string>() : item["id"].dump();
  if (!item.contains("type") || !item["type"].is_string()) {
    return tl::make_unexpected("type: missing or not a string");
  }
  c.type = item["type"].get<std::string>();
  std::vector<const char*> strings = {"title"};
  strings.insert(strings.end(), k_text_fields.begin(), k_text_fields.end());
  for (const char* name : strings) {
    if (item.contains(name) && (item[name].is_string() || item[name].is_number())) {
      // A string field cannot fail to be set.
      (void)set_field(c, name, item[name].is_string() ? item[name].get<std::string>() : item[name].dump());
    }
  }
  if (auto ok = read_people(item, c).and_then([&] { return read_dates(item, c); }); !ok) {
    return tl::make_unexpected(ok.error());
  }
  if (item.contains("custom")) {
    read_custom(item["custom"], c);
  }
  return c;
}

} // namespace refs::csl
