#include "core/pipeline/archive_copies.hpp"

#include "core/csl/csl_json.hpp"
#include "core/http/scheduler.hpp"
#include "core/pipeline/shared_pace.hpp"
#include "core/resolve/wayback.hpp"
#include "core/store/cache_store.hpp"
#include "core/util/time.hpp"

#include <nlohmann/json.hpp>

namespace refs::pipeline {

// Both steps of an archive lookup (the capture list, then the replay of
// the chosen capture) go through one scheduler, so a 429 to either counts
// towards giving the archive up. Their answers are cached under their own
// request URLs: a capture list for a page and date, a replay for a capture.

namespace {

const std::string k_host(resolve::k_wayback_host);
constexpr int k_give_up_after = 2; ///< 429s before the archive is left alone for the run

/// One page's way through the archive.
struct Lookup {
  const LostPage* page = nullptr;
  model::Date near; ///< the page's date, else the run's
  std::optional<resolve::Capture> capture;
  ArchivedCopy copy;
  bool done = false;
};

class ArchiveLookup {
public:
  ArchiveLookup(store::Library& library, const Config& config, http::Observer* observer)
      : m_library(library), m_config(config), m_scheduler(config.http, observer) {}

  ArchiveReport run(const std::vector<LostPage>& pages);

private:
  void capture_lists(std::vector<Lookup>& lookups);
  void replays(std::vector<Lookup>& lookups);
  void take_list(Lookup& lookup, const http::Request& query, const http::Result& result);
  void take_replay(Lookup& lookup, const http::Request& replay, const http::Result& result);
  void remember(const std::string& key, const std::string& failure, const std::string& metadata);

  store::Library& m_library;
  const Config& m_config;
  http::Scheduler m_scheduler;
};

ArchiveReport ArchiveLookup::run(const std::vector<LostPage>& pages) {
  std::vector<Lookup> lookups(pages.size());
  const util::CivilDate today = util::utc_civil_date(m_config.now);
  for (std::size_t i = 0; i < pages.size(); ++i) {
    lookups[i].page = &pages[i];
    lookups[i].near = pages[i].cited_on.known() ? pages[i].cited_on : model::Date{today.year, today.month, today.day};
    lookups[i].copy.id = pages[i].id;
  }
  capture_lists(lookups);
  replays(lookups);
  release(m_library, m_scheduler, k_host, m_config.archive_interval, m_config.archive_pause);
  ArchiveReport report;
  for (Lookup& l : lookups) {
    report.copies.push_back(std::move(l.copy));
  }
  if (m_scheduler.throttled(k_host) >= k_give_up_after) {
    report.gave_up = k_host + " asked us to slow down (HTTP 429) " + std::to_string(k_give_up_after) +
                     " times; no archived copies were looked up for the rest of this run";
  }
  return report;
}

/// The capture nearest each page's date: from the cache, else asked.
void ArchiveLookup::capture_lists(std::vector<Lookup>& lookups) {
  std::vector<http::Request> queries;
  std::vector<Lookup*> asking;
  for (Lookup& l : lookups) {
    const http::Request query = resolve::capture_query(l.page->id.value, l.near);
    const auto entry = store::cached(m_library, query.url);
    if (entry && entry->failure.empty()) {
      const auto json = nlohmann::json::parse(entry->metadata, nullptr, false);
      const auto text = [&](const char* key) {
        const auto it = json.is_object() ? json.find(key) : json.end();
        return it != json.end() && it->is_string() ? it->get<std::string>() : std::string();
      };
      if (text("timestamp").size() == 14 && !text("original").empty()) {
        l.capture = resolve::Capture{text("timestamp"), text("original")};
        continue;
      }
    }
    if (entry && !entry->failure.empty() && !m_config.refresh && m_config.clock - entry->fetched_at < m_config.archive_miss_ttl) {
      l.copy = {l.page->id, std::nullopt, entry->failure + " (remembered from an earlier run)", true};
      l.done = true;
    } else if (m_config.offline) {
      l.copy = {l.page->id, std::nullopt, "no archived copy is known (offline)", true};
      l.done = true;
    } else {
      queries.push_back(query);
      asking.push_back(&l);
    }
  }
  if (queries.empty()) {
    return;
  }
  m_scheduler.set_rule(k_host, http::HostRule{1, m_config.archive_interval, m_config.archive_pause, k_give_up_after});
  reserve(m_library, m_scheduler, k_host, queries, m_config.archive_interval);
  const std::vector<http::Result> results = m_scheduler.run(queries);
  for (std::size_t i = 0; i < queries.size(); ++i) {
    take_list(*asking[i], queries[i], results[i]);
  }
}

void ArchiveLookup::take_list(Lookup& lookup, const http::Request& query, const http::Result& result) {
  if (!result) {
    lookup.copy.problem = "the Wayback Machine could not be asked: " + result.error().detail;
    lookup.done = true;
    return;
  }
  const auto picked = resolve::pick_capture(result->body, lookup.near);
  if (!picked) {
    lookup.copy.problem = picked.error();
    lookup.done = true;
  } else if (!*picked) {
    lookup.copy.problem = "the Wayback Machine has no copy";
    lookup.done = true;
    remember(query.url, lookup.copy.problem, "");
  } else {
    lookup.capture = **picked;
    remember(query.url, "", nlohmann::json{{"timestamp", lookup.capture->timestamp}, {"original", lookup.capture->original}}.dump());
  }
}

/// Each chosen capture's description: from the cache (captures never
/// change), else replayed.
void ArchiveLookup::replays(std::vector<Lookup>& lookups) {
  std::vector<http::Request> requests;
  std::vector<Lookup*> asking;
  for (Lookup& l : lookups) {
    if (l.done || !l.capture) {
      continue;
    }
    const http::Request replay = resolve::replay_request(*l.capture, l.page->id.value);
    const auto entry = store::cached(m_library, replay.url);
    if (entry && entry->failure.empty()) {
      auto citation = csl::from_csl_json(nlohmann::json::parse(entry->metadata, nullptr, false));
      if (citation) {
        l.copy = {l.page->id, std::move(*citation), "", true};
        continue;
      }
    }
    if (entry && !entry->failure.empty()) {
      l.copy = {l.page->id, std::nullopt, entry->failure, true};
    } else if (m_config.offline) {
      l.copy = {l.page->id, std::nullopt, "the archived copy was never read (offline)", true};
    } else {
      requests.push_back(replay);
      asking.push_back(&l);
    }
  }
  if (requests.empty()) {
    return;
  }
  m_scheduler.set_rule(k_host, http::HostRule{2, std::chrono::milliseconds(0), m_config.archive_pause, k_give_up_after});
  const std::vector<http::Result> results = m_scheduler.run(requests);
  for (std::size_t i = 0; i < requests.size(); ++i) {
    take_replay(*asking[i], requests[i], results[i]);
  }
}

void ArchiveLookup::take_replay(Lookup& lookup, const http::Request& replay, const http::Result& result) {
  resolve::Answer answer = resolve::read_replay(lookup.page->id.value, result);
  if (answer.citation) {
    model::Citation plain = *answer.citation;
    plain.key = replay.url;
    remember(replay.url, "", csl::csl_json_text(plain));
    lookup.copy.citation = std::move(answer.citation);
  } else {
    lookup.copy.problem = answer.problem;
    if (resolve::is_capture(result)) { // what a capture says never changes; an archive error may pass
      remember(replay.url, answer.problem, "");
    }
  }
}

void ArchiveLookup::remember(const std::string& key, const std::string& failure, const std::string& metadata) {
  store::WriteTransaction tx(m_library);
  store::remember(m_library, {key, m_config.clock, failure, metadata, "", ""});
  tx.commit();
}

} // namespace

ArchiveReport find_archived_copies(store::Library& library, const Config& config, const std::vector<LostPage>& pages,
                                   http::Observer* observer) {
  if (pages.empty()) {
    return {};
  }
  return ArchiveLookup(library, config, observer).run(pages);
}

} // namespace refs::pipeline
