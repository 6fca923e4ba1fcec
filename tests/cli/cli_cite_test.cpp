// End-to-end: `refs cite` turns a post's pandoc citation markers into
// footnotes from the library, through the built binary.
#include "tests/support/refs_runner.hpp"
#include "tests/support/temp_dir.hpp"

#include <sys/stat.h>

#include <gtest/gtest.h>

namespace refs::testing {
namespace {

const std::string k_corpus = std::string(REFS_SOURCE_DIR) + "/tests/fixtures/bibtex/corpus.bib";

class CliCite : public ::testing::Test {
protected:
  void SetUp() override { ASSERT_EQ(run({"import", k_corpus}).exit_code, 0); }

  RunResult run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", "lib.sqlite", "--offline"});
    return run_refs(m_dir.path(), args);
  }

  TempDir m_dir;
};

// The post's own footnotes are links only, so new ones are too; its footnote
// for YaRN is reused; code, e-mail addresses and links are left alone.
TEST_F(CliCite, MarkersBecomeFootnotesInThePostsStyle) {
  m_dir.write("p.md", "# Context\n"
                      "\n"
                      "YaRN [@peng2023yarn] extends RoPE[^ref-pa-6]. See [see @vaswani2017attention, p. 3; @he2016deep].\n"
                      "Mail a@b.org, keep `[@peng2023yarn]` and [@he2016deep](https://x.org); @he2016deep stays.\n"
                      "\n"
                      "[^ref-pa-6]: [YaRN: Efficient Context Window Extension](https://arxiv.org/abs/2309.00071)\n");
  const RunResult r = run({"cite", "p.md"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "# Context\n"
                   "\n"
                   "YaRN[^ref-pa-6] extends RoPE[^ref-pa-6]. See see[^vaswani2017attention-p3][^he2016deep].\n"
                   "Mail a@b.org, keep `[@peng2023yarn]` and [@he2016deep](https://x.org); @he2016deep stays.\n"
                   "\n"
                   "[^ref-pa-6]: [YaRN: Efficient Context Window Extension](https://arxiv.org/abs/2309.00071)\n"
                   "\n"
                   "[^vaswani2017attention-p3]: [Attention Is All You Need](https://arxiv.org/abs/1706.03762), p. 3\n"
                   "\n"
                   "[^he2016deep]: [Deep Residual Learning for Image Recognition](https://doi.org/10.1109/CVPR.2016.90)\n");
  EXPECT_EQ(r.err, "refs: note: p.md:4: @he2016deep is left as text; --bare cites it\n"
                   "refs: note: p.md: 2 markers replaced; 2 footnotes added, 1 footnote of the post reused\n");
  // The post itself is only printed.
  EXPECT_NE(slurp(m_dir / "p.md").find("[@peng2023yarn] extends"), std::string::npos);
}

TEST_F(CliCite, FullStyleBareKeysAndFootnotesCitingInPlace) {
  m_dir.write("p.md", "@peng2023yarn [p. 2] extends RoPE [@peng2023yarn; @he2016deep].\n"
                      "Again [@peng2023yarn].\n"
                      "\n"
                      "- [@he2016deep] stays a list item\n");
  const RunResult r = run({"cite", "--bare", "p.md"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "Peng et al.[^peng2023yarn-p2] extends RoPE[^peng2023yarn][^he2016deep].\n"
                   "Again[^peng2023yarn].\n"
                   "\n"
                   "- [^he2016deep] stays a list item\n"
                   "\n"
                   "[^peng2023yarn-p2]: Bowen Peng et al. [YaRN: Efficient Context Window Extension of Large Language "
                   "Models](https://arxiv.org/abs/2309.00071). 2023. arXiv:2309.00071, p. 2\n"
                   "\n"
                   "[^peng2023yarn]: Bowen Peng et al. [YaRN: Efficient Context Window Extension of Large Language "
                   "Models](https://arxiv.org/abs/2309.00071). 2023. arXiv:2309.00071.\n"
                   "\n"
                   "[^he2016deep]: Kaiming He et al. [Deep Residual Learning for Image "
                   "Recognition](https://doi.org/10.1109/CVPR.2016.90). Proceedings of the IEEE Conference on Computer "
                   "Vision and Pattern Recognition (CVPR), 2016-06. Top-5 error of 3.57% on the ImageNet test set.\n");
  // Footnotes cannot nest: a marker in one becomes the work's text.
  m_dir.write("n.md", "Text[^n].\n\n[^n]: As [see @he2016deep, sec. 4.1] shows.\n");
  const RunResult n = run({"cite", "--template", "{authors}, {link} ({year})", "n.md"});
  EXPECT_EQ(n.exit_code, 0);
  EXPECT_EQ(n.out, "Text[^n].\n\n[^n]: As see Kaiming He et al., "
                   "[Deep Residual Learning for Image Recognition](https://doi.org/10.1109/CVPR.2016.90) (2016), sec. 4.1 "
                   "shows.\n");
}

TEST_F(CliCite, WriteIsAtomicKeepsPermissionsAndASecondRunChangesNothing) {
  const std::string post = "Title\r\n\r\nYaRN [@peng2023yarn, pp. 33–35].\r\n";
  m_dir.write("p.md", post);
  ASSERT_EQ(::chmod((m_dir / "p.md").c_str(), 0640), 0);
  const RunResult first = run({"cite", "--write", "--style", "link", "p.md"});
  EXPECT_EQ(first.exit_code, 0);
  EXPECT_EQ(first.out, "");
  const std::string cited = "Title\r\n\r\nYaRN[^peng2023yarn-pp33-35].\r\n\r\n"
                            "[^peng2023yarn-pp33-35]: [YaRN: Efficient Context Window Extension of Large Language "
                            "Models](https://arxiv.org/abs/2309.00071), pp. 33–35\r\n";
  EXPECT_EQ(slurp(m_dir / "p.md"), cited);
  struct stat st {};
  ASSERT_EQ(::stat((m_dir / "p.md").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0640u);
  const RunResult second = run({"cite", "--write", "p.md"});
  EXPECT_EQ(second.exit_code, 0);
  EXPECT_EQ(second.err, "refs: note: p.md: no citation marker to replace\n");
  EXPECT_EQ(slurp(m_dir / "p.md"), cited);
  // A new marker for the same page reuses the footnote made the first time.
  m_dir.write("p.md", cited + "\r\nMore [@peng2023yarn, pp. 33–35].\r\n");
  const RunResult third = run({"cite", "p.md"});
  EXPECT_EQ(third.err, "refs: note: p.md: 1 marker replaced; 0 footnotes added, 1 footnote of the post reused\n");
  EXPECT_EQ(third.out, cited + "\r\nMore[^peng2023yarn-pp33-35].\r\n");
}

// A key a post names never changes by itself again, as after an export.
TEST_F(CliCite, CitedKeysAreFixed) {
  m_dir.write("q.md", "A[^a].\n\n[^a]: [Some page](https://example.org/some/page)\n");
  ASSERT_EQ(run({"resolve", "q.md"}).exit_code, 0);
  EXPECT_NE(run({"show", "--json", "examplesome"}).out.find("\"key-fixed\": false"), std::string::npos);
  m_dir.write("p.md", "B [@examplesome].\n");
  ASSERT_EQ(run({"cite", "p.md"}).exit_code, 0);
  EXPECT_NE(run({"show", "--json", "examplesome"}).out.find("\"key-fixed\": true"), std::string::npos);
}

TEST_F(CliCite, UnknownKeysAreAllReportedAndThePostIsUntouched) {
  const std::string post = "One [@nosuch2020].\n\nTwo [@peng2023yarn; @missing, p. 4] and [@nosuch2020].\n";
  m_dir.write("p.md", post);
  const RunResult r = run({"cite", "--write", "p.md"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "refs: error: p.md:1: unknown citation key 'nosuch2020'\n"
                   "refs: error: p.md:3: unknown citation key 'missing'\n"
                   "refs: error: p.md:3: unknown citation key 'nosuch2020'\n"
                   "hint: `refs list` shows the keys; `refs resolve` or `refs import` adds works; the post is unchanged\n");
  EXPECT_EQ(slurp(m_dir / "p.md"), post);
  const RunResult missing = run({"cite", "gone.md"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(missing.err, "refs: error: gone.md: cannot read: no such file or directory\n");
}

// A key a merge retired still names its work, under the kept key's label.
TEST_F(CliCite, KeysFromMergesCiteTheJoinedWork) {
  m_dir.write("dup.bib", "@misc{yarnDup, title = {{YaRN}: Efficient Context Window Extension of Large Language Models}, eprint = {2309.00071v2}, archivePrefix = {arXiv}}\n");
  ASSERT_EQ(run({"import", "dup.bib"}).err,
            "refs: note: dup.bib:1: peng2023yarn and yarnDup are one work (same arXiv id 2309.00071): joined as "
            "peng2023yarn; `refs dedupe --undo 1` separates them\n"
            "refs: note: dup.bib: 1 entry: 0 new, 1 merged into the library, 0 known\n");
  m_dir.write("p.md", "A [@yarnDup] and [@peng2023yarn].\n");
  const RunResult r = run({"cite", "--style", "link", "p.md"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "A[^peng2023yarn] and[^peng2023yarn].\n\n"
                   "[^peng2023yarn]: [YaRN: Efficient Context Window Extension of Large Language "
                   "Models](https://arxiv.org/abs/2309.00071)\n");
}

} // namespace
} // namespace refs::testing
