#include "core/resolve/semantic_scholar.hpp"

#include "core/csl/person_name.hpp"
#include "core/resolve/dblp.hpp"
#include "core/resolve/doi.hpp"
#include "core/util/string.hpp"

#include <nlohmann/json.hpp>

namespace refs::resolve {

// Semantic Scholar's Academic Graph API
// (https://api.semanticscholar.org/api-docs/graph, "post_graph_get_papers").
// One POST answers up to 500 ids, `fields` in the query string, the answer
// a list in request order with null for an unknown id. Keyless clients
// share a small pool: one request at a time, 1 s apart (the caller paces);
// a 429 carries no Retry-After. What a record says is a mix of versions
// (tests/fixtures/published/SHAPES.md): `year`, `publicationDate`,
// `journal` ({"name": "ArXiv", "volume": "abs/…"}) and the 10.48550 DOI
// describe the preprint while `publicationVenue` and `externalIds.DBLP`
// name the conference; the arXiv "venue" has no `type`; a requested field
// may be null; CorpusId is a number.

namespace {

using json = nlohmann::json;

std::string text_at(const json& object, const char* key) {
  const auto it = object.is_object() ? object.find(key) : object.end();
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

const json& object_at(const json& object, const char* key) {
  static const json k_none = json::object();
  const auto it = object.is_object() ? object.find(key) : object.end();
  return it != object.end() && it->is_object() ? *it : k_none;
}

ScholarPaper read_paper(const json& p) {
  ScholarPaper paper;
  paper.title = std::string(util::trim(text_at(p, "title")));
  if (const auto authors = p.find("authors"); authors != p.end() && authors->is_array()) {
    for (const json& a : *authors) {
      if (const std::string name = text_at(a, "name"); !name.empty()) {
        paper.authors.push_back(csl::person_from_name(name));
      }
    }
  }
  if (const auto year = p.find("year"); year != p.end() && year->is_number_integer()) {
    paper.year = year->get<int>();
  }
  paper.publication_date = text_at(p, "publicationDate");
  paper.venue = text_at(p, "venue");
  const json& venue = object_at(p, "publicationVenue");
  paper.venue_name = text_at(venue, "name");
  paper.venue_type = text_at(venue, "type");
  if (const auto names = venue.find("alternate_names"); names != venue.end() && names->is_array()) {
    for (const json& n : *names) {
      if (n.is_string()) {
        paper.venue_alternates.push_back(n.get<std::string>());
      }
    }
  }
  const json& ids = object_at(p, "externalIds");
  paper.dblp = text_at(ids, "DBLP");
  paper.acl = text_at(ids, "ACL");
  paper.doi = text_at(ids, "DOI");
  const json& journal = object_at(p, "journal");
  paper.journal_name = text_at(journal, "name");
  paper.journal_volume = text_at(journal, "volume");
  paper.journal_pages = util::collapse_whitespace(text_at(journal, "pages"));
  return paper;
}

bool is_arxiv_name(std::string_view name) { return util::to_lower_ascii(util::trim(name)).starts_with("arxiv"); }

} // namespace

http::Request scholar_batch_request(std::span<const std::string> arxiv_ids) {
  http::Request r;
  r.url = "https://" + std::string(k_scholar_host) +
          "/graph/v1/paper/batch?fields=title,authors,year,venue,publicationVenue,externalIds,publicationDate,journal";
  json ids = json::array();
  for (const std::string& id : arxiv_ids) {
    ids.push_back("ARXIV:" + id);
    r.subjects.push_back(id);
  }
  r.body = json{{"ids", ids}}.dump();
  r.body_type = "application/json";
  r.headers = {"Accept: application/json"};
  return r;
}

tl::expected<std::vector<std::optional<ScholarPaper>>, std::string> read_scholar_batch(std::string_view body,
                                                                                       std::size_t count) {
  const json answer = json::parse(body, nullptr, false);
  if (!answer.is_array()) {
    return tl::make_unexpected(std::string("Semantic Scholar's answer is not a list of papers"));
  }
  if (answer.size() != count) {
    return tl::make_unexpected("Semantic Scholar answered " + std::to_string(answer.size()) + " papers for " +
                               std::to_string(count) + " ids");
  }
  std::vector<std::optional<ScholarPaper>> out;
  for (const json& p : answer) {
    if (p.is_object()) {
      out.push_back(read_paper(p));
    } else {
      out.push_back(std::nullopt);
    }
  }
  return out;
}

bool names_a_venue(const ScholarPaper& paper) {
  if (!paper.venue_name.empty()) {
    return !is_arxiv_name(paper.venue_name);
  }
  return !util::trim(paper.venue).empty() && !is_arxiv_name(paper.venue);
}

std::vector<std::string> published_identities(const ScholarPaper& paper) {
  std::vector<std::string> out;
  if (!paper.dblp.empty() && !is_informal_key(paper.dblp)) {
    out.push_back("dblp:" + paper.dblp);
  }
  if (!paper.acl.empty()) {
    out.push_back("acl:" + paper.acl);
  }
  if (auto doi = normalise_doi(paper.doi); doi && !is_preprint_doi(*doi)) {
    out.push_back("doi:" + *doi);
  }
  return out;
}

} // namespace refs::resolve
