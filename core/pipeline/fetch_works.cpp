#include "core/pipeline/fetch_works.hpp"

#include "core/classify/url.hpp"
#include "core/csl/csl_json.hpp"
#include "core/dedupe/merge.hpp"
#include "core/http/scheduler.hpp"
#include "core/pipeline/archive_copies.hpp"
#include "core/pipeline/shared_pace.hpp"
#include "core/resolve/arxiv.hpp"
#include "core/store/cache_store.hpp"
#include "core/store/citation_store.hpp"
#include "core/util/string.hpp"
#include "core/util/time.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <limits>

namespace refs::pipeline {

namespace {

/// Rounds go on while each answers something (a refused batch drops one
/// bad id per round, an unreadable one is halved), up to this many.
constexpr int k_rounds = 12;

/// A provisional key gives way to one made from the source's data (once).
void settle_key(store::Library& library, const key::KeyMaker& keys, store::StoredCitation& stored) {
  model::Citation& c = stored.citation;
  if (c.key_fixed) {
    return;
  }
  const std::string base = keys.base_key(c);
  const bool fits = c.key.starts_with(base) &&
                    std::all_of(c.key.begin() + static_cast<long>(base.size()), c.key.end(),
                                [](char ch) { return ch >= 'a' && ch <= 'z'; });
  if (!fits) {
    const std::string old = c.key;
    // A joined citation's former key may be the one its data makes: it is
    // its own, so it is taken back rather than suffixed.
    const auto holder = store::find_by_key(library, base);
    if (holder && holder->id == stored.id) {
      store::remove_alias(library, base);
      c.key = base;
    } else {
      c.key = store::free_key(library, base);
    }
    store::add_alias(library, stored.id, old);
  }
  c.key_fixed = true;
}

class Fetch {
public:
  Fetch(store::Library& library, const Config& config, const resolve::Registry& registry, const key::KeyMaker& keys,
        http::Observer* observer)
      : m_library(library), m_config(config), m_registry(registry), m_keys(keys), m_observer(observer) {}

  FetchReport run(const std::vector<WorkToFetch>& works);

private:
  std::vector<WorkToFetch> from_cache(const std::vector<WorkToFetch>& works);
  void merge(const model::WorkId& id, model::Citation incoming, const std::string& via);
  void remember(const model::WorkId& id, const std::string& failure, const model::Citation* citation,
                const http::Result* result, bool lost = false);
  void archive_lost(const std::vector<WorkToFetch>& works);
  std::vector<WorkToFetch> round(const std::vector<WorkToFetch>& works);
  void add_validators(http::Request& request, const std::vector<model::WorkId>& ids);
  void settle_keys();
  void revalidated(const http::Request& request, const std::string& source, std::vector<WorkToFetch>& again);
  void hand_over(const model::WorkId& page, const model::Citation& citation, std::vector<WorkToFetch>& again);

  store::Library& m_library;
  const Config& m_config;
  const resolve::Registry& m_registry;
  const key::KeyMaker& m_keys;
  http::Observer* m_observer;
  std::map<std::string, FetchOutcome> m_outcomes;
  std::vector<Joined> m_joined;
  std::vector<model::WorkId> m_merged; ///< works whose key may settle at the end
  std::vector<model::WorkId> m_lost;   ///< pages gone or walled: an archived copy may describe them
  std::string m_archive_warning;
};

FetchReport Fetch::run(const std::vector<WorkToFetch>& works) {
  std::vector<WorkToFetch> pending = m_config.refresh ? works : from_cache(works);
  // Progress: fewer works to ask, or the same asked in smaller batches.
  const auto batches = [](const std::vector<WorkToFetch>& ws) {
    std::size_t sum = 0;
    for (const WorkToFetch& w : ws) {
      sum += w.batch == 0 ? std::numeric_limits<std::uint32_t>::max() : w.batch;
    }
    return sum;
  };
  for (int i = 0; i < k_rounds && !pending.empty(); ++i) {
    const std::size_t before = pending.size();
    const std::size_t batched_before = batches(pending);
    pending = round(pending);
    if (pending.size() >= before && batches(pending) >= batched_before && i > 0) {
      break; // no progress: asking again would loop
    }
  }
  for (const WorkToFetch& w : pending) {
    m_outcomes[cache_key(w.id)] = {"", "the source refused every request for it", true};
  }
  if (m_config.archive) {
    archive_lost(works);
  }
  settle_keys();
  return {std::move(m_outcomes), std::move(m_joined), std::move(m_archive_warning)};
}

/// Once every source has spoken (a page may have led to its DOI), each
/// described work's provisional key is settled from the data.
void Fetch::settle_keys() {
  for (const model::WorkId& id : m_merged) {
    store::WriteTransaction tx(m_library);
    auto stored = store::find_by_id(m_library, id);
    if (stored && !stored->citation.key_fixed) {
      settle_key(m_library, m_keys, *stored);
      store::update_citation(m_library, stored->id, stored->citation);
    }
    tx.commit();
  }
}

/// Merges what was fetched before and skips recent failures; returns the
/// works that still need a request.
std::vector<WorkToFetch> Fetch::from_cache(const std::vector<WorkToFetch>& works) {
  std::vector<WorkToFetch> rest;
  for (const WorkToFetch& w : works) {
    const auto entry = store::cached(m_library, cache_key(w.id));
    if (!entry) {
      rest.push_back(w);
    } else if (entry->failure.empty()) {
      const auto json = nlohmann::json::parse(entry->metadata, nullptr, false);
      auto citation = csl::from_csl_json(json);
      if (citation) {
        merge(w.id, std::move(*citation), "cached");
      } else {
        rest.push_back(w);
      }
    } else if (m_config.clock - entry->fetched_at < m_config.failure_ttl) {
      m_outcomes[cache_key(w.id)] = {"", entry->failure + " (remembered from an earlier run)", true};
      if (entry->lost) {
        m_lost.push_back(w.id);
      }
    } else {
      rest.push_back(w);
    }
  }
  return rest;
}

void Fetch::merge(const model::WorkId& id, model::Citation incoming, const std::string& via) {
  store::WriteTransaction tx(m_library);
  auto stored = store::find_by_id(m_library, id);
  if (!stored) {
    return; // removed meanwhile
  }
  const model::Citation before = stored->citation;
  dedupe::merge_into(stored->citation, incoming, dedupe::Ties::replace);
  m_merged.push_back(id);
  if (!(stored->citation == before)) {
    // What the source said (a DOI, a canonical URL, the real title) may
    // show that another stored citation is this work.
    const std::string now = util::iso_timestamp(m_config.now);
    stored->citation.updated = now;
    Joined joined = join_same_works(m_library, stored->id, stored->citation, now);
    if (joined.merge != 0) {
      m_joined.push_back(std::move(joined));
    }
  }
  tx.commit();
  m_outcomes[cache_key(id)] = {via, "", true};
}

void Fetch::remember(const model::WorkId& id, const std::string& failure, const model::Citation* citation,
                     const http::Result* result, bool lost) {
  store::CacheEntry entry{cache_key(id), m_config.clock, failure, "", "", "", lost};
  if (citation != nullptr) {
    model::Citation plain = *citation;
    plain.key = cache_key(id);
    entry.metadata = csl::csl_json_text(plain);
  }
  if (result != nullptr && *result) {
    entry.etag = (*result)->etag;
    entry.last_modified = (*result)->last_modified;
  }
  store::WriteTransaction tx(m_library);
  const auto earlier = failure.empty() ? std::nullopt : store::cached(m_library, entry.key);
  if (!earlier || !earlier->failure.empty()) { // a failure never replaces what a source said
    store::remember(m_library, entry);
  }
  tx.commit();
}

/// With --refresh, a single-work request carries the validators of its
/// last fetch, so an unchanged page answers 304 and costs no body.
void Fetch::add_validators(http::Request& request, const std::vector<model::WorkId>& ids) {
  if (!m_config.refresh || request.subjects.size() != 1) {
    return;
  }
  const auto id = std::find_if(ids.begin(), ids.end(), [&](const model::WorkId& w) { return w.value == request.subjects[0]; });
  if (id == ids.end()) {
    return;
  }
  if (const auto entry = store::cached(m_library, cache_key(*id)); entry && entry->failure.empty()) {
    request.etag = entry->etag;
    request.last_modified = entry->last_modified;
  }
}

/// A 304: what was cached still holds; it is merged again and its time renewed.
void Fetch::revalidated(const http::Request& request, const std::string& source, std::vector<WorkToFetch>& again) {
  for (const std::string& subject : request.subjects) {
    const model::WorkId id{source == "arxiv" ? model::IdKind::arxiv : source == "doi" ? model::IdKind::doi : model::IdKind::url, subject};
    auto entry = store::cached(m_library, cache_key(id));
    auto citation = entry ? csl::from_csl_json(nlohmann::json::parse(entry->metadata, nullptr, false))
                          : tl::expected<model::Citation, std::string>(tl::make_unexpected("not cached"));
    if (!citation) {
      again.push_back({id, source});
      continue;
    }
    entry->fetched_at = m_config.clock;
    store::WriteTransaction tx(m_library);
    store::remember(m_library, *entry);
    tx.commit();
    merge(id, std::move(*citation), "cached");
  }
}

/// A page that carries a DOI or an arXiv id (a journal's or a mirror's
/// landing page) is the paper: its own source describes it next round.
void Fetch::hand_over(const model::WorkId& page, const model::Citation& citation, std::vector<WorkToFetch>& again) {
  const auto owner = store::find_by_id(m_library, page);
  for (model::WorkId id : citation.ids) {
    if (id.kind != model::IdKind::doi && id.kind != model::IdKind::arxiv) {
      continue;
    }
    const auto holder = store::find_by_id(m_library, id);
    if (!owner || !holder || holder->id != owner->id) {
      continue; // a citation this one was not joined with (the rules did not allow it)
    }
    std::string source = id.kind == model::IdKind::doi ? "doi" : "arxiv";
    if (id.kind == model::IdKind::doi && util::starts_with_ci(id.value, "10.48550/arxiv.")) {
      if (auto arxiv = resolve::normalise_arxiv_id(id.value.substr(15))) {
        id = {model::IdKind::arxiv, *arxiv};
        source = "arxiv";
      }
    }
    if (!m_outcomes.contains(cache_key(id))) {
      again.push_back({id, source});
    }
  }
}

/// Plans every source's requests, runs them all at once, merges the
/// answers; returns what to ask next: works a refused batch left
/// unanswered, and papers that pages pointed to.
std::vector<WorkToFetch> Fetch::round(const std::vector<WorkToFetch>& works) {
  std::map<std::pair<std::string, std::size_t>, std::vector<model::WorkId>> by_source;
  for (const WorkToFetch& w : works) {
    by_source[{w.source, w.batch}].push_back(w.id);
  }
  std::vector<http::Request> requests;
  std::vector<const resolve::Resolver*> owners;
  for (const auto& [source, ids] : by_source) {
    const resolve::Resolver* resolver = m_registry.find(source.first);
    const auto planned = resolver != nullptr ? resolver->plan(ids, source.second) : std::vector<http::Request>{};
    if (planned.empty()) {
      for (const model::WorkId& id : ids) {
        m_outcomes[cache_key(id)] = {"", "", false};
      }
    }
    for (http::Request request : planned) {
      add_validators(request, ids);
      requests.push_back(std::move(request));
    }
    owners.insert(owners.end(), planned.size(), resolver);
  }
  http::HttpOptions options = m_config.http;
  const std::string api = host_of(m_config.arxiv_api);
  if (!api.empty()) {
    options.host_rules[api] = http::HostRule{1, m_config.arxiv_interval};
  }
  options.host_rules.emplace("api.crossref.org", http::HostRule{1, std::chrono::milliseconds(200)});
  http::Scheduler scheduler(options, m_observer);
  reserve(m_library, scheduler, api, requests, m_config.arxiv_interval);
  const std::vector<http::Result> results = scheduler.run(requests);
  release(m_library, scheduler, api, m_config.arxiv_interval);
  std::vector<WorkToFetch> again;
  for (std::size_t i = 0; i < requests.size(); ++i) {
    if (results[i] && results[i]->status == 304) {
      revalidated(requests[i], std::string(owners[i]->name()), again);
      continue;
    }
    for (resolve::Answer& answer : owners[i]->parse(requests[i], results[i])) {
      if (answer.ask_again) {
        again.push_back({answer.id, std::string(owners[i]->name()), answer.batch});
      } else if (answer.citation) {
        remember(answer.id, "", &*answer.citation, &results[i]);
        const model::Citation described = *answer.citation;
        merge(answer.id, std::move(*answer.citation), std::string(owners[i]->name()));
        if (owners[i]->name() == "web") {
          hand_over(answer.id, described, again);
        }
      } else {
        remember(answer.id, answer.problem, nullptr, nullptr, answer.lost);
        m_outcomes[cache_key(answer.id)] = {"", answer.problem, true};
        if (answer.lost) {
          m_lost.push_back(answer.id);
        }
      }
    }
  }
  return again;
}

/// Pages that are gone or walled, described by their archived copies
/// nearest the dates the posts cite them on.
void Fetch::archive_lost(const std::vector<WorkToFetch>& works) {
  std::vector<LostPage> pages;
  for (const model::WorkId& id : m_lost) {
    const auto w = std::find_if(works.begin(), works.end(), [&](const WorkToFetch& x) { return x.id == id; });
    model::Date near = w == works.end() ? model::Date{} : w->cited_on;
    if (!near.known()) { // an imported work: when its writer last saw the page
      const auto stored = store::find_by_id(m_library, id);
      near = stored ? stored->citation.accessed : near;
    }
    pages.push_back({id, near});
  }
  ArchiveReport report = find_archived_copies(m_library, m_config, pages, m_observer);
  for (ArchivedCopy& copy : report.copies) {
    const std::string why = m_outcomes[cache_key(copy.id)].problem;
    if (copy.citation) {
      merge(copy.id, std::move(*copy.citation), "archive");
      m_outcomes[cache_key(copy.id)].problem = why; // the page's own problem stands: the writer should know
    } else {
      m_outcomes[cache_key(copy.id)].problem = why + "; " + copy.problem;
    }
  }
  m_archive_warning = report.gave_up;
}

} // namespace

std::string cache_key(const model::WorkId& id) {
  switch (id.kind) {
  case model::IdKind::arxiv:
    return "https://arxiv.org/abs/" + id.value;
  case model::IdKind::doi:
    return "https://doi.org/" + id.value;
  default:
    return id.value;
  }
}

FetchReport fetch_works(store::Library& library, const Config& config, const resolve::Registry& registry,
                        const key::KeyMaker& keys, const std::vector<WorkToFetch>& works, http::Observer* observer) {
  return Fetch(library, config, registry, keys, observer).run(works);
}

} // namespace refs::pipeline
