#include "core/check/link_history.hpp"

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

} // namespace
} // namespace refs::check
