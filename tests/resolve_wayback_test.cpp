#include "core/resolve/wayback.hpp"

#include <gtest/gtest.h>

namespace refs::resolve {
namespace {

const std::string k_header = "[[\"timestamp\",\"original\",\"statuscode\",\"mimetype\"]";

std::string picked(const std::string& body, model::Date near) {
  const auto capture = pick_capture(body, near);
  if (!capture) {
    return "error: " + capture.error();
  }
  return *capture ? (*capture)->timestamp + " " + (*capture)->original : "none";
}

TEST(Wayback, PicksTheLatestCaptureByThePostsDayElseTheEarliestAfter) {
  const std::string rows = k_header + ",[\"20231125000000\",\"https://a.example/x\",\"200\",\"text/html\"]"
                                      ",[\"20231120235959\",\"https://a.example/x\",\"200\",\"text/html\"]"
                                      ",[\"20231101000000\",\"https://a.example/x\",\"200\",\"text/html\"]]";
  EXPECT_EQ(picked(rows, {2023, 11, 20}), "20231120235959 https://a.example/x"); // the same day counts as before
  EXPECT_EQ(picked(rows, {2023, 11, 19}), "20231101000000 https://a.example/x");
  EXPECT_EQ(picked(rows, {2023, 10, 1}), "20231101000000 https://a.example/x");
  EXPECT_EQ(picked(rows, {2024, 1, 1}), "20231125000000 https://a.example/x");
}

TEST(Wayback, EmptyRepeatedAndBrokenAnswers) {
  EXPECT_EQ(picked("[]", {2023, 11, 20}), "none");
  EXPECT_EQ(picked(k_header + "]", {2023, 11, 20}), "none");
  EXPECT_EQ(picked(k_header + ",[\"20231101000000\",\"https://a.example/x\",\"200\",\"text/html\"]"
                              ",[\"20231101000000\",\"https://a.example/x\",\"200\",\"text/html\"]]",
                   {2023, 11, 20}),
            "20231101000000 https://a.example/x");
  // Rows too short, timestamps not 14 digits: skipped, not fatal.
  EXPECT_EQ(picked(k_header + ",[\"2023\"],[\"2023110100\",\"https://a.example/x\",\"200\",\"text/html\"]]", {2023, 11, 20}), "none");
  EXPECT_EQ(picked("<html>Wayback Machine is down</html>", {2023, 11, 20}),
            "error: the Wayback Machine's capture list is not CDX JSON");
  EXPECT_EQ(picked("[[\"urlkey\"],[\"com,example)/\"]]", {2023, 11, 20}),
            "error: the Wayback Machine's capture list names no timestamp and original fields");
}

TEST(Wayback, RequestsForAListAReplayAndASave) {
  const http::Request list = capture_query("https://a.example/x?y=1&z=2", {2023, 11, 20});
  EXPECT_EQ(list.url, "https://web.archive.org/cdx/search/cdx?url=https%3a%2f%2fa.example%2fx%3fy%3d1%26z%3d2&output=json"
                      "&fl=timestamp%2coriginal%2cstatuscode%2cmimetype&filter=statuscode%3a200&closest=20231120235959"
                      "&sort=closest&limit=5");
  EXPECT_EQ(list.subjects, std::vector<std::string>{"https://a.example/x?y=1&z=2"});
  const Capture capture{"20231101000000", "https://a.example/x?y=1&z=2"};
  EXPECT_EQ(replay_request(capture, "s").url, "https://web.archive.org/web/20231101000000id_/https://a.example/x?y=1&z=2");
  EXPECT_EQ(capture_url(capture), "https://web.archive.org/web/20231101000000/https://a.example/x?y=1&z=2");
  const http::Request save = save_request("https://a.example/x", "K", "S");
  EXPECT_EQ(save.body, "url=https%3a%2f%2fa.example%2fx");
  EXPECT_EQ(save.headers, (std::vector<std::string>{"Accept: application/json", "Authorization: LOW K:S"}));
}

TEST(Wayback, APartlyKnownDateEndsWithItsMonthOrYear) {
  const auto closest = [](model::Date near) {
    const std::string url = capture_query("https://a.example/x", near).url;
    const std::size_t at = url.find("closest=") + 8;
    return url.substr(at, 14);
  };
  EXPECT_EQ(closest({2023, 11, 0}), "20231130235959");
  EXPECT_EQ(closest({2024, 2, 0}), "20240229235959");
  EXPECT_EQ(closest({2023, 2, 0}), "20230228235959");
  EXPECT_EQ(closest({2024, 0, 0}), "20241231235959");
}

TEST(Wayback, ACaptureOfARedirectToTheHomePageIsNoDescription) {
  http::Response r;
  r.status = 200;
  r.body = "<html><head><title>Example News</title><meta property=\"og:title\" content=\"Example News\"></head></html>";
  r.content_type = "text/html";
  r.final_url = "https://web.archive.org/web/20231101000000id_/https://a.example/";
  r.headers = {{"memento-datetime", "Wed, 01 Nov 2023 00:00:00 GMT"}};
  EXPECT_EQ(read_replay("https://a.example/2023/story", r).problem,
            "the archived copy of 2023-11-01 is no description: redirected to the site's home page (https://a.example/)");
}

TEST(Wayback, AReplayWithoutMementoDatetimeIsNoCapture) {
  http::Response r;
  r.status = 200;
  r.body = "<html><head><title>Story</title><meta property=\"og:title\" content=\"Story\"></head></html>";
  r.content_type = "text/html";
  r.final_url = "https://web.archive.org/web/20231101000000id_/https://a.example/x";
  EXPECT_EQ(read_replay("https://a.example/x", r).problem, "no archived copy: web.archive.org answered without a capture");
  r.headers = {{"memento-datetime", "Wed, 01 Nov 2023 00:00:00 GMT"}};
  const Answer answer = read_replay("https://a.example/x", r);
  ASSERT_TRUE(answer.citation) << answer.problem;
  EXPECT_EQ(answer.citation->title, "Story");
  EXPECT_EQ(answer.citation->sources.at("title"), "archive");
  EXPECT_EQ(answer.citation->archive_url, "https://web.archive.org/web/20231101000000/https://a.example/x");
  EXPECT_EQ(answer.citation->archive_date, "2023-11-01T00:00:00Z");
}

} // namespace
} // namespace refs::resolve
