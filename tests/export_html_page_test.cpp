#include "core/export/html_page.hpp"
#include "core/export/html_text.hpp"

#include <gtest/gtest.h>

namespace refs::exporting {
namespace {

TEST(HtmlText, EscapesMarkupQuotesAndDropsControlCharacters) {
  EXPECT_EQ(escape_html("<script>alert('x')</script> & \"q\"\x01\x7f\tend"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;\tend");
  EXPECT_EQ(escape_html("한국어 Müller"), "한국어 Müller");
}

TEST(HtmlText, LinksOnlyWebUrls) {
  EXPECT_TRUE(safe_link("https://arxiv.org/abs/2309.00071"));
  EXPECT_TRUE(safe_link("HTTP://example.com"));
  EXPECT_TRUE(safe_link("ftp://ftp.example.org/a.pdf"));
  EXPECT_FALSE(safe_link("javascript:alert(1)"));
  EXPECT_FALSE(safe_link("JavaScript://%0aalert(1)"));
  EXPECT_FALSE(safe_link("data:text/html,<script>x</script>"));
  EXPECT_FALSE(safe_link("https://a.com/x y"));
  EXPECT_FALSE(safe_link(""));
  EXPECT_EQ(html_link("https://e.com/?a=1&b=\"2\"", "<em>t</em>"),
            "<a href=\"https://e.com/?a=1&amp;b=&quot;2&quot;\"><em>t</em></a>");
  EXPECT_EQ(html_link("javascript:alert(1)", "t"), "t");
}

TEST(HtmlPage, ReferenceInRefsFullShape) {
  model::Citation paper;
  paper.title = "YaRN: <Efficient> Context";
  paper.authors = {{"Peng", "Bowen", ""}, {"Quesnelle", "Jeffrey", ""}};
  paper.url = "https://arxiv.org/abs/2309.00071";
  paper.publisher = "arXiv";
  paper.issued = {2023, 9, 0};
  paper.ids = {{model::IdKind::arxiv, "2309.00071"}};
  paper.archive_url = "https://web.archive.org/web/2023/https://arxiv.org/abs/2309.00071";
  EXPECT_EQ(html_reference(paper),
            "<p>Bowen Peng, Jeffrey Quesnelle. <cite><a href=\"https://arxiv.org/abs/2309.00071\">YaRN: "
            "&lt;Efficient&gt; Context</a></cite>. arXiv, 2023-09. arXiv:2309.00071. <a "
            "href=\"https://web.archive.org/web/2023/https://arxiv.org/abs/2309.00071\">archived</a>.</p>");
  model::Citation hostile;
  hostile.title = "Click";
  hostile.url = "javascript:alert(1)";
  EXPECT_EQ(html_reference(hostile), "<p><cite>Click</cite>.</p>");
}

TEST(HtmlPage, EntryHoldsAnchorLinksPostsAndBibtex) {
  const HtmlEntry entry{"peng2023yarn",
                        true,
                        "<p>R</p>",
                        "https://arxiv.org/abs/2309.00071",
                        "",
                        "@article{peng2023yarn,\n  title = {A <b>}\n}\n",
                        {{"AI trends & news", "refs-post-1"}, {"other.md", ""}}};
  EXPECT_EQ(html_entry(entry),
            "<li class=\"refs-entry\" id=\"peng2023yarn\">\n"
            "<div class=\"refs-ref\"><p>R</p></div>\n"
            "<p class=\"refs-links\"><a class=\"refs-key\" href=\"#peng2023yarn\">peng2023yarn</a> · "
            "<a href=\"https://arxiv.org/abs/2309.00071\">link</a> · <span class=\"refs-posts\">cited in <a "
            "href=\"#refs-post-1\">AI trends &amp; news</a>, other.md</span> <a class=\"refs-copy\" role=\"button\" href=\"#peng2023yarn\">Copy "
            "BibTeX</a></p>\n"
            "<pre class=\"refs-bibtex\">@article{peng2023yarn,\n  title = {A &lt;b&gt;}\n}\n</pre>\n</li>\n");
  HtmlEntry again = entry;
  again.anchored = false;
  EXPECT_TRUE(html_entry(again).starts_with("<li class=\"refs-entry\">\n"));
}

TEST(HtmlPage, FragmentHasNoDocumentAndHeadingsOneLevelDown) {
  const HtmlPage page{"Sources <&>", "2 works", true, "refs 1"};
  const std::string start = html_page_start(page);
  EXPECT_TRUE(start.starts_with("<div class=\"refs-bibliography\">\n<link rel=\"stylesheet\" "
                                "href=\"data:text/css,.refs-bibliography%7Bmax-width%3A50rem%3B"));
  EXPECT_NE(start.find("<h2>Sources &lt;&amp;&gt;</h2>"), std::string::npos);
  EXPECT_EQ(html_group_start(page, "refs-year-2023", "2023", "2 works"),
            "<section class=\"refs-group\" id=\"refs-year-2023\">\n<h3>2023 <span class=\"refs-n\">2 works</span></h3>\n"
            "<ol class=\"refs-list\">\n");
  EXPECT_TRUE(html_page_end(page).ends_with("</script>\n</div>\n"));
  const HtmlPage whole{"Sources", "2 works", false, "refs 1"};
  EXPECT_TRUE(html_page_start(whole).starts_with("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"));
  EXPECT_TRUE(html_page_end(whole).ends_with("</div>\n</body>\n</html>\n"));
  EXPECT_EQ(html_id("a key\twith spaces"), "a_key_with_spaces");
}

} // namespace
} // namespace refs::exporting
