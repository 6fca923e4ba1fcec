#include "core/resolve/arxiv_feed.hpp"

#include "core/csl/person_name.hpp"
#include "core/resolve/arxiv.hpp"
#include "core/resolve/doi.hpp"
#include "core/util/string.hpp"

#include <pugixml.hpp>

#include <cstdlib>

namespace refs::resolve {

// The arXiv API's Atom feed (https://info.arxiv.org/help/api/user-manual.html
// §3.3 and §5.2). Quirks, each with a fixture in tests/fixtures/arxiv/:
// - Two generations. Before the 2025-11-11 cut-over, title and summary are
//   hard-wrapped ("Large\n  Connectivity") and unknown ids in an id_list
//   come back as empty <entry> elements (query_missing_id.2025-08); after
//   it, text is unwrapped and unknown ids are simply missing.
// - Namespaces are declared per element (old) or on <feed> (new), with the
//   prefixes arxiv: and opensearch:, so elements are matched by local name.
// - An entry's <id> is http://arxiv.org/abs/IDvN in both generations.
// - A refused request (malformed id) is HTTP 400 with a feed holding one
//   entry titled "Error" whose id points into /api/errors and whose summary
//   says "incorrect id format for X" (arxiv_api_2026_error_malformed_id_abc).
// - <updated> changed meaning across generations; only <published> is used.
// pugixml does not expand DTD entities, so a hostile feed cannot make it
// expand "billion laughs".

namespace {

constexpr const char* k_source = "arxiv";

std::string_view local_name(const pugi::xml_node& node) {
  std::string_view name = node.name();
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child(const pugi::xml_node& parent, std::string_view name) {
  for (pugi::xml_node c : parent.children()) {
    if (local_name(c) == name) {
      return c;
    }
  }
  return {};
}

std::string text_of(const pugi::xml_node& parent, std::string_view name) {
  return util::collapse_whitespace(child(parent, name).child_value());
}

void set(model::Citation& c, std::string model::Citation::*field, const char* name, std::string value) {
  if (!value.empty()) {
    c.*field = std::move(value);
    c.sources[name] = k_source;
  }
}

/// "2016-05-26T17:59:46Z" -> 2016-05-26.
model::Date atom_date(const std::string& text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') {
    return {};
  }
  const int y = std::atoi(text.substr(0, 4).c_str());
  const int m = std::atoi(text.substr(5, 2).c_str());
  const int d = std::atoi(text.substr(8, 2).c_str());
  return y > 0 && m >= 1 && m <= 12 && d >= 1 && d <= 31 ? model::Date{y, m, d} : model::Date{};
}

/// Splits ".../abs/2309.00071v2" into id and version.
bool entry_id(const std::string& url, std::string& id, int& version) {
  const std::size_t abs = url.find("/abs/");
  if (abs == std::string::npos) {
    return false;
  }
  const std::string rest = url.substr(abs + 5);
  auto normalised = normalise_arxiv_id(rest);
  if (!normalised) {
    return false;
  }
  id = *normalised;
  const std::size_t v = rest.rfind('v');
  version = v != std::string::npos && v > id.size() - 2 ? std::atoi(rest.c_str() + v + 1) : 0;
  return true;
}

model::Citation entry_citation(const pugi::xml_node& entry, const std::string& id) {
  model::Citation c;
  set(c, &model::Citation::type, "type", "article");
  set(c, &model::Citation::title, "title", text_of(entry, "title"));
  for (pugi::xml_node author : entry.children()) {
    if (local_name(author) == "author") {
      if (const std::string name = text_of(author, "name"); !name.empty()) {
        c.authors.push_back(csl::person_from_name(name));
      }
    }
  }
  if (!c.authors.empty()) {
    c.sources["author"] = k_source;
  }
  if (const model::Date issued = atom_date(text_of(entry, "published")); issued.known()) {
    c.issued = issued;
    c.sources["issued"] = k_source;
  }
  set(c, &model::Citation::abstract, "abstract", text_of(entry, "summary"));
  set(c, &model::Citation::publisher, "publisher", "arXiv");
  set(c, &model::Citation::number, "number", "arXiv:" + id);
  set(c, &model::Citation::doi, "DOI", "10.48550/arXiv." + id);
  set(c, &model::Citation::url, "URL", "https://arxiv.org/abs/" + id);
  set(c, &model::Citation::primary_class, "primary-class", child(entry, "primary_category").attribute("term").value());
  set(c, &model::Citation::journal_ref, "journal-ref", text_of(entry, "journal_ref"));
  set(c, &model::Citation::comment, "comment", text_of(entry, "comment"));
  std::string categories;
  for (pugi::xml_node category : entry.children()) {
    if (local_name(category) == "category" && *category.attribute("term").value() != '\0') {
      categories += (categories.empty() ? "" : " ") + std::string(category.attribute("term").value());
    }
  }
  set(c, &model::Citation::categories, "categories", categories);
  c.ids.push_back({model::IdKind::arxiv, id});
  c.ids.push_back({model::IdKind::url, "https://arxiv.org/abs/" + id});
  if (auto published = normalise_doi(text_of(entry, "doi"))) {
    c.ids.push_back({model::IdKind::doi, *published});
  }
  return c;
}

} // namespace

tl::expected<Feed, std::string> parse_arxiv_feed(std::string_view xml) {
  pugi::xml_document doc;
  // The DOCTYPE is kept as a node only to be refused: pugixml expands no
  // entity of its own, but a feed that declares any ("billion laughs",
  // external entities) is not arXiv's, and its `&name;` text would be read
  // as a title.
  const pugi::xml_parse_result parsed =
      doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_doctype, pugi::encoding_utf8);
  const pugi::xml_node feed = doc.document_element();
  if (parsed && doc.find_child([](pugi::xml_node n) { return n.type() == pugi::node_doctype; })) {
    return tl::make_unexpected("not an Atom feed: it declares a DTD (entities are not read)");
  }
  if (!parsed || local_name(feed) != "feed") {
    return tl::make_unexpected(parsed ? std::string("not an Atom feed") : std::string("not XML: ") + parsed.description());
  }
  Feed out;
  for (pugi::xml_node entry : feed.children()) {
    if (local_name(entry) != "entry") {
      continue;
    }
    const std::string url = text_of(entry, "id");
    if (url.find("/api/errors") != std::string::npos) {
      out.errors.push_back(text_of(entry, "summary"));
      continue;
    }
    FeedEntry e;
    if (!entry_id(url, e.id, e.version)) {
      continue; // an empty <entry> (old API, unknown id)
    }
    e.citation = entry_citation(entry, e.id);
    out.entries.push_back(std::move(e));
  }
  return out;
}

} // namespace refs::resolve
