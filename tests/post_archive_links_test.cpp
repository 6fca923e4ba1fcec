#include "core/post/archive_links.hpp"

#include <gtest/gtest.h>

namespace refs::post {
namespace {

TEST(ArchiveLinks, AddsTheCaptureAfterTheLinkOnceAndTouchesNothingElse) {
  const std::string capture = "https://web.archive.org/web/20231101000000/https://a.example/x";
  const std::string post = "Text[^a][^b].\r\n\r\n[^a]: See [A](<https://a.example/x> \"t (1)\") and more\r\n"
                           "    continued [again](https://a.example/x)\r\n[^b]: [B](https://b.example/y)\r\n";
  const std::string once = add_archive_links(post, {{3, "https://a.example/x", capture}});
  EXPECT_EQ(once, "Text[^a][^b].\r\n\r\n[^a]: See [A](<https://a.example/x> \"t (1)\") ([archived](" + capture +
                      ")) and more\r\n    continued [again](https://a.example/x)\r\n[^b]: [B](https://b.example/y)\r\n");
  EXPECT_EQ(add_archive_links(once, {{3, "https://a.example/x", capture}}), once);
  // The link to the URL itself, not one to a longer URL that starts with it.
  EXPECT_EQ(add_archive_links("[^c]: [Sub](https://a.example/x/y) and [A](https://a.example/x)\n", {{1, "https://a.example/x", capture}}),
            "[^c]: [Sub](https://a.example/x/y) and [A](https://a.example/x) ([archived](" + capture + "))\n");
  // A link not in its footnote, or a line past the end: nothing.
  EXPECT_EQ(add_archive_links(post, {{5, "https://a.example/x", capture}}), post);
  EXPECT_EQ(add_archive_links(post, {{40, "https://a.example/x", capture}}), post);
  // A capture whose URL has a space or an unbalanced parenthesis stays one link.
  EXPECT_EQ(add_archive_links("[^b]: [B](https://b.example/y)\n", {{1, "https://b.example/y", "https://web.archive.org/web/1/https://b.example/y)"}}),
            "[^b]: [B](https://b.example/y) ([archived](<https://web.archive.org/web/1/https://b.example/y)>))\n");
}

} // namespace
} // namespace refs::post
