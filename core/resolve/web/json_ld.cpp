#include "core/resolve/web/json_ld.hpp"

#include "core/util/html_entities.hpp"
#include "core/util/string.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <map>

namespace refs::resolve::web {

// JSON-LD with schema.org (https://schema.org/Article). Sites wrap their
// items in many ways (tests/fixtures/web/): a single object, an array of
// objects, an @graph of WebSite + WebPage + Article + Person (Yoast), @type
// as a string or an array, author as a name, a Person or an array of
// Persons, sometimes a URL standing for a Person. Only the fields a
// citation needs are read.

namespace {

using Json = nlohmann::json;
constexpr int k_max_depth = 64;

constexpr std::array<std::string_view, 12> k_article_types = {
    "Article", "NewsArticle", "BlogPosting", "ScholarlyArticle", "TechArticle", "Report", "AnalysisNewsArticle",
    "ReportageNewsArticle", "OpinionNewsArticle", "SocialMediaPosting", "LiveBlogPosting", "MedicalScholarlyArticle"};

std::vector<std::string> types_of(const Json& item) {
  std::vector<std::string> out;
  const auto it = item.find("@type");
  if (it == item.end()) {
    return out;
  }
  if (it->is_string()) {
    out.push_back(it->get<std::string>());
  } else if (it->is_array()) {
    for (const Json& t : *it) {
      if (t.is_string()) {
        out.push_back(t.get<std::string>());
      }
    }
  }
  return out;
}

/// 2: an article type, 1: a web page, 0: anything else.
int rank(const Json& item) {
  int best = 0;
  for (const std::string& type : types_of(item)) {
    if (std::find(k_article_types.begin(), k_article_types.end(), type) != k_article_types.end()) {
      best = 2;
    } else if (type == "WebPage" && best < 1) {
      best = 1;
    }
  }
  return best;
}

/// A string field, with the HTML entities some CMSs leave in JSON-LD
/// (WordPress writes &#8216; in headlines) decoded.
std::string string_at(const Json& item, const char* key) {
  const auto it = item.find(key);
  if (it == item.end()) {
    return "";
  }
  const Json* value = it->is_array() && !it->empty() ? &(*it)[0] : &*it;
  return value->is_string() ? util::collapse_whitespace(util::decode_entities(value->get<std::string>())) : "";
}

/// Items of a page's graphs by their @id: Yoast writes the article's
/// author as {"@id": ".../#/schema/person/…"} and the Person elsewhere.
using ById = std::map<std::string, const Json*>;

std::string name_of(const Json& value, const ById& by_id = {}) {
  if (value.is_string()) {
    return util::collapse_whitespace(util::decode_entities(value.get<std::string>()));
  }
  if (!value.is_object()) {
    return "";
  }
  std::string name = string_at(value, "name");
  if (name.empty()) {
    if (const auto it = by_id.find(string_at(value, "@id")); it != by_id.end() && it->second != &value) {
      name = string_at(*it->second, "name");
    }
  }
  return name;
}

std::vector<std::string> authors_of(const Json& item, const ById& by_id) {
  std::vector<std::string> out;
  const auto it = item.find("author");
  if (it == item.end()) {
    return out;
  }
  const Json list = it->is_array() ? *it : Json::array({*it});
  for (const Json& a : list) {
    if (std::string name = name_of(a, by_id); !name.empty()) {
      out.push_back(std::move(name));
    }
  }
  return out;
}

/// Every object that may be an item: top level, arrays, @graph.
void collect(const Json& value, std::vector<const Json*>& items) {
  if (value.is_array()) {
    for (const Json& v : value) {
      collect(v, items);
    }
  } else if (value.is_object()) {
    items.push_back(&value);
    if (const auto graph = value.find("@graph"); graph != value.end()) {
      collect(*graph, items);
    }
  }
}

Json parse_bounded(const std::string& text) {
  // Values deeper than k_max_depth are dropped as they are read, so a
  // hostile block nested 100,000 deep costs no stack and little memory.
  const Json::parser_callback_t shallow = [](int depth, Json::parse_event_t, Json&) { return depth <= k_max_depth; };
  return Json::parse(text, shallow, false);
}

} // namespace

JsonLdWork main_work(const std::vector<std::string>& blocks) {
  std::vector<Json> parsed;
  for (const std::string& block : blocks) {
    Json j = parse_bounded(block);
    if (!j.is_discarded()) {
      parsed.push_back(std::move(j));
    }
  }
  std::vector<const Json*> items;
  for (const Json& j : parsed) {
    collect(j, items);
  }
  ById by_id;
  for (const Json* item : items) {
    if (const std::string id = string_at(*item, "@id"); !id.empty()) {
      by_id.emplace(id, item);
    }
  }
  const Json* best = nullptr;
  for (const Json* item : items) {
    if (rank(*item) > 0 && (best == nullptr || rank(*item) > rank(*best))) {
      best = item;
    }
  }
  JsonLdWork work;
  if (best == nullptr) {
    return work;
  }
  const std::vector<std::string> types = types_of(*best);
  work.type = types.empty() ? "" : types.front();
  work.headline = string_at(*best, "headline");
  if (work.headline.empty()) {
    work.headline = string_at(*best, "name");
  }
  work.authors = authors_of(*best, by_id);
  work.date_published = string_at(*best, "datePublished");
  work.date_modified = string_at(*best, "dateModified");
  if (const auto publisher = best->find("publisher"); publisher != best->end()) {
    work.publisher = name_of(publisher->is_array() && !publisher->empty() ? (*publisher)[0] : *publisher, by_id);
  }
  work.url = string_at(*best, "url");
  return work;
}

} // namespace refs::resolve::web
