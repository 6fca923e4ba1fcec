#include "core/post/footnote_reader.hpp"

#include <gtest/gtest.h>

namespace refs::post {
namespace {

using model::Diagnostic;
using model::Severity;

PostScan scan(std::string_view text) { return read_footnotes(text, "post.md"); }

std::vector<std::string> urls(const PostScan& s) {
  std::vector<std::string> out;
  for (const auto& fn : s.footnotes) {
    for (const auto& link : fn.links) {
      out.push_back(fn.label + " " + link.url);
    }
  }
  return out;
}

TEST(FootnoteReader, InlineLinkWithTextAndLine) {
  const PostScan s = scan("Text.[^a]\n\n[^a]: [YaRN: Efficient](https://arxiv.org/abs/2309.00071)\n");
  ASSERT_EQ(s.footnotes.size(), 1u);
  const auto& fn = s.footnotes[0];
  EXPECT_EQ(fn.label, "a");
  EXPECT_EQ(fn.line, 3);
  EXPECT_TRUE(fn.referenced);
  ASSERT_EQ(fn.links.size(), 1u);
  EXPECT_EQ(fn.links[0].text, "YaRN: Efficient");
  EXPECT_EQ(fn.links[0].url, "https://arxiv.org/abs/2309.00071");
  EXPECT_EQ(fn.links[0].line, 3);
  EXPECT_TRUE(s.diagnostics.empty());
}

TEST(FootnoteReader, LinkTitleAngleDestinationAutolinkAndBareUrl) {
  const PostScan s = scan("x[^t][^s][^u][^b]\n"
                          "[^t]: [T](https://e.com/a \"The title\")\n"
                          "[^s]: [S](<https://e.com/a file.pdf>)\n"
                          "[^u]: See <https://e.com/auto>.\n"
                          "[^b]: Reuters, Cruise halted, https://www.reuters.com/x-2023-10-24.\n");
  EXPECT_EQ(urls(s), (std::vector<std::string>{"t https://e.com/a", "s https://e.com/a file.pdf",
                                               "u https://e.com/auto", "b https://www.reuters.com/x-2023-10-24"}));
  EXPECT_EQ(s.footnotes[0].links[0].title, "The title");
  EXPECT_EQ(s.footnotes[2].links[0].text, "See");
}

TEST(FootnoteReader, ParenthesesAndEscapedBracketsComeOutWhole) {
  const PostScan s = scan("x[^w][^e]\n"
                          "[^w]: [Rust](https://en.wikipedia.org/wiki/Rust_(programming_language))\n"
                          "[^e]: [The \\[draft\\] spec](https://e.com/spec) and https://en.wikipedia.org/wiki/C_(language).\n");
  EXPECT_EQ(urls(s), (std::vector<std::string>{"w https://en.wikipedia.org/wiki/Rust_(programming_language)",
                                               "e https://e.com/spec",
                                               "e https://en.wikipedia.org/wiki/C_(language)"}));
  EXPECT_EQ(s.footnotes[1].links[0].text, "The [draft] spec");
}

TEST(FootnoteReader, ReferenceStyleLinksUseTheirDefinitions) {
  const PostScan s = scan("x[^r][^c][^s]\n"
                          "[^r]: [Paper][p1]\n"
                          "[^c]: [Blog][]\n"
                          "[^s]: [Site]\n"
                          "[p1]: https://arxiv.org/abs/2310.12941 \"FMTI\"\n"
                          "[blog]: <https://blog.example.com/post>\n"
                          "[SITE]: https://site.example.org\n");
  EXPECT_EQ(urls(s), (std::vector<std::string>{"r https://arxiv.org/abs/2310.12941",
                                               "c https://blog.example.com/post",
                                               "s https://site.example.org"}));
  EXPECT_EQ(s.footnotes[0].links[0].title, "FMTI");
  EXPECT_EQ(s.footnotes[0].links[0].text, "Paper");
}

TEST(FootnoteReader, SeveralLinksKeepTheirOrder) {
  const auto refs = to_references(
      scan("x[^m]\n[^m]: [First](https://a.com/1) and [Second](https://b.com/2)\n").footnotes);
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(refs[0].link_index, 0);
  EXPECT_EQ(refs[0].text, "First");
  EXPECT_EQ(refs[1].link_index, 1);
  EXPECT_EQ(refs[1].url, "https://b.com/2");
}

TEST(FootnoteReader, IndentedAndLazyContinuationLines) {
  const PostScan s = scan("x[^long][^lazy]\n\n"
                          "[^long]: The first paragraph.\n\n"
                          "    A second paragraph with [a link](https://e.com/second).\n\n"
                          "[^lazy]: A line that goes on\n"
                          "[to a link](https://e.com/lazy)\n\n"
                          "After.\n"
                          "[not part](https://e.com/after)\n");
  EXPECT_EQ(urls(s), (std::vector<std::string>{"long https://e.com/second", "lazy https://e.com/lazy"}));
  EXPECT_EQ(s.footnotes[0].links[0].line, 5);
  EXPECT_EQ(s.footnotes[1].links[0].line, 8);
}

TEST(FootnoteReader, UnreferencedDuplicateAndUndefinedAreReported) {
  const PostScan s = scan("Uses [^a] and [^missing].\n\n"
                          "[^a]: [One](https://e.com/1)\n"
                          "[^a]: [Two](https://e.com/2)\n"
                          "[^lonely]: [Three](https://e.com/3)\n");
  ASSERT_EQ(s.footnotes.size(), 3u);
  EXPECT_FALSE(s.footnotes[2].referenced);
  EXPECT_EQ(s.diagnostics,
            (std::vector<Diagnostic>{
                {Severity::warning, "post.md:4", "duplicate footnote label [^a] (first defined at line 3)"},
                {Severity::warning, "post.md:5", "footnote [^lonely] is defined but never referenced"},
                {Severity::warning, "post.md:1", "footnote reference [^missing] has no definition"}}));
}

TEST(FootnoteReader, CodeFrontMatterAndCommentsHideFootnotes) {
  const PostScan s = scan("---\n"
                          "title: x\n"
                          "note: \"[^fm]: https://front.example\"\n"
                          "---\n"
                          "Real[^real] and `[^span]: https://span.example`.\n\n"
                          "````markdown\n"
                          "[^fence]: https://fence.example\n"
                          "```\n"
                          "[^still]: https://still-in-fence.example\n"
                          "````\n\n"
                          "~~~\n"
                          "[^tilde]: https://tilde.example\n"
                          "~~~\n\n"
                          "    [^indented]: https://indented.example\n\n"
                          "<!--\n"
                          "[^comment]: https://comment.example\n"
                          "-->\n"
                          "<!-- [^one]: https://one-line-comment.example -->\n"
                          "[^real]: [Real](https://real.example) `[x](https://code.example)`\n");
  EXPECT_EQ(urls(s), (std::vector<std::string>{"real https://real.example"}));
  EXPECT_TRUE(s.diagnostics.empty());
}

TEST(FootnoteReader, CrlfBomAndNonAsciiLabels) {
  const PostScan s = scan("\xEF\xBB\xBF"
                          "본문[^참고-1]\r\n\r\n"
                          "[^참고-1]: [논문 제목](https://arxiv.org/abs/2309.00071)\r\n");
  ASSERT_EQ(s.footnotes.size(), 1u);
  EXPECT_EQ(s.footnotes[0].label, "참고-1");
  EXPECT_EQ(s.footnotes[0].line, 3);
  EXPECT_TRUE(s.footnotes[0].referenced);
  EXPECT_EQ(s.footnotes[0].links[0].text, "논문 제목");
  EXPECT_EQ(s.footnotes[0].links[0].url, "https://arxiv.org/abs/2309.00071");
}

TEST(FootnoteReader, FootnoteWithoutUrlIsANote) {
  const auto refs = to_references(scan("x[^n]\n\n[^n]: Personal conversation with *the* author, 2023.\n").footnotes);
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].url, "");
  EXPECT_EQ(refs[0].text, "Personal conversation with the author, 2023.");
  EXPECT_EQ(refs[0].line, 3);
}

TEST(FootnoteReader, BareUrlTakesTheFootnoteTextAsTitle) {
  const auto refs = to_references(
      scan("x[^b]\n[^b]: Reuters, California halts Cruise: https://www.reuters.com/a\n").footnotes);
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].text, "Reuters, California halts Cruise");
  EXPECT_EQ(refs[0].url, "https://www.reuters.com/a");
}

TEST(FootnoteReader, ImagesAreNotCitations) {
  const PostScan s = scan("x[^i]\n[^i]: ![chart](https://img.example/c.png) [Source](https://src.example)\n");
  EXPECT_EQ(urls(s), (std::vector<std::string>{"i https://src.example"}));
}

TEST(FootnoteReader, EmphasisAndEntitiesAreRemovedFromLinkText) {
  const PostScan s = scan("x[^e]\n[^e]: [**Bold** _and_ snake_case &amp; `code`](https://e.com)\n");
  EXPECT_EQ(s.footnotes[0].links[0].text, "Bold and snake_case & code");
}

TEST(FootnoteReader, CommentMarkersInCodeDoNotHideThePost) {
  const PostScan s = scan("Write `<!--` to open a comment.[^a]\n\n"
                          "    <!-- in indented code\n\n"
                          "[^a]: [A](https://a.example)\n");
  EXPECT_EQ(urls(s), (std::vector<std::string>{"a https://a.example"}));
}

TEST(FootnoteReader, UnclosedFenceEndsWithItsFootnote) {
  const PostScan s = scan("x[^a][^b]\n\n"
                          "[^a]: Code:\n\n"
                          "    ```\n"
                          "    [not](https://code.example)\n\n"
                          "[^b]: [B](https://b.example)\n");
  EXPECT_EQ(urls(s), (std::vector<std::string>{"b https://b.example"}));
}

TEST(FootnoteReader, BareUrlTitleKeepsTheUrlOut) {
  const auto refs = to_references(
      scan("x[^t]\n[^t]: https://www.cs.example.edu/~bob/_draft/p.html Some *talk*\n").footnotes);
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].url, "https://www.cs.example.edu/~bob/_draft/p.html");
  EXPECT_EQ(refs[0].text, "Some talk");
}

TEST(FootnoteReader, UndefinedReferenceKeepsItsSpelling) {
  EXPECT_EQ(scan("Uses [^Ref-One].\n").diagnostics,
            (std::vector<Diagnostic>{{Severity::warning, "post.md:1", "footnote reference [^Ref-One] has no definition"}}));
}

TEST(FootnoteReader, EmptyPostHasNothing) {
  const PostScan s = scan("");
  EXPECT_TRUE(s.footnotes.empty());
  EXPECT_TRUE(s.diagnostics.empty());
}

} // namespace
} // namespace refs::post
