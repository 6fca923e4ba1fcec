#include "core/check/page_signals.hpp"

#include <gtest/gtest.h>

namespace refs::check {
namespace {

TEST(PageSignals, TitleAndArticleMetadataFromTheStartOfAPage) {
  const PageSignals wall = page_signals("<!DOCTYPE html><HTML><Head><TITLE data-x=1>\n Just a moment&#x27;s &amp; wait </TITLE>");
  EXPECT_EQ(wall.title, "Just a moment's & wait");
  EXPECT_FALSE(wall.article_metadata);
  EXPECT_TRUE(page_signals("<title>Log in</title><meta property=\"og:title\" content=\"Story\">").article_metadata);
  EXPECT_EQ(page_signals("<title>cut before its end").title, "");
  EXPECT_EQ(page_signals("").title, "");
}

} // namespace
} // namespace refs::check
