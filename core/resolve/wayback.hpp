#pragma once

#include "core/http/request.hpp"
#include "core/http/response.hpp"
#include "core/model/date.hpp"
#include "core/resolve/resolver.hpp"

#include <optional>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

namespace refs::resolve {

/// The host of the Internet Archive's Wayback Machine: its CDX API and its
/// replays, paced by the caller (one CDX request at a time, 2 s apart).
inline constexpr std::string_view k_wayback_host = "web.archive.org";

/// One capture of a page in the Wayback Machine.
struct Capture {
  std::string timestamp; ///< 14 digits, UTC: 20231105081244
  std::string original;  ///< the URL as it was captured
};

/// The CDX query for the captures of `url` answered 200 nearest to `near`
/// (the end of that day; today when unknown), nearest first.
http::Request capture_query(const std::string& url, const model::Date& near);

/// Reads a CDX answer (JSON rows, the first naming the fields; `[]` when
/// there is none; rows may repeat) and picks the capture to replay: the
/// latest at or before the end of `near` (which must be known), else the
/// earliest after it.
/// nullopt when there is none; an error when the body is no CDX answer.
tl::expected<std::optional<Capture>, std::string> pick_capture(std::string_view body, const model::Date& near);

/// The request for a capture's original bytes (the `id_` replay: no
/// toolbar, no rewritten links), with `subject` as its subject.
http::Request replay_request(const Capture& capture, const std::string& subject);

/// The capture's address for readers: https://web.archive.org/web/TIMESTAMP/URL.
std::string capture_url(const Capture& capture);

/// The CDX query for any capture of `url` answered 200 since `since`
/// (14 digits, UTC): whether a page was archived lately.
http::Request recent_capture_query(const std::string& url, const std::string& since);

/// Whether a CDX answer lists a capture; an error when it is no CDX answer.
tl::expected<bool, std::string> lists_a_capture(std::string_view body);

/// Save Page Now's request to capture `url`, signed with the user's
/// archive.org S3 keys.
http::Request save_request(const std::string& url, const std::string& access_key, const std::string& secret_key);

/// What Save Page Now answered: its job id, or why it refused.
tl::expected<std::string, std::string> read_save_answer(const http::Result& result);

/// What a replay says about the work `subject`: the page's citation read
/// as a live page is, every field's source "archive", with the capture's
/// URL and date; or why not (no Memento-Datetime, so no capture; an
/// archived bot challenge, error page or redirect to the home page; a
/// failed request).
Answer read_replay(const std::string& subject, const http::Result& result);

/// Whether a replay is a capture at all (it carries Memento-Datetime): what
/// it says never changes then, while an error of the archive may pass.
bool is_capture(const http::Result& result);

} // namespace refs::resolve
