#include "core/check/link_history.hpp"
#include "core/check/page_signals.hpp"
#include "core/post/archive_links.hpp"

#include <gtest/gtest.h>

namespace refs::check {
namespace {

constexpr std::int64_t k_day = 24 * 60 * 60;

std::string settled(Seen now, std::int64_t at, std::vector<PastCheck> history) {
  const Settled s = settle(now, at, std::move(history));
  return std::string(to_string(s.verdict)) + " " + std::to_string(s.failing_since / k_day);
}

TEST(LinkHistory, DeadTakesTwoFailuresThreeDaysApartInARun) {
  EXPECT_EQ(settled(Seen::failed, 10 * k_day, {}), "suspect 10");
  EXPECT_EQ(settled(Seen::failed, 10 * k_day, {{8 * k_day, Seen::failed}}), "suspect 8");
  EXPECT_EQ(settled(Seen::failed, 10 * k_day, {{7 * k_day, Seen::failed}, {9 * k_day, Seen::failed}}), "dead 7");
  // Timeouts and 429s between say nothing; an answer ends the run.
  EXPECT_EQ(settled(Seen::failed, 10 * k_day, {{7 * k_day, Seen::failed}, {8 * k_day, Seen::unknown}, {9 * k_day, Seen::throttled}}),
            "dead 7");
  EXPECT_EQ(settled(Seen::failed, 10 * k_day, {{5 * k_day, Seen::failed}, {8 * k_day, Seen::ok}}), "suspect 10");
  EXPECT_EQ(settled(Seen::failed, 10 * k_day, {{5 * k_day, Seen::failed}, {8 * k_day, Seen::blocked}}), "suspect 10");
  // Any order in; a check from a clock set later is not an earlier one.
  EXPECT_EQ(settled(Seen::failed, 10 * k_day, {{12 * k_day, Seen::ok}, {6 * k_day, Seen::failed}}), "dead 6");
  EXPECT_EQ(settled(Seen::ok, 10 * k_day, {{1 * k_day, Seen::failed}}), "ok 0");
  EXPECT_EQ(settled(Seen::soft_404, 10 * k_day, {{1 * k_day, Seen::failed}}), "soft-404 0");
}

TEST(PageSignals, TitleAndArticleMetadataFromTheStartOfAPage) {
  const PageSignals wall = page_signals("<!DOCTYPE html><HTML><Head><TITLE data-x=1>\n Just a moment&#x27;s &amp; wait </TITLE>");
  EXPECT_EQ(wall.title, "Just a moment's & wait");
  EXPECT_FALSE(wall.article_metadata);
  EXPECT_TRUE(page_signals("<title>Log in</title><meta property=\"og:title\" content=\"Story\">").article_metadata);
  EXPECT_EQ(page_signals("<title>cut before its end").title, "");
  EXPECT_EQ(page_signals("").title, "");
}

TEST(ArchiveLinks, AddsTheCaptureAfterTheLinkOnceAndTouchesNothingElse) {
  const std::string capture = "https://web.archive.org/web/20231101000000/https://a.example/x";
  const std::string post = "Text[^a][^b].\r\n\r\n[^a]: See [A](<https://a.example/x> \"t (1)\") and more\r\n"
                           "    continued [again](https://a.example/x)\r\n[^b]: [B](https://b.example/y)\r\n";
  const std::string once = post::add_archive_links(post, {{3, "https://a.example/x", capture}});
  EXPECT_EQ(once, "Text[^a][^b].\r\n\r\n[^a]: See [A](<https://a.example/x> \"t (1)\") ([archived](" + capture +
                      ")) and more\r\n    continued [again](https://a.example/x)\r\n[^b]: [B](https://b.example/y)\r\n");
  EXPECT_EQ(post::add_archive_links(once, {{3, "https://a.example/x", capture}}), once);
  // A link not in its footnote, or a line past the end: nothing.
  EXPECT_EQ(post::add_archive_links(post, {{5, "https://a.example/x", capture}}), post);
  EXPECT_EQ(post::add_archive_links(post, {{40, "https://a.example/x", capture}}), post);
  // A capture whose URL has a space or an unbalanced parenthesis stays one link.
  EXPECT_EQ(post::add_archive_links("[^b]: [B](https://b.example/y)\n", {{1, "https://b.example/y", "https://web.archive.org/web/1/https://b.example/y)"}}),
            "[^b]: [B](https://b.example/y) ([archived](<https://web.archive.org/web/1/https://b.example/y)>))\n");
}

} // namespace
} // namespace refs::check
