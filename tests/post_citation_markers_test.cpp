#include "core/post/citation_markers.hpp"

#include <gtest/gtest.h>

namespace refs::post {
namespace {

/// Each marker as "line:offset+length [b|t][f] prefix|key|locator; ..."
/// (b bracketed, t bare in text, f inside a footnote).
std::vector<std::string> markers(std::string_view text) {
  std::vector<std::string> out;
  for (const CitationMarker& m : scan_citation_markers(text, read_footnotes(text, "p.md"))) {
    std::string s = std::to_string(m.line) + ":" + std::to_string(m.offset) + "+" + std::to_string(m.length) + " " +
                    (m.bracketed ? "b" : "t") + (m.in_footnote ? "f" : "") + " ";
    for (std::size_t i = 0; i < m.items.size(); ++i) {
      const CitedItem& item = m.items[i];
      s += (i == 0 ? "" : "; ") + item.prefix + "|" + (item.suppress_author ? "-" : "") + item.key + "|" + item.locator;
    }
    out.push_back(s);
  }
  return out;
}

TEST(CitationMarkers, PandocBracketedForms) {
  EXPECT_EQ(markers("A [@peng2023yarn].\n"), std::vector<std::string>{"1:2+15 b |peng2023yarn|"});
  EXPECT_EQ(markers("[@a; @b]\n"), std::vector<std::string>{"1:0+8 b |a|; |b|"});
  EXPECT_EQ(markers("x [see @doe99, pp. 33-35; also @smith04, chap. 1]\n"),
            std::vector<std::string>{"1:2+47 b see|doe99|pp. 33-35; also|smith04|chap. 1"});
  EXPECT_EQ(markers("[-@doe99 p. 4]\n"), std::vector<std::string>{"1:0+14 b |-doe99|p. 4"});
  EXPECT_EQ(markers("[@{odd key!}]\n"), std::vector<std::string>{"1:0+13 b |odd key!|"});
  // Inner punctuation belongs to the key; trailing punctuation does not.
  EXPECT_EQ(markers("[@Peng:2023.yarn.]\n"), std::vector<std::string>{"1:0+18 b |Peng:2023.yarn|."});
  EXPECT_EQ(markers("[see [the paper] @a]\n"), std::vector<std::string>{"1:0+20 b see [the paper]|a|"});
}

TEST(CitationMarkers, WhatIsNotACitation) {
  EXPECT_EQ(markers("[@a](https://x.org) and ![@a](i.png) and [@a][ref] [^a]\n\n[^a]: x\n"), std::vector<std::string>{});
  EXPECT_EQ(markers("mail a@b.org or [write to a@b.org] or https://medium.com/@user/post\n"),
            std::vector<std::string>{});
  EXPECT_EQ(markers("`[@code]` and ``[@a]`` and <!-- [@a] --> and \\[@a] and [\\@a]\n"), std::vector<std::string>{});
  EXPECT_EQ(markers("[@a; no key here]\n[@]\n[ @ a]\n"), std::vector<std::string>{});
  EXPECT_EQ(markers("```\n[@fenced]\n```\n\n    [@indented]\n"), std::vector<std::string>{});
  EXPECT_EQ(markers("---\ntitle: [@yaml]\n---\n<!--\n[@comment]\n--> [@after]\n"),
            std::vector<std::string>{"6:43+8 b |after|"});
  // A bracket never closed on its line is text.
  EXPECT_EQ(markers("[see\n@a]\n"), std::vector<std::string>{"2:5+2 t |a|"});
}

TEST(CitationMarkers, BareKeysWithAndWithoutALocator) {
  EXPECT_EQ(markers("@doe99 says [p. 33] and (@smith04) too.\n"),
            (std::vector<std::string>{"1:0+6 t |doe99|", "1:25+8 t |smith04|"}));
  EXPECT_EQ(markers("As @doe99 [p. 33] says.\n"), std::vector<std::string>{"1:3+14 t |doe99|p. 33"});
}

TEST(CitationMarkers, MarkersInFootnotesAreMarkedSo) {
  EXPECT_EQ(markers("Text[^n].\n\n[^n]: As [@a, p. 2] shows,\n    and [@b].\n"),
            (std::vector<std::string>{"3:20+10 bf |a|p. 2", "4:46+4 bf |b|"}));
}

TEST(CitationMarkers, KeysAndColonsAsPandocReadsThem) {
  // A colon after a citation in prose is prose; only a line's start makes a link definition.
  EXPECT_EQ(markers("Two results stand out [@a]: first\n[@b]: https://x.org\n"),
            std::vector<std::string>{"1:22+4 b |a|"});
  // Keys end where letters and digits of any script end: ’ is punctuation.
  EXPECT_EQ(markers("As @smith’s study and @김민준2023 show.\n"),
            (std::vector<std::string>{"1:3+6 t |smith|", "1:24+14 t |김민준2023|"}));
  // Brackets nested past any citation are text, read once.
  EXPECT_EQ(markers(std::string(20000, '[') + " @! " + std::string(20000, ']') + "\n"), std::vector<std::string>{});
}

TEST(CitationMarkers, SpacesBeforeAreCounted) {
  const std::string text = "Word  \t[@a] and@b\n";
  const std::vector<CitationMarker> found = scan_citation_markers(text, read_footnotes(text, "p.md"));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].space_before, 3u);
  EXPECT_TRUE(found[0].after_text);
  // After a list, heading or quote marker the space is block syntax.
  for (const std::string line : {"- [@a] x\n", "  12. [@a] x\n", "## [@a]\n", "> - [@a]\n", "   [@a]\n"}) {
    const std::vector<CitationMarker> m = scan_citation_markers(line, read_footnotes(line, "p.md"));
    ASSERT_EQ(m.size(), 1u) << line;
    EXPECT_FALSE(m[0].after_text) << line;
  }
}

} // namespace
} // namespace refs::post
