#include "core/pipeline/find_published.hpp"

#include "core/dedupe/folded_text.hpp"
#include "core/http/scheduler.hpp"
#include "core/pipeline/shared_pace.hpp"
#include "core/published/hit_choice.hpp"
#include "core/published/published_citation.hpp"
#include "core/published/venue_label.hpp"
#include "core/published/version_gates.hpp"
#include "core/resolve/dblp.hpp"
#include "core/resolve/doi.hpp"
#include "core/resolve/registry.hpp"
#include "core/resolve/semantic_scholar.hpp"

#include <algorithm>

namespace refs::pipeline {

// Semantic Scholar and DBLP are not Resolvers: they do not describe the
// work a URL names, but another version of a work already resolved, and
// each step asks what the one before found (Semantic Scholar's DBLP key,
// then DBLP's record of it). So the steps run here, in order, each one
// batch through one scheduler per service, so that every request to a
// service is paced by one rule: Semantic Scholar first (one request names
// every preprint), then DBLP's searches for the preprints it knows nothing
// of, then DBLP's records of the keys found, then DOIs without a record.

namespace {

const std::string k_scholar(resolve::k_scholar_host);
const std::string k_dblp(resolve::k_dblp_host);
constexpr int k_give_up_after = 2;

/// One preprint's way through the services.
struct Search {
  const Preprint* preprint = nullptr;
  store::PublishedFinding finding;
  std::optional<store::PublishedFinding> kept; ///< what an earlier look-up found
  bool cached = false;
  bool done = false;
  bool unfinished = false; ///< a request failed: what was found is not the whole answer
  std::vector<std::string> alternates; ///< Semantic Scholar's short names of the venue
  std::string dblp_key;
  bool key_by_identifier = false;
  std::string doi;
  std::string query; ///< the DBLP search's words
  std::vector<std::string> asked;
};

std::string in_quotes(const std::string& text) { return "\"" + text + "\""; }

std::string joined(const std::vector<std::string>& parts, const std::string& separator) {
  std::string out;
  for (const std::string& p : parts) {
    out += (out.empty() ? "" : separator) + p;
  }
  return out;
}

/// "DBLP conf/iclr/PengQFS24" for "dblp:conf/iclr/PengQFS24".
std::string identity_text(const std::string& identity) {
  const std::size_t colon = identity.find(':');
  const std::string kind = identity.substr(0, colon);
  return (kind == "dblp" ? "DBLP" : kind == "acl" ? "ACL" : "DOI") + std::string(" ") + identity.substr(colon + 1);
}

std::string hits_text(std::size_t n) { return std::to_string(n) + (n == 1 ? " hit" : " hits"); }

/// The words DBLP's search is asked: the title's and the first author's
/// family name, folded (DBLP reads punctuation as its operators).
std::string search_words(const model::Citation& c) {
  std::string words = dedupe::to_utf8(dedupe::fold_words(c.title));
  if (!c.authors.empty()) {
    const model::Person& first = c.authors.front();
    if (const std::string name = dedupe::to_utf8(dedupe::fold_words(first.family.empty() ? first.literal : first.family));
        !name.empty()) {
      words += " " + name;
    }
  }
  return words;
}

class PublishedLookup {
public:
  PublishedLookup(store::Library& library, const Config& config, http::Observer* observer)
      : m_library(library), m_config(config), m_scholar(config.http, observer), m_dblp(config.http, observer),
        m_doi(config.http, observer) {
    m_scholar.set_rule(k_scholar, http::HostRule{1, config.scholar_interval, config.published_pause, k_give_up_after});
    m_dblp.set_rule(k_dblp, http::HostRule{1, config.dblp_interval, config.published_pause, k_give_up_after});
  }

  PublishedReport run(const std::vector<Preprint>& preprints);

private:
  void from_cache(Search& s);
  void from_record(Search& s);
  void ask_scholar(std::vector<Search>& searches);
  void take_scholar(Search& s, const std::optional<resolve::ScholarPaper>& paper);
  void search_dblp(std::vector<Search>& searches);
  void read_dblp(std::vector<Search>& searches);
  void ask_doi(std::vector<Search>& searches);
  void judge(Search& s, model::Citation version, const std::string& identity, bool by_identifier);
  PublishedReport report(std::vector<Search>& searches);
  std::vector<Search*> waiting(std::vector<Search>& searches, bool (*wants)(const Search&));
  std::vector<http::Result> paced(http::Scheduler& scheduler, const std::string& host,
                                  const std::vector<http::Request>& requests, std::chrono::milliseconds interval);

  store::Library& m_library;
  const Config& m_config;
  http::Scheduler m_scholar;
  http::Scheduler m_dblp;
  http::Scheduler m_doi;
};

PublishedReport PublishedLookup::run(const std::vector<Preprint>& preprints) {
  std::vector<Search> searches(preprints.size());
  for (std::size_t i = 0; i < preprints.size(); ++i) {
    Search& s = searches[i];
    s.preprint = &preprints[i];
    s.finding.arxiv_id = preprints[i].arxiv_id;
    from_cache(s);
    if (!s.done) {
      from_record(s);
    }
  }
  ask_scholar(searches);
  search_dblp(searches);
  read_dblp(searches);
  ask_doi(searches);
  return report(searches);
}

/// The findings, kept in the library when the look-up was whole.
PublishedReport PublishedLookup::report(std::vector<Search>& searches) {
  PublishedReport out;
  store::WriteTransaction tx(m_library);
  for (Search& s : searches) {
    if (!s.done) {
      s.finding.status = "none";
      s.finding.asked = joined(s.asked, "; ");
    }
    s.finding.checked_at = m_config.clock;
    if (s.unfinished && s.kept && s.kept->status != "none") {
      s.finding = *s.kept; // a refresh cut short does not lose what was known
      s.cached = true;
    } else if (!s.cached && !s.unfinished) {
      store::record_finding(m_library, s.finding);
    }
    out.findings.push_back(std::move(s.finding));
    out.cached.push_back(s.cached);
  }
  tx.commit();
  for (const auto& [host, scheduler] : {std::pair{&k_scholar, &m_scholar}, std::pair{&k_dblp, &m_dblp}}) {
    if (scheduler->throttled(*host) >= k_give_up_after) {
      out.warnings.push_back(*host + " asked us to slow down (HTTP 429) " + std::to_string(k_give_up_after) +
                             " times; it was not asked again in this run");
    }
  }
  return out;
}

void PublishedLookup::from_cache(Search& s) {
  s.kept = store::published_finding(m_library, s.finding.arxiv_id);
  const bool fresh = s.kept && !m_config.refresh &&
                     (s.kept->status != "none" || m_config.clock - s.kept->checked_at < m_config.published_miss_ttl);
  if (s.kept && (fresh || m_config.offline || s.preprint->applied)) {
    s.finding = *s.kept;
    s.cached = s.done = true;
  } else if (m_config.offline || s.preprint->applied) {
    s.finding.status = "none";
    s.finding.asked = s.preprint->applied ? "nothing kept of the look-up" : "not looked up yet (offline)";
    s.cached = s.done = true;
  }
}

/// What the preprint's own record says: the DOI of its published version
/// (arXiv's `doi`, which the authors gave, or an imported entry's), and
/// arXiv's journal reference (free text: evidence, never a link alone).
void PublishedLookup::from_record(Search& s) {
  const model::Citation& c = s.preprint->citation;
  const auto title = c.sources.find("title");
  const std::string who = title != c.sources.end() && title->second == "arxiv" ? "arXiv" : "The library's record";
  for (const model::WorkId& id : c.ids) {
    if (id.kind == model::IdKind::doi && !resolve::is_preprint_doi(id.value)) {
      s.doi = id.value;
      s.finding.evidence.push_back(who + " names the published DOI " + id.value);
      break;
    }
  }
  if (!c.journal_ref.empty()) {
    s.finding.evidence.push_back("arXiv's journal reference: " + c.journal_ref);
  }
}

std::vector<Search*> PublishedLookup::waiting(std::vector<Search>& searches, bool (*wants)(const Search&)) {
  std::vector<Search*> out;
  for (Search& s : searches) {
    if (!s.done && wants(s)) {
      out.push_back(&s);
    }
  }
  return out;
}

std::vector<http::Result> PublishedLookup::paced(http::Scheduler& scheduler, const std::string& host,
                                                 const std::vector<http::Request>& requests,
                                                 std::chrono::milliseconds interval) {
  if (requests.empty()) {
    return {};
  }
  reserve(m_library, scheduler, host, requests, interval);
  std::vector<http::Result> results = scheduler.run(requests);
  release(m_library, scheduler, host, interval, m_config.published_pause);
  return results;
}

void PublishedLookup::ask_scholar(std::vector<Search>& searches) {
  const std::vector<Search*> asking = waiting(searches, [](const Search&) { return true; });
  std::vector<http::Request> requests;
  for (std::size_t first = 0; first < asking.size(); first += resolve::k_scholar_batch) {
    std::vector<std::string> ids;
    for (std::size_t i = first; i < std::min(asking.size(), first + resolve::k_scholar_batch); ++i) {
      ids.push_back(asking[i]->preprint->arxiv_id);
    }
    requests.push_back(resolve::scholar_batch_request(ids));
  }
  const std::vector<http::Result> results = paced(m_scholar, k_scholar, requests, m_config.scholar_interval);
  for (std::size_t r = 0; r < requests.size(); ++r) {
    const std::size_t first = r * resolve::k_scholar_batch;
    const std::size_t count = requests[r].subjects.size();
    const auto papers = results[r] ? resolve::read_scholar_batch(results[r]->body, count)
                                   : tl::make_unexpected(results[r].error().detail);
    for (std::size_t i = 0; i < count; ++i) {
      Search& s = *asking[first + i];
      if (papers) {
        take_scholar(s, (*papers)[i]);
      } else {
        s.asked.push_back("Semantic Scholar (" + papers.error() + ")");
        s.unfinished = true;
      }
    }
  }
}

void PublishedLookup::take_scholar(Search& s, const std::optional<resolve::ScholarPaper>& paper) {
  if (!paper) {
    s.asked.push_back("Semantic Scholar (does not know the paper)");
    return;
  }
  const std::string venue = paper->venue_name.empty() ? paper->venue : paper->venue_name;
  const std::vector<std::string> ids = resolve::published_identities(*paper);
  if (ids.empty()) {
    s.asked.push_back(resolve::names_a_venue(*paper) ? "Semantic Scholar (venue " + in_quotes(venue) + ", no identifier of it)"
                                                      : "Semantic Scholar (the preprint only)");
    return;
  }
  std::vector<std::string> named;
  std::transform(ids.begin(), ids.end(), std::back_inserter(named), identity_text);
  s.finding.evidence.push_back("Semantic Scholar: " + venue + "; " + joined(named, "; "));
  s.alternates = paper->venue_alternates;
  for (const std::string& id : ids) {
    if (id.starts_with("dblp:") && s.dblp_key.empty()) {
      s.dblp_key = id.substr(5);
      s.key_by_identifier = true;
    } else if (id.starts_with("doi:") && s.doi.empty()) {
      s.doi = id.substr(4);
    } else if (id.starts_with("acl:") && s.doi.empty()) {
      s.doi = resolve::normalise_doi("10.18653/v1/" + id.substr(4)).value_or(""); // the ACL Anthology's DOIs
    }
  }
}

void PublishedLookup::search_dblp(std::vector<Search>& searches) {
  const std::vector<Search*> asking =
      waiting(searches, [](const Search& s) { return s.dblp_key.empty() && s.doi.empty() && !s.preprint->citation.title.empty(); });
  std::vector<http::Request> requests;
  for (Search* s : asking) {
    s->query = search_words(s->preprint->citation);
    requests.push_back(resolve::dblp_search_request(s->query));
  }
  const std::vector<http::Result> results = paced(m_dblp, k_dblp, requests, m_config.dblp_interval);
  for (std::size_t i = 0; i < requests.size(); ++i) {
    Search& s = *asking[i];
    const auto hits = results[i] ? resolve::read_dblp_search(results[i]->body) : tl::make_unexpected(results[i].error().detail);
    if (!hits) {
      s.asked.push_back("DBLP search (" + hits.error() + ")");
      s.unfinished = true;
      continue;
    }
    const published::HitChoice choice = published::choose_hit(
        s.preprint->citation, *hits, [&](const std::string& key) { return store::is_rejected(m_library, s.finding.arxiv_id, "dblp:" + key); });
    if (!choice.hit) {
      s.asked.push_back("DBLP search " + in_quotes(s.query) + " (" + hits_text(hits->size()) + ", no published version" +
                        (choice.refused.empty() ? "" : "; " + joined(choice.refused, ", ")) + ")");
      continue;
    }
    s.dblp_key = choice.hit->key;
    s.key_by_identifier = false;
    s.finding.evidence.push_back("DBLP search " + in_quotes(s.query) + ": " + choice.hit->key);
  }
}

void PublishedLookup::read_dblp(std::vector<Search>& searches) {
  const std::vector<Search*> asking = waiting(searches, [](const Search& s) { return !s.dblp_key.empty(); });
  std::vector<http::Request> requests;
  for (const Search* s : asking) {
    requests.push_back(resolve::dblp_record_request(s->dblp_key));
  }
  const std::vector<http::Result> results = paced(m_dblp, k_dblp, requests, m_config.dblp_interval);
  for (std::size_t i = 0; i < requests.size(); ++i) {
    Search& s = *asking[i];
    auto version = results[i] ? resolve::read_dblp_record(results[i]->body) : tl::make_unexpected(results[i].error().detail);
    if (!version) {
      s.asked.push_back("DBLP record " + s.dblp_key + " (" + version.error() + ")");
      s.unfinished = true;
      s.dblp_key.clear();
      continue;
    }
    s.finding.evidence.push_back("DBLP " + s.dblp_key + ": " + version->container_title);
    version->container_title_short = published::venue_short_name(version->container_title, s.alternates);
    version->sources["container-title-short"] = published::k_published_source;
    judge(s, std::move(*version), "dblp:" + s.dblp_key, s.key_by_identifier);
  }
}

void PublishedLookup::ask_doi(std::vector<Search>& searches) {
  const std::vector<Search*> asking = waiting(searches, [](const Search& s) { return !s.doi.empty(); });
  const resolve::Registry registry;
  const resolve::Resolver* doi = registry.find("doi");
  std::vector<http::Request> requests;
  for (const Search* s : asking) {
    const model::WorkId id{model::IdKind::doi, s->doi};
    requests.push_back(doi->plan(std::span(&id, 1)).front());
  }
  const std::vector<http::Result> results = requests.empty() ? std::vector<http::Result>() : m_doi.run(requests);
  for (std::size_t i = 0; i < requests.size(); ++i) {
    Search& s = *asking[i];
    std::vector<resolve::Answer> answers = doi->parse(requests[i], results[i]);
    if (answers.empty() || !answers.front().citation) {
      s.asked.push_back("doi.org " + s.doi + " (" + (answers.empty() ? "no answer" : answers.front().problem) + ")");
      s.unfinished = s.unfinished || results[i].has_value() || results[i].error().status != 404; // a 404 is an answer
      continue;
    }
    model::Citation version = std::move(*answers.front().citation);
    for (auto& [field, source] : version.sources) {
      source = published::k_published_source;
    }
    version.container_title_short = published::venue_short_name(version.container_title, s.alternates);
    version.sources["container-title-short"] = published::k_published_source;
    s.finding.evidence.push_back("doi.org " + s.doi + ": " + version.container_title);
    judge(s, std::move(version), "doi:" + s.doi, true);
  }
}

void PublishedLookup::judge(Search& s, model::Citation version, const std::string& identity, bool by_identifier) {
  const std::string name = identity.substr(identity.find(':') + 1);
  const std::string doi = resolve::normalise_doi(version.doi).value_or("");
  if (store::is_rejected(m_library, s.finding.arxiv_id, identity) ||
      (!doi.empty() && store::is_rejected(m_library, s.finding.arxiv_id, "doi:" + doi))) {
    s.asked.push_back(name + " (you said it is another work)");
    s.doi.clear(); // Semantic Scholar's DOI names the same version
    return;
  }
  if (version.container_title.empty()) {
    s.asked.push_back(name + " (names no venue)");
    return;
  }
  const published::GateResult gate = published::pass_gates(s.preprint->citation, version, by_identifier);
  if (gate.standing == published::Standing::refused) {
    s.asked.push_back(name + " (not this paper: " + gate.why + ")");
    return;
  }
  if (!gate.why.empty()) {
    s.finding.evidence.push_back(gate.why);
  }
  s.finding.status = gate.standing == published::Standing::confirmed ? "confirmed" : "candidate";
  s.finding.identity = identity;
  s.finding.workshop = published::is_workshop(version.container_title);
  s.finding.venue = published::venue_label(version);
  s.finding.record = std::move(version);
  s.done = true;
}

} // namespace

PublishedReport find_published_versions(store::Library& library, const Config& config,
                                        const std::vector<Preprint>& preprints, http::Observer* observer) {
  if (preprints.empty()) {
    return {};
  }
  return PublishedLookup(library, config, observer).run(preprints);
}

} // namespace refs::pipeline
