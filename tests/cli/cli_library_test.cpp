// End-to-end: list, show, set, rm and export through the built binary.
#include "tests/support/refs_runner.hpp"
#include "tests/support/temp_dir.hpp"

#include <sys/stat.h>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

namespace refs::testing {
namespace {

class CliLibrary : public ::testing::Test {
protected:
  void SetUp() override {
    m_dir.write("post.md", "Two papers[^y][^j] and a page[^r], cited again[^y2].\n\n"
                           "[^y]: [YaRN: Efficient Context Window Extension](https://arxiv.org/abs/2309.00071)\n"
                           "[^j]: [JARVIS-1: Open-World Agents](https://huggingface.co/papers/2311.05997)\n"
                           "[^r]: [California sidelines GM Cruise](https://www.reuters.com/business/x-2023-10-24)\n"
                           "[^y2]: [YaRN (PDF)](https://arxiv.org/pdf/2309.00071v2)\n");
    ASSERT_EQ(run({"resolve", "post.md"}).exit_code, 0);
  }

  RunResult run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", "lib.sqlite", "--offline"});
    return run_refs(m_dir.path(), args);
  }

  TempDir m_dir;
};

TEST_F(CliLibrary, SameWorkCitedTwiceIsOneCitation) {
  const RunResult again = run({"resolve", "post.md"});
  EXPECT_EQ(again.err, "refs: warning: post.md:6: [^y] (line 3) and [^y2] cite the same work (arxiv2023yarn); "
                       "`refs dedupe --post post.md` shows how to make them one\n");
  EXPECT_EQ(again.out, "y   arxiv2023yarn          arxiv  post  YaRN: Efficient Context Window Extension\n"
                       "j   arxiv2023jarvis        arxiv  post  JARVIS-1: Open-World Agents\n"
                       "r   reuters2023california  web    post  California sidelines GM Cruise\n"
                       "y2  arxiv2023yarn          arxiv  post  YaRN: Efficient Context Window Extension\n"
                       "4 references in 1 post: 3 arxiv, 1 web; 0 new, 0 updated, 4 known\n"
                       "data from: 4 post\n"
                       "footnotes citing a work twice: 1 (see the warnings)\n");
  EXPECT_EQ(run({"list"}).out, "arxiv2023jarvis        article  2023  1  JARVIS-1: Open-World Agents\n"
                               "arxiv2023yarn          article  2023  1  YaRN: Efficient Context Window Extension\n"
                               "reuters2023california  webpage  2023  1  California sidelines GM Cruise\n");
}

TEST_F(CliLibrary, ShowPrintsEveryFieldWithItsSource) {
  const RunResult r = run({"show", "reuters2023california"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "key:             reuters2023california (provisional)\n"
                   "type:            webpage  [post]\n"
                   "title:           California sidelines GM Cruise  [post]\n"
                   "issued:          2023-10-24  [post]\n"
                   "container-title: Reuters  [post]\n"
                   "URL:             https://www.reuters.com/business/x-2023-10-24  [post]\n"
                   "accessed:        2025-11-27  [post]\n"
                   "identifier:      url https://www.reuters.com/business/x-2023-10-24\n"
                   "cited by:        " + std::filesystem::canonical(m_dir / "post.md").string() + "\n"
                   "created:         2025-11-27T00:00:00Z\n"
                   "updated:         2025-11-27T00:00:00Z\n");
  const auto json = nlohmann::json::parse(run({"show", "--json", "arxiv2023yarn"}).out);
  EXPECT_EQ(json[0]["number"], "arXiv:2309.00071");
  EXPECT_EQ(json[0]["custom"]["key-fixed"], false);
}

TEST_F(CliLibrary, UserCorrectionsOutrankThePostAndRenameKeepsAnAlias) {
  const RunResult set = run({"set", "arxiv2023yarn", "author=Peng, Bowen and Quesnelle, Jeffrey",
                             "title=YaRN: Efficient Context Window Extension of Large Language Models", "key=peng2023yarn"});
  EXPECT_EQ(set.exit_code, 0);
  EXPECT_EQ(set.err, "refs: note: peng2023yarn: set author, title, key\n");
  EXPECT_EQ(set.out, "");
  // Re-reading the post does not undo the correction.
  const std::string report = run({"resolve", "post.md"}).out;
  EXPECT_EQ(report.substr(0, report.find('\n') + 1),
            "y   peng2023yarn           arxiv  post  YaRN: Efficient Context Window Extension of Large Language Models\n");
  const std::string bib = run({"export", "--bibtex", "arxiv2023yarn"}).out;
  EXPECT_EQ(bib, "@misc{peng2023yarn,\n"
                 "  title = {{YaRN}: Efficient Context Window Extension of Large Language Models},\n"
                 "  author = {Peng, Bowen and Quesnelle, Jeffrey},\n"
                 "  year = {2023},\n"
                 "  month = sep,\n"
                 "  eprint = {2309.00071},\n"
                 "  archivePrefix = {arXiv},\n"
                 "  doi = {10.48550/arXiv.2309.00071},\n"
                 "  url = {https://arxiv.org/abs/2309.00071},\n"
                 "}\n");
  EXPECT_EQ(run({"set", "arxiv2023jarvis", "key=peng2023yarn"}).err,
            "refs: error: arxiv2023jarvis: key 'peng2023yarn' is already used by another citation\n");
}

TEST_F(CliLibrary, ClearedFieldsStayCleared) {
  EXPECT_EQ(run({"set", "reuters2023california", "issued="}).exit_code, 0);
  run({"resolve", "post.md"});
  const std::string shown = run({"show", "reuters2023california"}).out;
  EXPECT_EQ(shown.find("issued:"), std::string::npos) << shown;
}

TEST_F(CliLibrary, FailedWriteToStdoutIsAnErrorAndFixesNoKey) {
  const RunResult r =
      run_refs(m_dir.path(), {"--db", "lib.sqlite", "export", "arxiv2023yarn"}, {}, As::user, "/dev/full");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "refs: error: stdout: cannot write: no space left on device\n");
  const RunResult to_device = run({"export", "arxiv2023yarn", "-o", "/dev/full"});
  EXPECT_EQ(to_device.err, "refs: error: /dev/full: cannot write: no space left on device\n");
  EXPECT_EQ(run({"show", "arxiv2023yarn"}).out.substr(0, 45), "key:             arxiv2023yarn (provisional)\n");
}

TEST_F(CliLibrary, RemoveLeavesTheReferenceWithoutCitation) {
  const RunResult rm = run({"rm", "reuters2023california"});
  EXPECT_EQ(rm.exit_code, 0);
  EXPECT_EQ(rm.err, "refs: note: removed reuters2023california (cited by 1 post; those references now have no "
                    "citation)\n");
  EXPECT_EQ(run({"show", "reuters2023california"}).exit_code, 1);
  EXPECT_EQ(run({"export", "--markdown", "--post", "post.md"}).out,
            "[^y]: [YaRN: Efficient Context Window Extension](https://arxiv.org/abs/2309.00071). arXiv, 2023-09. "
            "arXiv:2309.00071.\n"
            "[^j]: [JARVIS-1: Open-World Agents](https://arxiv.org/abs/2311.05997). arXiv, 2023-11. arXiv:2311.05997.\n"
            "[^y2]: [YaRN: Efficient Context Window Extension](https://arxiv.org/abs/2309.00071). arXiv, 2023-09. "
            "arXiv:2309.00071.\n");
}

TEST_F(CliLibrary, OrphansAreCitationsNoPostUses) {
  m_dir.write("post.md", "Only one[^y].\n\n[^y]: [YaRN](https://arxiv.org/abs/2309.00071)\n");
  run({"resolve", "post.md"});
  EXPECT_EQ(run({"list", "--orphans"}).out,
            "arxiv2023jarvis        article  2023  0  JARVIS-1: Open-World Agents\n"
            "reuters2023california  webpage  2023  0  California sidelines GM Cruise\n");
}

TEST_F(CliLibrary, ExportMarkdownUnderThePostsLabelsOrKeys) {
  EXPECT_EQ(run({"export", "--markdown", "reuters2023california"}).out,
            "[^reuters2023california]: [California sidelines GM Cruise](https://www.reuters.com/business/x-2023-10-24). "
            "Reuters, 2023-10-24.\n");
  const std::string by_post = run({"export", "--markdown", "--post", "post.md"}).out;
  EXPECT_EQ(std::count(by_post.begin(), by_post.end(), '\n'), 4);
  EXPECT_TRUE(by_post.starts_with("[^y]: [YaRN"));
}

TEST_F(CliLibrary, OutputThroughASymlinkReplacesTheFileItNames) {
  m_dir.write("real/refs.bib", "old\n");
  std::filesystem::create_symlink("real/refs.bib", m_dir / "link.bib");
  EXPECT_EQ(run({"export", "--bibtex", "arxiv2023yarn", "-o", "link.bib"}).exit_code, 0);
  EXPECT_TRUE(std::filesystem::is_symlink(m_dir / "link.bib"));
  EXPECT_TRUE(slurp(m_dir / "real/refs.bib").starts_with("@misc{arxiv2023yarn,"));
}

TEST_F(CliLibrary, ExportFixesKeysAndWritesFilesAtomically) {
  chmod((m_dir / "post.md").c_str(), 0640);
  m_dir.write("refs.bib", "old\n");
  chmod((m_dir / "refs.bib").c_str(), 0604);
  const RunResult r = run({"export", "--csl-json", "--post", "post.md", "-o", "refs.bib"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "");
  const auto json = nlohmann::json::parse(slurp(m_dir / "refs.bib"));
  ASSERT_EQ(json.size(), 3u);
  EXPECT_EQ(json[0]["id"], "arxiv2023yarn");
  EXPECT_EQ(json[0]["custom"]["key-fixed"], true);
  struct stat st {};
  stat((m_dir / "refs.bib").c_str(), &st);
  EXPECT_EQ(st.st_mode & 0777, 0604u);
  EXPECT_EQ(run({"show", "arxiv2023yarn"}).out.substr(0, 31), "key:             arxiv2023yarn\n");
  for (const auto& entry : std::filesystem::directory_iterator(m_dir.path())) {
    EXPECT_EQ(entry.path().filename().string().find(".tmp-"), std::string::npos);
  }
}

TEST_F(CliLibrary, HelpAndVersionGoToStdout) {
  const RunResult v = run_refs(m_dir.path(), {"--version"});
  EXPECT_EQ(v.exit_code, 0);
  EXPECT_EQ(v.out, "refs 0.1.0\n");
  const RunResult h = run_refs(m_dir.path(), {"export", "--help"});
  EXPECT_EQ(h.exit_code, 0);
  EXPECT_TRUE(h.out.starts_with("Write citations as BibTeX, CSL-JSON or Markdown footnotes\nUsage: refs export"));
  EXPECT_EQ(h.err, "");
}

} // namespace
} // namespace refs::testing

namespace refs::testing {
namespace {

std::vector<std::string> entry_lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    const std::string line = text.substr(start, end - start);
    if (line.starts_with("@")) {
      out.push_back(line);
    }
    start = end == std::string::npos ? text.size() : end + 1;
  }
  return out;
}

TEST_F(CliLibrary, ExportSortsByKeyOrDateAndWritesBiblatex) {
  using V = std::vector<std::string>;
  EXPECT_EQ(entry_lines(run({"export"}).out), (V{"@misc{arxiv2023jarvis,", "@misc{arxiv2023yarn,", "@misc{reuters2023california,"}));
  EXPECT_EQ(entry_lines(run({"export", "--sort", "date"}).out),
            (V{"@misc{arxiv2023yarn,", "@misc{reuters2023california,", "@misc{arxiv2023jarvis,"}));
  const RunResult biblatex = run({"export", "--biblatex", "--sort", "key"});
  EXPECT_EQ(entry_lines(biblatex.out), (V{"@online{arxiv2023jarvis,", "@online{arxiv2023yarn,", "@online{reuters2023california,"}));
  EXPECT_NE(biblatex.out.find("  eprinttype = {arxiv},\n  eprint = {2309.00071},\n"), std::string::npos) << biblatex.out;
  EXPECT_NE(biblatex.out.find("  date = {2023-10-24},\n"), std::string::npos) << biblatex.out;
  const RunResult bad = run({"export", "--sort", "year"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err, "refs: error: --sort: year not in {key,date}\nhint: run 'refs export --help'\n");
}

} // namespace
} // namespace refs::testing

namespace refs::testing {
namespace {

TEST_F(CliLibrary, AsciiExportWritesLatexAccentsAndReportsWhatHasNone) {
  ASSERT_EQ(run({"set", "arxiv2023yarn", "author=Müller, Jörg and Dvořák, Ana", "title=YaRN 확장 – Context"}).exit_code, 0);
  const RunResult r = run({"export", "--ascii", "arxiv2023yarn"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("  title = {{YaRN} 확장 -- Context},\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  author = {M{\\\"u}ller, J{\\\"o}rg and Dvo{\\v r}{\\'a}k, Ana},\n"), std::string::npos) << r.out;
  EXPECT_EQ(r.err, "refs: warning: arxiv2023yarn: title: no LaTeX form for '확' (U+D655); kept as UTF-8\n"
                   "refs: warning: arxiv2023yarn: title: no LaTeX form for '장' (U+C7A5); kept as UTF-8\n");
  const RunResult utf8 = run({"export", "arxiv2023yarn"});
  EXPECT_NE(utf8.out.find("  author = {Müller, Jörg and Dvořák, Ana},\n"), std::string::npos) << utf8.out;
  EXPECT_EQ(utf8.err, "");
}

} // namespace
} // namespace refs::testing

namespace refs::testing {
namespace {

TEST_F(CliLibrary, MarkdownExportInTheChosenStyle) {
  EXPECT_EQ(run({"export", "--markdown", "--style", "link", "--post", "post.md"}).out,
            "[^y]: [YaRN: Efficient Context Window Extension](https://arxiv.org/abs/2309.00071)\n"
            "[^j]: [JARVIS-1: Open-World Agents](https://arxiv.org/abs/2311.05997)\n"
            "[^r]: [California sidelines GM Cruise](https://www.reuters.com/business/x-2023-10-24)\n"
            "[^y2]: [YaRN: Efficient Context Window Extension](https://arxiv.org/abs/2309.00071)\n");
  EXPECT_EQ(run({"export", "--markdown", "--template", "{link} ({site}, {year})", "reuters2023california"}).out,
            "[^reuters2023california]: [California sidelines GM Cruise](https://www.reuters.com/business/x-2023-10-24) "
            "(Reuters, 2023)\n");
  const RunResult bad = run({"export", "--markdown", "--template", "{title} {venue}"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err, "refs: error: --template: unknown field {venue}; the fields are key, title, link, url, authors, "
                     "author, year, date, site, container, publisher, doi, arxiv, note, archived\n");
  EXPECT_EQ(run({"export", "--style", "link"}).exit_code, 2) << "--style needs --markdown";
}

} // namespace
} // namespace refs::testing
