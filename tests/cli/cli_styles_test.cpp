// End-to-end: `--csl STYLE` through the built binary, each rendering
// compared with what pandoc renders from the same CSL-JSON directly (pandoc
// run here by hand, its HTML-wrapped output read apart from refs' own
// reading), on the sample post and on a library with Korean, Japanese and
// Chinese names (tests/fixtures/search/library.json).
#include "tests/support/refs_runner.hpp"
#include "tests/support/temp_dir.hpp"

#include <cstdio>
#include <map>
#include <sstream>

#include <gtest/gtest.h>

namespace refs::testing {
namespace {

const std::string k_styles = "/usr/share/citation-style-language/styles";
const std::string k_library = std::string(REFS_SOURCE_DIR) + "/tests/fixtures/search/library.json";

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    out.push_back(line);
  }
  return out;
}

/// What pandoc itself renders, read from its own output: the notes of a
/// note style (one per citation), else the bibliography's entries with a
/// numeric style's label spans taken off.
std::vector<std::string> read_direct(const std::string& gfm, bool note) {
  std::vector<std::string> out;
  std::map<std::string, std::string> notes;
  std::vector<std::string> order;
  const std::vector<std::string> lines = lines_of(gfm);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (line.starts_with("CIT") && line.find("[^") != std::string::npos) {
      order.push_back(line.substr(line.find("[^") + 2, line.find(']') - line.find("[^") - 2));
    } else if (line.starts_with("[^")) {
      notes[line.substr(2, line.find("]: ") - 2)] = line.substr(line.find("]: ") + 3);
    } else if (!note && line.starts_with("<div id=\"ref-")) {
      std::string entry = lines[i + 2]; // the entry's paragraph, after a blank line
      const std::string left = "<span class=\"csl-left-margin\">";
      const std::string right = "</span><span class=\"csl-right-inline\">";
      if (entry.starts_with(left) && entry.find(right) != std::string::npos && entry.ends_with("</span>")) {
        entry = entry.substr(left.size(), entry.find(right) - left.size()) +
                entry.substr(entry.find(right) + right.size(), entry.size() - entry.find(right) - right.size() - 7);
        // Out of its span, "1. Name" would start a list: Markdown writes "1\.".
        const std::size_t digits = entry.find_first_not_of("0123456789");
        if (digits > 0 && digits != std::string::npos && entry.compare(digits, 2, ". ") == 0) {
          entry.insert(digits, "\\");
        }
      }
      out.push_back(entry);
    }
  }
  for (const std::string& n : order) {
    out.push_back(notes[n]);
  }
  return out;
}

class CliStyles : public ::testing::Test {
protected:
  RunResult run(std::vector<std::string> args, const std::vector<std::string>& env = {}) {
    args.insert(args.begin(), {"--db", "lib.sqlite", "--offline"});
    return run_refs(m_dir.path(), args, env);
  }

  /// pandoc's output for `citations` of the works in works.json.
  std::string pandoc_direct(const std::vector<std::string>& citations, const std::string& style, bool note,
                            const std::string& lang) {
    std::string doc;
    for (std::size_t i = 0; i < citations.size(); ++i) {
      doc += "CIT" + std::to_string(i) + " [@" + citations[i] + "]\n\n";
    }
    m_dir.write("direct.md", doc + "::: {#refs}\n:::\n");
    return shell_output(m_dir.path(), "pandoc --citeproc --resource-path=.:" + k_styles + " --csl '" + style +
                                          "' --bibliography works.json -f markdown -t gfm --wrap=none" +
                                          (note ? " -M suppress-bibliography=true" : "") +
                                          (lang.empty() ? "" : " -M lang=" + lang) + " direct.md");
  }

  /// refs' rendering of `selection` (`--post P` or keys) in `style`, and
  /// pandoc's own, as lists of notes or entries.
  void compare(const std::vector<std::string>& selection, const std::string& style, const std::string& style_file,
               bool note, const std::string& lang = "") {
    std::vector<std::string> args = {"export", "--markdown", "--csl", style};
    if (!lang.empty()) {
      args.insert(args.end(), {"--lang", lang});
    }
    args.insert(args.end(), selection.begin(), selection.end());
    const RunResult styled = run(args);
    ASSERT_EQ(styled.exit_code, 0) << styled.err;
    EXPECT_EQ(styled.err, "");
    // The keys in the export's order, one per footnote: a template of {key}.
    std::vector<std::string> template_args = {"export", "--markdown", "--template", "{key}"};
    template_args.insert(template_args.end(), selection.begin(), selection.end());
    std::vector<std::string> keys;
    for (const std::string& line : lines_of(run(template_args).out)) {
      keys.push_back(line.substr(line.find("]: ") + 3));
    }
    std::vector<std::string> json_args = {"export", "--csl-json"};
    json_args.insert(json_args.end(), selection.begin(), selection.end());
    m_dir.write("works.json", run(json_args).out);
    const std::vector<std::string> expected = read_direct(pandoc_direct(keys, style_file, note, lang), note);
    std::vector<std::string> got;
    for (const std::string& line : lines_of(styled.out)) {
      if (!line.empty()) {
        got.push_back(note ? line.substr(line.find("]: ") + 3) : line);
      }
    }
    ASSERT_FALSE(expected.empty()) << style;
    EXPECT_EQ(got, expected) << style;
  }

  TempDir m_dir;
};

TEST_F(CliStyles, TheSamplePostInApaChicagoNotesIeeeAndAKoreanJournalStyle) {
  m_dir.write("post.md", slurp(test_data("ai-trends-2023-11.md")));
  ASSERT_EQ(run({"resolve", "post.md"}).exit_code, 0);
  compare({"--post", "post.md"}, "apa", k_styles + "/apa.csl", false);
  compare({"--post", "post.md"}, "chicago-note-bibliography", k_styles + "/chicago-note-bibliography.csl", true);
  compare({"--post", "post.md"}, "ieee", k_styles + "/ieee.csl", false);
  // A dependent style, whose parent (Vancouver) pandoc would download: here
  // it finds it on its resource path, and refs finds it itself.
  compare({"--post", "post.md"}, "journal-of-korean-medical-science",
          k_styles + "/dependent/journal-of-korean-medical-science.csl", false, "ko-KR");
  compare({"--post", "post.md"}, "apa", k_styles + "/apa.csl", false, "ko-KR");
}

TEST_F(CliStyles, NamesInHangulKanjiAndHanziInEveryKindOfStyle) {
  ASSERT_EQ(run({"import", k_library}).exit_code, 0);
  const std::vector<std::string> keys = {"kim2021korean", "tanaka2022summary", "wang2020segment", "peng2023yarn",
                                         "montavon2018methods", "tay2022efficient"};
  compare(keys, "apa", k_styles + "/apa.csl", false, "ko-KR");
  compare(keys, "chicago-note-bibliography", k_styles + "/chicago-note-bibliography.csl", true, "ko-KR");
  compare(keys, "ieee", k_styles + "/ieee.csl", false);
  compare(keys, "nature", k_styles + "/nature.csl", false);
  compare(keys, k_styles + "/korean-journal-of-radiology.csl", k_styles + "/korean-journal-of-radiology.csl", false,
          "ko-KR");
}

TEST_F(CliStyles, CiteInANoteStyleKeepsThePostsLabelsAndReadsItsLang) {
  ASSERT_EQ(run({"import", k_library}).exit_code, 0);
  m_dir.write("post.md", "---\nlang: ko-KR\n---\nRoPE[^y] scales [@peng2023yarn, p. 3]; surveys [see @tay2022efficient].\n\n"
                         "[^y]: [YaRN](https://arxiv.org/abs/2309.00071)\n");
  const RunResult r = run({"cite", "post.md", "--csl", "chicago-note-bibliography"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "---\nlang: ko-KR\n---\nRoPE[^y] scales[^y-p3]; surveys see[^tay2022efficient].\n\n"
                   "[^y]: [YaRN](https://arxiv.org/abs/2309.00071)\n\n"
                   "[^y-p3]: Peng 기타, “YaRN: Efficient Context Window Extension of Large Language Models”, p.\u00A03.\n\n"
                   "[^tay2022efficient]: Tay 기타, “Efficient Transformers: A Survey”.\n");
  EXPECT_EQ(r.err, "refs: note: post.md: 2 markers replaced; 2 footnotes added, 0 footnotes of the post reused\n");
  // --lang wins over the post's own.
  const RunResult english = run({"cite", "post.md", "--csl", "chicago-note-bibliography", "--lang", "en-US"});
  EXPECT_NE(english.out.find("[^y-p3]: Peng et al., “YaRN: Efficient Context Window Extension of Large Language "
                             "Models,” 3.\n"),
            std::string::npos)
      << english.out;
}

TEST_F(CliStyles, CiteInAnInTextStyleWritesABibliographyThatKeepsItsOrder) {
  ASSERT_EQ(run({"import", k_library}).exit_code, 0);
  m_dir.write("post.md", "Scaling [@peng2023yarn, p. 3] and surveys [see @tay2022efficient; @kim2021korean].\n");
  const RunResult first = run({"cite", "post.md", "--csl", "ieee", "--write"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.err, "refs: note: post.md: 2 markers replaced; a bibliography of 3 works\n");
  const std::string written = slurp(m_dir / "post.md");
  EXPECT_EQ(written,
            "Scaling \\[1, p. 3\\] and surveys see \\[2\\], \\[3\\].\n\n"
            "<!-- refs: bibliography; cites: peng2023yarn tay2022efficient kim2021korean -->\n"
            "\\[1\\] B. Peng, J. Quesnelle, H. Fan, and E. Shippole, “YaRN: Efficient Context Window Extension of Large "
            "Language Models.” arXiv, Sep. 2023. Available: <https://arxiv.org/abs/2309.00071>\n\n"
            "\\[2\\] Y. Tay, M. Dehghani, D. Bahri, and D. Metzler, “Efficient Transformers: A Survey,” *ACM Computing "
            "Surveys*, Dec. 2022, doi: [10.1145/3530811](https://doi.org/10.1145/3530811).\n\n"
            "\\[3\\] 김민준. and 박서연., “딥러닝 기반 한국어 형태소 분석,” *정보과학회논문지*, 2021.\n"
            "<!-- refs: end of bibliography -->\n");
  // Again: nothing to do, nothing changed.
  EXPECT_EQ(run({"cite", "post.md", "--csl", "ieee", "--write"}).exit_code, 0);
  EXPECT_EQ(slurp(m_dir / "post.md"), written);
  // A citation added after the block: the old works keep their numbers.
  m_dir.write("post.md", written + "\nLater [@vaswani2017attention] and [@tay2022efficient].\n");
  ASSERT_EQ(run({"cite", "post.md", "--csl", "ieee", "--write"}).exit_code, 0);
  const std::string again = slurp(m_dir / "post.md");
  EXPECT_NE(again.find("cites: peng2023yarn tay2022efficient kim2021korean vaswani2017attention -->"), std::string::npos);
  EXPECT_NE(again.find("\\[4\\] A. Vaswani, N. Shazeer, and N. Parmar, “Attention Is All You Need,”"), std::string::npos);
  EXPECT_NE(again.find("\nLater \\[4\\] and \\[2\\].\n"), std::string::npos) << again;
  EXPECT_EQ(again.find("<!-- refs: bibliography"), again.rfind("<!-- refs: bibliography")); // one block
}

TEST_F(CliStyles, WithoutPandocOrTheStylesCslSaysWhatToInstall) {
  ASSERT_EQ(run({"import", k_library}).exit_code, 0);
  m_dir.write("post.md", "A [@peng2023yarn].\n");
  const auto error = [&](const std::vector<std::string>& args, const std::vector<std::string>& env = {}) {
    const RunResult r = run(args, env);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.out, "");
    return r.err;
  };
  EXPECT_EQ(error({"export", "--markdown", "--csl", "apa"}, {"REFS_PANDOC=/nonexistent/pandoc"}),
            "refs: error: --csl needs pandoc, which is not installed (apt install pandoc)\n");
  EXPECT_EQ(error({"cite", "post.md", "--csl", "apa"}, {"REFS_PANDOC=/nonexistent/pandoc"}),
            "refs: error: post.md: --csl needs pandoc, which is not installed (apt install pandoc)\n");
  EXPECT_EQ(error({"export", "--markdown", "--csl", "apa"}, {"REFS_CSL_STYLES=/nonexistent"}),
            "refs: error: no CSL style named apa: /nonexistent is missing (apt install citation-style-language-styles), "
            "or give a .csl file\n");
  EXPECT_EQ(error({"export", "--markdown", "--csl", "apaa"}),
            "refs: error: no CSL style named apaa in " + k_styles + " or its dependent/ folder\n");
  EXPECT_EQ(error({"export", "--markdown", "--csl", "apa", "--lang", "xx-YY"}),
            "refs: error: no CSL locale xx-YY in /usr/share/citation-style-language/locales\n");
  // Language tags ignore case: Hugo writes en-us.
  EXPECT_EQ(run({"export", "--markdown", "--csl", "apa", "--lang", "en-us", "peng2023yarn"}).exit_code, 0);
  m_dir.write("broken.csl", "<style><info>");
  EXPECT_EQ(error({"export", "--markdown", "--csl", "broken.csl"}),
            "refs: error: broken.csl: not a CSL style: Start-end tags mismatch\n");
  // Everything else works without them.
  EXPECT_EQ(run({"export", "--markdown", "peng2023yarn"}, {"REFS_PANDOC=/nonexistent/pandoc"}).exit_code, 0);
  EXPECT_EQ(slurp(m_dir / "post.md"), "A [@peng2023yarn].\n");
}

} // namespace
} // namespace refs::testing
