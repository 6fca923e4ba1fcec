#include "core/resolve/wayback.hpp"

#include "core/classify/url.hpp"
#include "core/classify/url_identity.hpp"
#include "core/resolve/web_page.hpp"
#include "core/util/string.hpp"
#include "core/util/time.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>

namespace refs::resolve {

// The Internet Archive's Wayback Machine, for pages that can no longer
// describe themselves. Two steps: the CDX API lists a page's captures
// (https://github.com/internetarchive/wayback/tree/master/wayback-cdx-server),
// then the chosen capture is replayed with the `id_` flag, which returns
// the bytes as they were captured. A replay always carries
// Memento-Datetime (RFC 7089); an answer without it is an error page of
// the archive, not a capture. The pipeline paces both (the archive
// publishes no limits and blocks clients that ignore its 429s).

namespace {

constexpr std::string_view k_cdx = "https://web.archive.org/cdx/search/cdx";

/// The 14-digit timestamp of the end of `near`: captures that day are not
/// after it, nor, for a date known to the month or year, that month or year.
std::string end_of_day(const model::Date& near) {
  const int month = near.month == 0 ? 12 : near.month;
  int day = near.day;
  for (int last = 31; day == 0; --last) {
    day = util::is_valid_day(near.year, month, last) ? last : 0;
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d235959", near.year, month, day);
  return buf;
}

bool is_timestamp(const std::string& s) {
  return s.size() == 14 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// 20231105081244 -> 2023-11-05T08:12:44Z.
std::string iso_of(const std::string& ts) {
  return ts.substr(0, 4) + "-" + ts.substr(4, 2) + "-" + ts.substr(6, 2) + "T" + ts.substr(8, 2) + ":" +
         ts.substr(10, 2) + ":" + ts.substr(12, 2) + "Z";
}

/// The capture a replay URL names: /web/TIMESTAMP[flags]/ORIGINAL.
std::optional<Capture> capture_of(const std::string& replay) {
  const std::string marker = "/web/";
  const std::size_t at = replay.find(marker);
  if (at == std::string::npos) {
    return std::nullopt;
  }
  const std::size_t start = at + marker.size();
  const std::size_t slash = replay.find('/', start);
  if (slash == std::string::npos || slash - start < 14) {
    return std::nullopt;
  }
  Capture c{replay.substr(start, 14), replay.substr(slash + 1)};
  return is_timestamp(c.timestamp) && !c.original.empty() ? std::optional<Capture>(std::move(c)) : std::nullopt;
}

/// The column of each CDX field named in the header row.
std::optional<std::pair<std::size_t, std::size_t>> columns(const nlohmann::json& header) {
  std::optional<std::size_t> timestamp;
  std::optional<std::size_t> original;
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i] == "timestamp") {
      timestamp = i;
    } else if (header[i] == "original") {
      original = i;
    }
  }
  if (!timestamp || !original) {
    return std::nullopt;
  }
  return std::pair{*timestamp, *original};
}

/// A string member of a JSON object, or "" (whatever else is there).
std::string text_at(const nlohmann::json& object, const char* key) {
  const auto it = object.is_object() ? object.find(key) : object.end();
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

} // namespace

http::Request capture_query(const std::string& url, const model::Date& near) {
  // `closest` is honoured only with sort=closest; a few rows are enough to
  // prefer one before the date over a nearer one after it.
  const auto query = classify::with_query(std::string(k_cdx), {{"url", url},
                                                               {"output", "json"},
                                                               {"fl", "timestamp,original,statuscode,mimetype"},
                                                               {"filter", "statuscode:200"},
                                                               {"closest", end_of_day(near)},
                                                               {"sort", "closest"},
                                                               {"limit", "5"}});
  return {query.value_or(std::string(k_cdx)), {"Accept: application/json"}, {url}, "", ""};
}

tl::expected<std::optional<Capture>, std::string> pick_capture(std::string_view body, const model::Date& near) {
  const auto json = nlohmann::json::parse(body, nullptr, false);
  if (!json.is_array()) {
    return tl::make_unexpected("the Wayback Machine's capture list is not CDX JSON");
  }
  if (json.empty()) {
    return std::optional<Capture>{};
  }
  const auto cols = json[0].is_array() ? columns(json[0]) : std::nullopt;
  if (!cols) {
    return tl::make_unexpected("the Wayback Machine's capture list names no timestamp and original fields");
  }
  const std::string limit = end_of_day(near);
  std::optional<Capture> before;
  std::optional<Capture> after;
  for (std::size_t i = 1; i < json.size(); ++i) {
    const nlohmann::json& row = json[i];
    if (!row.is_array() || row.size() <= std::max(cols->first, cols->second) || !row[cols->first].is_string() ||
        !row[cols->second].is_string()) {
      continue;
    }
    Capture c{row[cols->first].get<std::string>(), row[cols->second].get<std::string>()};
    if (!is_timestamp(c.timestamp) || c.original.empty()) {
      continue;
    }
    if (c.timestamp <= limit) {
      if (!before || c.timestamp > before->timestamp) {
        before = std::move(c);
      }
    } else if (!after || c.timestamp < after->timestamp) {
      after = std::move(c);
    }
  }
  return before ? before : after;
}

http::Request replay_request(const Capture& capture, const std::string& subject) {
  return {"https://web.archive.org/web/" + capture.timestamp + "id_/" + capture.original,
          {"Accept: text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"},
          {subject},
          "",
          ""};
}

std::string capture_url(const Capture& capture) {
  return "https://web.archive.org/web/" + capture.timestamp + "/" + capture.original;
}

http::Request recent_capture_query(const std::string& url, const std::string& since) {
  const auto query = classify::with_query(std::string(k_cdx), {{"url", url},
                                                               {"output", "json"},
                                                               {"fl", "timestamp"},
                                                               {"filter", "statuscode:200"},
                                                               {"from", since},
                                                               {"limit", "1"}});
  return {query.value_or(std::string(k_cdx)), {"Accept: application/json"}, {url}, "", ""};
}

tl::expected<bool, std::string> lists_a_capture(std::string_view body) {
  const auto json = nlohmann::json::parse(body, nullptr, false);
  if (!json.is_array()) {
    return tl::make_unexpected("the Wayback Machine's capture list is not CDX JSON");
  }
  return json.size() > 1; // the first row names the fields
}

http::Request save_request(const std::string& url, const std::string& access_key, const std::string& secret_key) {
  // Save Page Now 2: a form POST; "LOW" is the archive's scheme for S3 keys.
  http::Request request{"https://web.archive.org/save",
                        {"Accept: application/json", "Authorization: LOW " + access_key + ":" + secret_key},
                        {url},
                        "",
                        ""};
  const auto form = classify::with_query("https://web.archive.org/save", {{"url", url}});
  request.body = form ? form->substr(form->find('?') + 1) : "";
  return request;
}

tl::expected<std::string, std::string> read_save_answer(const http::Result& result) {
  if (!result) {
    const auto json = nlohmann::json::parse(result.error().body, nullptr, false);
    const std::string message = text_at(json, "message");
    return tl::make_unexpected("Save Page Now: " + result.error().detail + (message.empty() ? "" : " (" + message + ")"));
  }
  const auto json = nlohmann::json::parse(result->body, nullptr, false);
  if (!json.is_object()) {
    return tl::make_unexpected("Save Page Now answered something other than JSON");
  }
  if (const std::string job = text_at(json, "job_id"); !job.empty()) {
    return job;
  }
  const std::string message = text_at(json, "message");
  return tl::make_unexpected("Save Page Now refused: " + (message.empty() ? std::string("no reason given") : message));
}

bool is_capture(const http::Result& result) {
  return result && !http::header_value(result->headers, "memento-datetime").empty() && capture_of(result->final_url);
}

Answer read_replay(const std::string& subject, const http::Result& result) {
  Answer answer{{model::IdKind::url, subject}, std::nullopt, "", false};
  if (!result) {
    answer.problem = "no archived copy: " + result.error().detail;
    return answer;
  }
  if (!is_capture(result)) {
    answer.problem = "no archived copy: web.archive.org answered without a capture";
    return answer;
  }
  const auto capture = capture_of(result->final_url);
  // The page as it was, at its own address: relative links and the
  // page's URL are read against the original, not the archive. A capture
  // of another address (the archive replays an archived redirect) is a
  // redirect of the page: to the home page, it is no description.
  http::Response page = *result;
  page.final_url = capture->original;
  page.redirects.clear();
  page.redirect_statuses.clear();
  if (classify::identity_url(capture->original) != classify::identity_url(subject)) {
    page.redirects.push_back(subject);
  }
  Answer read = describe_page(subject, page);
  if (!read.citation) {
    answer.problem = "the archived copy of " + iso_of(capture->timestamp).substr(0, 10) + " is no description: " + read.problem;
    return answer;
  }
  model::Citation& c = *read.citation;
  for (auto& [field, source] : c.sources) {
    source = "archive";
  }
  c.archive_url = capture_url(*capture);
  c.archive_date = iso_of(capture->timestamp);
  answer.citation = std::move(c);
  return answer;
}

} // namespace refs::resolve
