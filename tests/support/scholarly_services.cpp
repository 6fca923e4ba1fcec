#include "tests/support/scholarly_services.hpp"

#include <httplib.h>

#include <nlohmann/json.hpp>

#include <cctype>

namespace refs::testing {

namespace {

using json = nlohmann::ordered_json;

json scholar_json(const std::string& arxiv_id, const FakeScholarPaper& p) {
  json ids = {{"ArXiv", arxiv_id}};
  if (!p.dblp.empty()) {
    ids["DBLP"] = p.dblp;
  }
  if (!p.acl.empty()) {
    ids["ACL"] = p.acl;
  }
  ids["DOI"] = p.doi.empty() ? "10.48550/arXiv." + arxiv_id : p.doi;
  ids["CorpusId"] = 261493986;
  json venue = nullptr;
  if (p.venue == "arXiv.org") { // S2's record of arXiv: no type
    venue = {{"id", "1901e811-ee72-4b20-8f7e-de08cd395a10"}, {"name", "arXiv.org"}, {"alternate_names", {"ArXiv"}},
             {"issn", "2331-8422"}, {"url", "https://arxiv.org"}};
  } else if (!p.venue.empty()) {
    venue = {{"id", "939c6e1d-0d17-4d6e-8a82-66d960df0e40"}, {"name", p.venue}, {"type", p.venue_type},
             {"alternate_names", p.alternates}, {"url", "https://venue.example.org/"}};
  }
  json authors = json::array();
  int id = 72890649;
  for (const std::string& a : p.authors) {
    authors.push_back({{"authorId", std::to_string(id++)}, {"name", a}});
  }
  return {{"paperId", "ebdbded60f48131ed7ba73807c3c086993a96f89"},
          {"externalIds", ids},
          {"publicationVenue", venue},
          {"title", p.title},
          {"venue", p.venue},
          {"year", p.year},
          {"publicationDate", std::to_string(p.year) + "-08-31"},
          {"journal", {{"name", "ArXiv"}, {"volume", "abs/" + arxiv_id}}},
          {"authors", authors}};
}

/// BibTeX's braces around words with capitals after the first letter, as
/// DBLP protects them.
std::string braced(const std::string& text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t end = std::min(text.find(' ', i), text.size());
    const std::string word = text.substr(i, end - i);
    int capitals = 0;
    for (char c : word) {
      capitals += std::isupper(static_cast<unsigned char>(c)) ? 1 : 0;
    }
    out += capitals >= 2 ? "{" + word + "}" : word;
    if (end < text.size()) {
      out += ' ';
    }
    i = end + 1;
  }
  return out;
}

std::string without_homonym(const std::string& name) {
  const std::size_t space = name.rfind(' ');
  const bool numbered = space != std::string::npos && name.size() - space == 5 &&
                        std::all_of(name.begin() + static_cast<long>(space) + 1, name.end(), [](char c) { return c >= '0' && c <= '9'; });
  return numbered ? name.substr(0, space) : name;
}

json hit_json(const FakeDblpRecord& r, int n) {
  json authors = json::array();
  for (const std::string& a : r.authors) {
    authors.push_back({{"@pid", "28/" + std::to_string(2391 + n)}, {"text", a}});
  }
  json info = {{"authors", {{"author", authors.size() == 1 ? authors.front() : authors}}},
               {"title", r.title + "."},
               {"venue", r.venue}};
  if (!r.pages.empty()) {
    info["pages"] = r.pages;
  }
  info["year"] = r.year;
  info["type"] = r.type;
  info["access"] = "open";
  info["key"] = r.key;
  if (!r.doi.empty()) {
    info["doi"] = r.doi;
  }
  info["ee"] = r.url;
  info["url"] = "https://dblp.org/rec/" + r.key;
  return {{"@score", "7"}, {"@id", std::to_string(6425006 + n)}, {"info", info}, {"url", "URL#" + std::to_string(6425006 + n)}};
}

} // namespace

FixtureServer::Handler scholar_batch(std::map<std::string, FakeScholarPaper> papers) {
  return [papers = std::move(papers)](const httplib::Request& request) {
    const json body = json::parse(request.body, nullptr, false);
    json out = json::array();
    if (body.is_object() && body.contains("ids") && body["ids"].is_array()) {
      for (const json& id : body["ids"]) {
        const std::string text = id.is_string() ? id.get<std::string>() : "";
        const auto it = text.starts_with("ARXIV:") ? papers.find(text.substr(6)) : papers.end();
        out.push_back(it == papers.end() ? json(nullptr) : scholar_json(it->first, it->second));
      }
    }
    return Reply{200, out.dump(), "application/json", {}, 0};
  };
}

std::string dblp_bib(const FakeDblpRecord& r) {
  const auto field = [](const std::string& name, const std::string& value) {
    std::string padded = name;
    padded.resize(13, ' ');
    return "  " + padded + "= {" + value + "},\n";
  };
  std::string authors;
  for (const std::string& a : r.authors) {
    authors += (authors.empty() ? "" : " and\n                  ") + without_homonym(a);
  }
  std::string out = "@" + r.entry + "{DBLP:" + r.key + ",\n" + field("author", authors) + field("title", braced(r.title)) +
                    field(r.entry == "article" ? "journal" : "booktitle", braced(r.container));
  if (!r.volume.empty()) {
    out += field("volume", r.volume);
  }
  if (!r.pages.empty()) {
    out += field("pages", r.pages);
  }
  if (!r.publisher.empty()) {
    out += field("publisher", r.publisher);
  }
  out += field("year", r.year) + field("url", r.url);
  if (!r.doi.empty()) {
    out += field("doi", r.doi);
  }
  out += field("timestamp", "Wed, 07 Aug 2024 17:11:53 +0200") + field("biburl", "https://dblp.org/rec/" + r.key + ".bib");
  out += "  bibsource    = {dblp computer science bibliography, https://dblp.org}\n}\n";
  return out;
}

FixtureServer::Handler dblp_search(std::vector<std::pair<std::string, FakeDblpRecord>> records) {
  return [records = std::move(records)](const httplib::Request& request) {
    const std::string q = request.get_param_value("q");
    json hits = json::array();
    int n = 0;
    for (const auto& [word, record] : records) {
      if (q.find(word) != std::string::npos) {
        hits.push_back(hit_json(record, n++));
      }
    }
    json counts = {{"@total", std::to_string(n)}, {"@computed", std::to_string(n)}, {"@sent", std::to_string(n)}, {"@first", "0"}};
    if (n > 0) {
      counts["hit"] = hits;
    }
    const json answer = {{"result", {{"query", q}, {"status", {{"@code", "200"}, {"text", "OK"}}}, {"time", {{"@unit", "msecs"}, {"text", "2.93"}}}, {"hits", counts}}}};
    return Reply{200, answer.dump(), "application/json", {}, 0};
  };
}

void serve_dblp_records(FixtureServer& server, const std::vector<FakeDblpRecord>& records) {
  for (const FakeDblpRecord& r : records) {
    server.on("dblp.org", "/rec/" + r.key + ".bib", Reply{200, dblp_bib(r), "text/x-bibtex; charset=utf-8", {}, 0});
  }
}

} // namespace refs::testing
