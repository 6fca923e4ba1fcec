#include "core/http/host_policy.hpp"
#include "core/http/retry_policy.hpp"
#include "core/http/scheduler.hpp"
#include "tests/support/fixture_server.hpp"

#include <gtest/gtest.h>

namespace refs::http {
namespace {

using namespace std::chrono_literals;
using testing::FixtureServer;
using testing::Reply;

class Scheduling : public ::testing::Test {
protected:
  HttpOptions options() const {
    HttpOptions o;
    o.connect_to = {m_server.connect_to()};
    o.cacert = m_server.cacert();
    o.user_agent = "refs-test/1";
    o.backoff = 20ms;
    o.timeout = 5000ms;
    return o;
  }

  std::vector<Result> run(const std::vector<Request>& requests, HttpOptions o) {
    return Scheduler(std::move(o)).run(requests);
  }
  std::vector<Result> run(const std::vector<Request>& requests) { return run(requests, options()); }

  FixtureServer m_server;
};

Request get(const std::string& url) { return Request{url, {}, {}, "", ""}; }

TEST_F(Scheduling, FetchesOverRealTlsThroughConnectTo) {
  m_server.on("example.com", "/a", Reply{200, "hello", "text/plain", {{"ETag", "\"v1\""}}, 0});
  const auto results = run({get("https://example.com/a")});
  ASSERT_TRUE(results[0]) << results[0].error().detail;
  EXPECT_EQ(results[0]->status, 200);
  EXPECT_EQ(results[0]->body, "hello");
  EXPECT_EQ(results[0]->content_type, "text/plain");
  EXPECT_EQ(results[0]->etag, "\"v1\"");
  EXPECT_EQ(m_server.log().at(0).user_agent, "refs-test/1");
}

TEST_F(Scheduling, AtMostTwoAtOncePerHostAndJobsInAll) {
  for (const char* host : {"a.example.com", "b.example.com"}) {
    m_server.on(host, "/slow", Reply{200, "ok", "text/plain", {}, 300});
  }
  std::vector<Request> requests;
  for (int i = 0; i < 5; ++i) {
    requests.push_back(get("https://a.example.com/slow?i=" + std::to_string(i)));
    requests.push_back(get("https://b.example.com/slow?i=" + std::to_string(i)));
  }
  HttpOptions o = options();
  o.jobs = 3;
  const auto results = run(requests, o);
  EXPECT_TRUE(std::all_of(results.begin(), results.end(), [](const Result& r) { return r.has_value(); }));
  EXPECT_EQ(m_server.max_concurrent("a.example.com"), 2);
  EXPECT_EQ(m_server.max_concurrent("b.example.com"), 2);
  EXPECT_EQ(m_server.max_concurrent(""), 3);
}

TEST_F(Scheduling, HostSpacingAndOneAtATime) {
  m_server.on("export.arxiv.org", "/api/query", Reply{200, "<feed/>", "application/atom+xml", {}, 0});
  HttpOptions o = options();
  o.host_rules["export.arxiv.org"] = HostRule{1, 400ms};
  run({get("https://export.arxiv.org/api/query?a"), get("https://export.arxiv.org/api/query?b"),
       get("https://export.arxiv.org/api/query?c")},
      o);
  const auto log = m_server.log();
  ASSERT_EQ(log.size(), 3u);
  EXPECT_GE(log[1].start - log[0].start, 400ms);
  EXPECT_GE(log[2].start - log[1].start, 400ms);
  EXPECT_EQ(m_server.max_concurrent("export.arxiv.org"), 1);
}

TEST_F(Scheduling, RetriesA429AfterRetryAfter) {
  m_server.on("example.com", "/busy",
              std::vector<Reply>{Reply{429, "slow down", "text/plain", {{"Retry-After", "1"}}, 0},
                                 Reply{200, "fine", "text/plain", {}, 0}});
  const auto results = run({get("https://example.com/busy")});
  ASSERT_TRUE(results[0]);
  EXPECT_EQ(results[0]->body, "fine");
  EXPECT_EQ(results[0]->tries, 2);
  const auto log = m_server.log();
  ASSERT_EQ(log.size(), 2u);
  EXPECT_GE(log[1].start - log[0].end, 900ms);
}

TEST_F(Scheduling, EachRedirectHopGetsItsOwnTries) {
  m_server.on("doi.org", "/10.1/x", Reply{302, "", "text/plain", {{"Location", "https://api.crossref.org/x"}}, 0});
  m_server.on("api.crossref.org", "/x",
              std::vector<Reply>{Reply{429, "", "text/plain", {}, 0}, Reply{429, "", "text/plain", {}, 0},
                                 Reply{200, "{}", "application/json", {}, 0}});
  const auto results = run({get("https://doi.org/10.1/x")});
  ASSERT_TRUE(results[0]) << results[0].error().detail;
  EXPECT_EQ(results[0]->tries, 4);
}

TEST_F(Scheduling, GivesUpAfterThreeTries) {
  m_server.on("example.com", "/down", Reply{503, "down", "text/plain", {}, 0});
  const auto results = run({get("https://example.com/down")});
  ASSERT_FALSE(results[0]);
  EXPECT_EQ(results[0].error().kind, Failure::Kind::http_status);
  EXPECT_EQ(results[0].error().detail, "HTTP 503");
  EXPECT_EQ(results[0].error().tries, 3);
  EXPECT_EQ(m_server.log().size(), 3u);
}

TEST_F(Scheduling, FollowsRedirectChainsWithRelativeLocations) {
  m_server.on("example.com", "/old", Reply{301, "", "text/plain", {{"Location", "/newer"}}, 0});
  m_server.on("example.com", "/newer", Reply{302, "", "text/plain", {{"Location", "https://www.example.com/final"}}, 0});
  m_server.on("www.example.com", "/final", Reply{200, "here", "text/html", {}, 0});
  const auto results = run({get("https://example.com/old")});
  ASSERT_TRUE(results[0]) << results[0].error().detail;
  EXPECT_EQ(results[0]->final_url, "https://www.example.com/final");
  EXPECT_EQ(results[0]->redirects, (std::vector<std::string>{"https://example.com/old", "https://example.com/newer"}));
}

TEST_F(Scheduling, RefusesBadRedirectsAndLoops) {
  m_server.on("example.com", "/file", Reply{302, "", "text/plain", {{"Location", "file:///etc/passwd"}}, 0});
  m_server.on("example.com", "/loop", Reply{302, "", "text/plain", {{"Location", "/loop"}}, 0});
  m_server.on("example.com", "/inside", Reply{302, "", "text/plain", {{"Location", "https://127.0.0.1/admin"}}, 0});
  const auto results = run({get("https://example.com/file"), get("https://example.com/loop"), get("https://example.com/inside")});
  EXPECT_EQ(results[0].error().detail, "not an http(s) URL: file:///etc/passwd");
  EXPECT_EQ(results[1].error().detail, "more than 5 redirects");
  EXPECT_EQ(results[2].error().kind, Failure::Kind::refused);
  EXPECT_EQ(results[2].error().detail, "refused: 127.0.0.1 is a private or loopback host (--allow-private)");
}

// Two timeouts in a row give a host up: the first request is tried twice
// (a timeout is worth another try) and the host is down after its second
// timeout, so the other two are never sent.
TEST_F(Scheduling, TimeoutsAndAHostThatStaysDown) {
  m_server.on("slow.example.com", "/x", Reply{200, "late", "text/plain", {}, 1500});
  HttpOptions o = options();
  o.timeout = 300ms;
  // One request at a time, and the retry due at once: ?1's second try goes
  // before ?2, so which requests are sent does not depend on timing.
  o.backoff = 0ms;
  o.host_rules["slow.example.com"] = HostRule{1, 0ms};
  const auto results = run({get("https://slow.example.com/x?1"), get("https://slow.example.com/x?2"),
                            get("https://slow.example.com/x?3")},
                           o);
  ASSERT_TRUE(m_server.wait_idle());
  EXPECT_EQ(m_server.arrivals(), (std::vector<std::string>{"/x?1", "/x?1"}));
  EXPECT_EQ(m_server.log().size(), 2u);
  ASSERT_FALSE(results[0]);
  EXPECT_EQ(results[0].error().kind, Failure::Kind::timeout);
  EXPECT_EQ(results[0].error().tries, 2);
  for (std::size_t i = 1; i < results.size(); ++i) {
    ASSERT_FALSE(results[i]);
    EXPECT_EQ(results[i].error().kind, Failure::Kind::host_down) << i;
    EXPECT_EQ(results[i].error().detail, "slow.example.com did not answer earlier in this run") << i;
  }
}

TEST_F(Scheduling, BodyCapStopsLargeBodiesButKeepsAnHtmlHead) {
  m_server.on("example.com", "/big.bin", Reply{200, std::string(300000, 'x'), "application/octet-stream", {}, 0});
  m_server.on("example.com", "/big.html", Reply{200, "<head><title>T</title></head>" + std::string(300000, ' '), "text/html", {}, 0});
  HttpOptions o = options();
  o.max_body = 100000;
  const auto results = run({get("https://example.com/big.bin"), get("https://example.com/big.html")}, o);
  ASSERT_FALSE(results[0]);
  EXPECT_EQ(results[0].error().kind, Failure::Kind::too_large);
  ASSERT_TRUE(results[1]);
  EXPECT_TRUE(results[1]->truncated);
  EXPECT_EQ(results[1]->body.size(), 100000u);
}

TEST_F(Scheduling, UntrustedCertificateIsATlsFailure) {
  m_server.on("example.com", "/a", Reply{200, "hello", "text/plain", {}, 0});
  HttpOptions o = options();
  o.cacert = "/dev/null";
  const auto results = run({get("https://example.com/a")}, o);
  ASSERT_FALSE(results[0]);
  EXPECT_EQ(results[0].error().kind, Failure::Kind::tls);
}

TEST(HostPolicy, PrivateHosts) {
  for (const char* host : {"localhost", "db.localhost", "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1",
                           "169.254.169.254", "0.0.0.0", "[::1]", "::", "fe80::1", "fd00::1", "::ffff:192.168.0.1"}) {
    EXPECT_TRUE(is_private_host(host)) << host;
  }
  EXPECT_TRUE(is_private_host("localhost."));
  EXPECT_TRUE(is_private_host("127.0.0.1."));
  EXPECT_TRUE(is_private_host("LocalHost"));
  for (const char* host : {"example.com", "8.8.8.8", "172.32.0.1", "2001:db8::1", "localhost.example.com"}) {
    EXPECT_FALSE(is_private_host(host)) << host;
  }
}

TEST(RetryPolicy, RetryAfterAndBackoff) {
  const auto now = std::chrono::system_clock::from_time_t(1764201600);
  EXPECT_EQ(parse_retry_after("120", now), std::chrono::milliseconds(120000));
  EXPECT_EQ(parse_retry_after("Thu, 27 Nov 2025 00:00:30 GMT", now), std::chrono::milliseconds(30000));
  EXPECT_EQ(parse_retry_after("soon", now), std::nullopt);
  EXPECT_EQ(backoff_delay(1000ms, 1, 0.0), 1000ms);
  EXPECT_EQ(backoff_delay(1000ms, 3, 0.0), 4000ms);
  EXPECT_EQ(backoff_delay(1000ms, 2, 1.0), 3000ms);
}

} // namespace
} // namespace refs::http
