// End-to-end: `refs export --html` through the built binary. The page is
// checked by what reads it: HTML Tidy (no error and no warning), pandoc's
// own HTML of the same works for --csl, and headless Chromium driven by
// tests/browser/page_check.py (loads without console errors, filters as one
// types, an anchor lands on its entry, the copy button copies the entry's
// BibTeX, everything is listed without JavaScript; a screenshot is saved in
// the build folder).
#include "tests/support/refs_runner.hpp"
#include "tests/support/temp_dir.hpp"

#include <regex>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace refs::testing {
namespace {

namespace fs = std::filesystem;

const std::string k_styles = "/usr/share/citation-style-language/styles";

/// A .bib entry whose fields try to become markup and a link that runs.
constexpr const char* k_hostile_bib = R"(@misc{hostile2024,
  title = {A <script>alert("x")</script> & <b>bold</b> title},
  author = {O'Neil, <img src=x onerror=alert(1)>},
  url = {javascript:alert(1)},
  year = {2024}
}
)";

std::size_t count_of(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

/// Headings of the page's groups, with their counts: "2023 (21 works)".
std::vector<std::string> headings(const std::string& page) {
  std::vector<std::string> out;
  const std::regex heading("<h[23]>([^<]*) <span class=\"refs-n\">([^<]*)</span>");
  for (auto it = std::sregex_iterator(page.begin(), page.end(), heading); it != std::sregex_iterator(); ++it) {
    out.push_back((*it)[1].str() + " (" + (*it)[2].str() + ")");
  }
  return out;
}

/// Text without its tags, whitespace collapsed.
std::string text_of(const std::string& html) {
  const std::string bare = std::regex_replace(html, std::regex("<[^>]*>"), " ");
  return std::regex_replace(std::regex_replace(bare, std::regex("\\s+"), " "), std::regex("^ | $"), "");
}

class CliHtml : public ::testing::Test {
protected:
  RunResult run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", "lib.sqlite", "--offline"});
    return run_refs(m_dir.path(), args);
  }

  /// The sample post resolved (offline: each reference from what the post
  /// says), and the hostile entry imported, cited by no post.
  void library_with_sample_post() {
    m_dir.write("post.md", slurp(test_data("ai-trends-2023-11.md")));
    m_dir.write("hostile.bib", k_hostile_bib);
    ASSERT_EQ(run({"resolve", "post.md"}).exit_code, 0);
    ASSERT_EQ(run({"import", "hostile.bib"}).exit_code, 0);
  }

  std::string page(std::vector<std::string> args) {
    args.insert(args.begin(), {"export", "--html"});
    const RunResult r = run(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    return r.out;
  }

  /// What Chromium showed of `file`; the screenshot goes to the build folder.
  nlohmann::json in_browser(const std::string& file, const std::vector<std::string>& extra) {
    const fs::path build = fs::path(REFS_BINARY).parent_path().parent_path();
    std::string shot = "html-";
    shot += fs::path(file).stem().string();
    std::string command = REFS_SOURCE_DIR;
    command.insert(0, "python3 ");
    command += "/tests/browser/page_check.py chromium " + file + " " + (build / (shot + ".png")).string();
    for (const std::string& arg : extra) {
      command += " '" + arg + "'";
    }
    const std::string out = shell_output(m_dir.path(), command + " 2>&1");
    auto report = nlohmann::json::parse(out, nullptr, false);
    EXPECT_FALSE(report.is_discarded()) << out;
    return report;
  }

  TempDir m_dir;
};

TEST_F(CliHtml, PageOfTheLibraryWorksInChromium) {
  library_with_sample_post();
  const RunResult written = run({"export", "--html", "--title", "Sources", "-o", "page.html"});
  ASSERT_EQ(written.exit_code, 0) << written.err;
  const std::string html = slurp(m_dir / "page.html");
  // Grouped by year by default: newest first, undated last.
  EXPECT_EQ(headings(html), (std::vector<std::string>{"2024 (1 work)", "2023 (21 works)", "Undated (17 works)"}));
  EXPECT_EQ(shell_output(m_dir.path(), "tidy -q -e page.html; echo \"exit $?\""), "exit 0\n");

  const nlohmann::json report =
      in_browser("page.html", {"--query", "yarn", "--query", "EXECUT ORDÉR", "--query", "copy bibtex", "--query", "",
                               "--anchor", "arxiv2023yarn", "--copy"});
  ASSERT_TRUE(report.is_object());
  EXPECT_EQ(report["console_errors"], nlohmann::json::array());
  EXPECT_EQ(report["title"], "Sources");
  EXPECT_EQ(report["entries"], 39);
  EXPECT_EQ(report["shown"], 39);
  EXPECT_EQ(report["search_display"], "flex");
  const nlohmann::json& queries = report["queries"];
  EXPECT_EQ(queries[0]["shown"], nlohmann::json::array({"arxiv2023yarn"}));
  EXPECT_EQ(queries[0]["status"], "1 of 39 shown");
  // Every word must match, case and accents ignored.
  EXPECT_EQ(queries[1]["shown"], nlohmann::json::array({"whitehouse2023executive"}));
  // The labels every entry has ("Copy BibTeX", "link") are not searched.
  EXPECT_EQ(queries[2]["shown"], nlohmann::json::array());
  EXPECT_EQ(queries[2]["none_shown"], true);
  EXPECT_EQ(queries[3]["shown"].size(), 39U);
  EXPECT_EQ(queries[3]["status"], "39 works");
  // Opened at #arxiv2023yarn, the page is scrolled to that entry.
  EXPECT_EQ(report["anchor"]["id"], "arxiv2023yarn");
  EXPECT_EQ(report["anchor"]["scrolled"], true);
  EXPECT_EQ(report["anchor"]["top"], 16); // its scroll margin, 1rem
  // The first entry's button copies exactly what `refs export --bibtex` writes of it.
  EXPECT_EQ(report["copied"], run({"export", "--bibtex", "hostile2024"}).out);
  EXPECT_EQ(report["copy_label"], "Copied");
  // Without JavaScript: everything listed, no search box or button that could not work.
  EXPECT_EQ(report["nojs"]["shown"], 39);
  EXPECT_EQ(report["nojs"]["search_display"], "none");
  EXPECT_EQ(report["nojs"]["copy_display"], "none");
  const fs::path shot = fs::path(REFS_BINARY).parent_path().parent_path() / "html-page.png";
  EXPECT_EQ(slurp(shot).substr(0, 8), "\x89PNG\r\n\x1a\n");
}

TEST_F(CliHtml, TextStaysTextAndOnlyWebLinksAreLinks) {
  library_with_sample_post();
  const std::string html = page({"hostile2024"});
  EXPECT_EQ(count_of(html, "<script"), 1U); // the page's own
  EXPECT_EQ(count_of(html, "<img"), 0U);
  EXPECT_EQ(count_of(html, "href=\"javascript"), 0U);
  EXPECT_NE(html.find("<cite>A &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt; "
                      "title</cite>"),
            std::string::npos);
  // Its BibTeX, as text too.
  EXPECT_NE(html.find("<pre class=\"refs-bibtex\">@misc{hostile2024,\n  title = {A &lt;script&gt;alert(&quot;x&quot;)"
                      "&lt;/script&gt; \\&amp; &lt;b&gt;bold&lt;/b&gt; title},\n"),
            std::string::npos);
}

TEST_F(CliHtml, GroupedByPostWithAWorkInTwoPostsAnchoredOnce) {
  library_with_sample_post();
  // A second post citing two of the first one's works.
  m_dir.write("second.md", "---\ntitle: \"Context windows & more\"\n---\nText.[^a][^b]\n\n"
                           "[^a]: [YaRN](https://arxiv.org/abs/2309.00071)\n"
                           "[^b]: [PEFT](https://huggingface.co/blog/peft)\n");
  ASSERT_EQ(run({"resolve", "second.md"}).exit_code, 0);
  const std::string both = page({"--post", "post.md", "--post", "second.md", "-o", "-"});
  EXPECT_EQ(headings(both), (std::vector<std::string>{"2023 AI 기술 트렌드 #2 | AI Trends in 2023 (38 works)",
                                                      "Context windows &amp; more (2 works)"}));
  EXPECT_NE(both.find("38 works cited in 2 posts"), std::string::npos);
  // A post named twice is one post.
  EXPECT_EQ(headings(page({"--post", "second.md", "--post", "second.md"})),
            std::vector<std::string>{"Context windows &amp; more (2 works)"});
  EXPECT_EQ(count_of(both, "id=\"arxiv2023yarn\""), 1U);
  EXPECT_EQ(count_of(both, "href=\"#arxiv2023yarn\">arxiv2023yarn</a>"), 2U);
  // Its entries name both posts, each linked to its group.
  EXPECT_NE(both.find("<span class=\"refs-posts\">cited in <a href=\"#refs-post-1\">2023 AI 기술 트렌드 #2 | AI Trends in 2023</a>, "
                      "<a href=\"#refs-post-2\">Context windows &amp; more</a></span>"),
            std::string::npos);
  // The whole library by post: both posts, then the works no post cites.
  EXPECT_EQ(headings(page({"--group", "post"})),
            (std::vector<std::string>{"2023 AI 기술 트렌드 #2 | AI Trends in 2023 (38 works)",
                                      "Context windows &amp; more (2 works)", "Not cited in a post (1 work)"}));
  // Not grouped: one list, by key, and no heading.
  const std::string flat = page({"--group", "none"});
  EXPECT_EQ(headings(flat), std::vector<std::string>{});
  EXPECT_EQ(count_of(flat, "class=\"refs-group\""), 1U);
  EXPECT_LT(flat.find("id=\"arxiv2023alternating\""), flat.find("id=\"whitehouse2023executive\""));
  // Several posts export to BibTeX too; Markdown takes one (labels are a post's own).
  EXPECT_EQ(count_of(run({"export", "--bibtex", "--post", "post.md", "--post", "second.md"}).out, "\n@"), 37U);
  const RunResult markdown = run({"export", "--markdown", "--post", "post.md", "--post", "second.md"});
  EXPECT_EQ(markdown.exit_code, 1);
  EXPECT_EQ(markdown.err, "refs: error: --markdown takes one --post: footnote labels are a post's own\n");
}

TEST_F(CliHtml, FragmentInsideASitePage) {
  library_with_sample_post();
  const std::string fragment = page({"--fragment", "--post", "post.md"});
  EXPECT_TRUE(fragment.starts_with("<div class=\"refs-bibliography\">\n<link rel=\"stylesheet\" href=\"data:text/css,"));
  EXPECT_TRUE(fragment.ends_with("</script>\n</div>\n"));
  EXPECT_NE(fragment.find("<h2>Bibliography</h2>"), std::string::npos);
  m_dir.write("site.html", "<!DOCTYPE html>\n<html lang=\"ko\">\n<head>\n<meta charset=\"utf-8\">\n<title>Blog</title>\n"
                           "</head>\n<body>\n<h1>Blog</h1>\n" + fragment + "</body>\n</html>\n");
  EXPECT_EQ(shell_output(m_dir.path(), "tidy -q -e site.html; echo \"exit $?\""), "exit 0\n");
  const nlohmann::json report = in_browser("site.html", {"--query", "graphcast"});
  ASSERT_TRUE(report.is_object());
  EXPECT_EQ(report["console_errors"], nlohmann::json::array());
  EXPECT_EQ(report["search_display"], "flex"); // its style sheet applies
  EXPECT_EQ(report["queries"][0]["shown"], nlohmann::json::array({"googledeepmindgraphcast"}));
}

TEST_F(CliHtml, CslStyleAsPandocRendersIt) {
  library_with_sample_post();
  const std::vector<std::string> keys = {"arxiv2023yarn", "arxiv2023stablerep", "reuters2023california"};
  std::vector<std::string> args = {"--group", "none", "--csl", "apa"};
  args.insert(args.end(), keys.begin(), keys.end());
  const std::string html = page(args);
  std::vector<std::string> json_args = {"export", "--csl-json"};
  json_args.insert(json_args.end(), keys.begin(), keys.end());
  m_dir.write("works.json", run(json_args).out);
  m_dir.write("direct.md", "[@arxiv2023yarn; @arxiv2023stablerep; @reuters2023california]\n\n::: {#refs}\n:::\n");
  const std::string direct =
      shell_output(m_dir.path(), "pandoc --citeproc --csl " + k_styles +
                                     "/apa.csl --bibliography works.json -f markdown -t html --wrap=none direct.md");
  for (const std::string& key : keys) {
    const std::regex ours("<li class=\"refs-entry\" id=\"" + key + "\">\n<div class=\"refs-ref\">(.*)</div>\n");
    const std::regex theirs("<div id=\"ref-" + key + "\" class=\"csl-entry\" role=\"doc-biblioentry\">\n(.*)\n</div>");
    std::smatch a;
    std::smatch b;
    ASSERT_TRUE(std::regex_search(html, a, ours)) << key;
    ASSERT_TRUE(std::regex_search(direct, b, theirs)) << key << direct;
    EXPECT_EQ(text_of(a[1].str()), text_of(b[1].str())) << key;
  }
  // Through pandoc too, text stays text and a javascript: URL is no link.
  const std::string hostile = page({"--csl", "apa", "hostile2024"});
  EXPECT_EQ(count_of(hostile, "<script"), 1U);
  EXPECT_EQ(count_of(hostile, "<img"), 0U);
  EXPECT_EQ(count_of(hostile, "href=\"javascript"), 0U);
  EXPECT_NE(hostile.find("&lt;script&gt;alert("), std::string::npos);
}

TEST_F(CliHtml, BadRequestsSayWhatIsWrong) {
  library_with_sample_post();
  const RunResult unknown = run({"export", "--html", "nosuchkey"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_EQ(unknown.err, "refs: error: unknown citation key 'nosuchkey'\n");
  EXPECT_EQ(unknown.out, "");
  const RunResult post = run({"export", "--html", "--post", "missing.md"});
  EXPECT_EQ(post.exit_code, 1);
  EXPECT_EQ(post.err, "refs: error: missing.md: not in the library; run 'refs resolve missing.md' first\n");
  const RunResult group = run({"export", "--group", "year"});
  EXPECT_EQ(group.exit_code, 2);
  EXPECT_NE(group.err.find("--group requires --html"), std::string::npos) << group.err;
  const RunResult csl = run({"export", "--bibtex", "--csl", "apa"});
  EXPECT_EQ(csl.exit_code, 2);
  EXPECT_EQ(csl.err, "refs: error: --csl needs --markdown or --html\n");
  EXPECT_FALSE(fs::exists(m_dir / "none.html"));
  EXPECT_EQ(run({"export", "--html", "nosuchkey", "-o", "none.html"}).exit_code, 1);
  EXPECT_FALSE(fs::exists(m_dir / "none.html")); // nothing written
}

} // namespace
} // namespace refs::testing
