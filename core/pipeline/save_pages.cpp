#include "core/pipeline/save_pages.hpp"

#include "core/http/scheduler.hpp"
#include "core/pipeline/shared_pace.hpp"
#include "core/resolve/wayback.hpp"
#include "core/util/time.hpp"

#include <algorithm>

namespace refs::pipeline {

namespace {

const std::string k_host(resolve::k_wayback_host);
constexpr int k_give_up_after = 2; ///< the archive's 429s before it is left alone
constexpr std::int64_t k_recent = 30 * 24 * 60 * 60;

/// 14 digits, UTC, as the CDX API's `from` wants it.
std::string cdx_timestamp(std::int64_t unix_seconds) {
  std::string digits = util::iso_timestamp(unix_seconds);
  digits.erase(std::remove_if(digits.begin(), digits.end(), [](char c) { return c < '0' || c > '9'; }), digits.end());
  return digits;
}

/// Which pages have no capture from the last 30 days: their URLs' indices.
std::vector<std::size_t> without_recent_capture(http::Scheduler& scheduler, store::Library& library, const Config& config,
                                                SaveReport& report) {
  std::vector<http::Request> lists;
  for (const SaveResult& page : report.pages) {
    lists.push_back(resolve::recent_capture_query(page.url, cdx_timestamp(config.clock - k_recent)));
  }
  scheduler.set_rule(k_host, http::HostRule{1, config.archive_interval, config.archive_pause, k_give_up_after});
  reserve(library, scheduler, k_host, lists, config.archive_interval);
  std::vector<std::size_t> unsaved;
  scheduler.run(lists, [&](std::size_t i, http::Result listed) {
    const auto recent = listed ? resolve::lists_a_capture(listed->body)
                               : tl::expected<bool, std::string>(
                                     tl::make_unexpected("the Wayback Machine could not be asked: " + listed.error().detail));
    if (!recent) {
      report.pages[i].problem = recent.error();
    } else if (*recent) {
      report.pages[i].recent = true;
    } else {
      unsaved.push_back(i);
    }
  });
  std::sort(unsaved.begin(), unsaved.end());
  return unsaved;
}

} // namespace

SaveReport save_pages(store::Library& library, const Config& config, const std::vector<std::string>& urls,
                      http::Observer* observer) {
  SaveReport report;
  for (const std::string& url : urls) {
    report.pages.push_back({url, false, "", ""});
  }
  if (urls.empty()) {
    return report;
  }
  http::Scheduler scheduler(config.http, observer);
  const std::vector<std::size_t> saving = without_recent_capture(scheduler, library, config, report);
  std::vector<http::Request> saves;
  for (std::size_t i : saving) {
    saves.push_back(resolve::save_request(urls[i], config.archive_access_key, config.archive_secret_key));
  }
  scheduler.set_rule(k_host, http::HostRule{1, config.save_interval, config.archive_pause, k_give_up_after});
  reserve(library, scheduler, k_host, saves, config.save_interval);
  scheduler.run(saves, [&](std::size_t k, http::Result saved) {
    const auto job = resolve::read_save_answer(saved);
    if (job) {
      report.pages[saving[k]].job = *job;
    } else {
      report.pages[saving[k]].problem = job.error();
    }
  });
  release(library, scheduler, k_host, saves.empty() ? config.archive_interval : config.save_interval, config.archive_pause);
  if (scheduler.throttled(k_host) >= k_give_up_after) {
    report.gave_up = k_host + " asked us to slow down (HTTP 429) " + std::to_string(k_give_up_after) +
                     " times; no more pages were sent to it in this run";
  }
  return report;
}

} // namespace refs::pipeline
