// End-to-end: one citation per work through the built binary: posts citing
// one work by different URLs, repeated footnotes joined in a post, and
// `refs dedupe --apply` / `--undo` round trips.
#include "tests/support/refs_runner.hpp"
#include "tests/support/temp_dir.hpp"

#include <sys/stat.h>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

namespace refs::testing {
namespace {

class CliDedupe : public ::testing::Test {
protected:
  RunResult run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", "lib.sqlite", "--offline"});
    return run_refs(m_dir.path(), args);
  }

  TempDir m_dir;
};

// The planted repeats: [^ref-c] cites the paper of [^ref-a] as its PDF,
// [^ref-d] the page of [^ref-b] by another spelling of its URL.
constexpr const char* k_planted =
    "---\n"
    "title: Planted duplicates\n"
    "---\n"
    "YaRN[^ref-a] extends context.[^ref-b] Again YaRN[^ref-c], and `[^ref-c]` in code.\n"
    "\n"
    "> Quoted use of [^ref-c]. Later[^ref-d], but[^ref-e].\n"
    "\n"
    "[^ref-a]: Peng et al., [YaRN](https://arxiv.org/abs/2309.00071)\n"
    "[^ref-b]: [Cruise](https://www.reuters.com/business/autos/cruise-2023-10-24/)\n"
    "\n"
    "[^ref-c]: [YaRN, the PDF](https://arxiv.org/pdf/2309.00071v2)\n"
    "    <https://arxiv.org/abs/2309.00071v1>\n"
    "\n"
    "[^ref-d]: [Cruise again](http://reuters.com/business/autos/cruise-2023-10-24?utm_source=x#top)\n"
    "[^ref-e]: [YaRN](https://arxiv.org/abs/2309.00071), whose table 5 says the opposite.\n";

constexpr const char* k_joined =
    "---\n"
    "title: Planted duplicates\n"
    "---\n"
    "YaRN[^ref-a] extends context.[^ref-b] Again YaRN[^ref-a], and `[^ref-c]` in code.\n"
    "\n"
    "> Quoted use of [^ref-a]. Later[^ref-b], but[^ref-e].\n"
    "\n"
    "[^ref-a]: Peng et al., [YaRN](https://arxiv.org/abs/2309.00071)\n"
    "[^ref-b]: [Cruise](https://www.reuters.com/business/autos/cruise-2023-10-24/)\n"
    "\n"
    "[^ref-e]: [YaRN](https://arxiv.org/abs/2309.00071), whose table 5 says the opposite.\n";

TEST_F(CliDedupe, TwoPostsCitingOneWorkByDifferentUrlsGiveOneEntryEach) {
  m_dir.write("a.md", "A[^1][^2][^3]\n\n"
                      "[^1]: [YaRN](https://arxiv.org/abs/2309.00071)\n"
                      "[^2]: [Cruise](https://www.reuters.com/business/autos/cruise-2023-10-24/)\n"
                      "[^3]: [Water](https://doi.org/10.1126/science.169.3946.635)\n");
  m_dir.write("b.md", "B[^x][^y][^z][^w]\n\n"
                      "[^x]: [YaRN on Hugging Face](https://huggingface.co/papers/2309.00071)\n"
                      "[^y]: [Reuters story](https://m.reuters.com/business/autos/cruise-2023-10-24?utm_source=twitter&fbclid=abc)\n"
                      "[^z]: [Water, again](https://doi.org/10.1126/SCIENCE.169.3946.635)\n"
                      "[^w]: [YaRN via alphaXiv](https://www.alphaxiv.org/abs/2309.00071v1)\n");
  ASSERT_EQ(run({"resolve", "a.md"}).exit_code, 0);
  const RunResult b = run({"resolve", "b.md"});
  EXPECT_EQ(b.exit_code, 0);
  // A later post's link text is the post data now (as on any re-read);
  // the keys stay.
  EXPECT_EQ(b.out, "x  arxiv2023yarn  arxiv  post  YaRN on Hugging Face\n"
                   "y  reuterscruise  web    post  Reuters story\n"
                   "z  anonwater      doi    post  Water, again\n"
                   "w  arxiv2023yarn  arxiv  post  YaRN on Hugging Face\n"
                   "4 references in 1 post: 2 arxiv, 1 doi, 1 web; 0 new, 4 updated, 0 known\n"
                   "data from: 4 post\n"
                   "footnotes citing a work twice: 1 (see the warnings)\n");
  EXPECT_EQ(run({"list"}).out, "anonwater      document  -     2  Water, again\n"
                               "arxiv2023yarn  article   2023  2  YaRN on Hugging Face\n"
                               "reuterscruise  webpage   2023  2  Reuters story\n");
  EXPECT_EQ(run({"dedupe"}).err, "refs: note: no two of the 3 citations are one work\n");
}

TEST_F(CliDedupe, ResolveReportsRepeatedFootnotesAndDedupePostJoinsThem) {
  m_dir.write("p.md", k_planted);
  const RunResult resolved = run({"resolve", "p.md"});
  EXPECT_EQ(resolved.exit_code, 0);
  EXPECT_EQ(resolved.err,
            "refs: warning: p.md:11: [^ref-a] (line 8) and [^ref-c] cite the same work (arxiv2023yarn); "
            "`refs dedupe --post p.md` shows how to make them one\n"
            "refs: warning: p.md:14: [^ref-b] (line 9) and [^ref-d] cite the same work (reuterscruise); "
            "`refs dedupe --post p.md` shows how to make them one\n"
            "refs: warning: p.md:15: [^ref-a] (line 8) and [^ref-e] cite the same work (arxiv2023yarn); "
            "`refs dedupe --post p.md` shows how to make them one\n");

  const RunResult diff = run({"dedupe", "--post", "p.md"});
  EXPECT_EQ(diff.exit_code, 0);
  EXPECT_EQ(diff.out, "--- a/p.md\n"
                      "+++ b/p.md\n"
                      "@@ -1,15 +1,11 @@\n"
                      " ---\n"
                      " title: Planted duplicates\n"
                      " ---\n"
                      "-YaRN[^ref-a] extends context.[^ref-b] Again YaRN[^ref-c], and `[^ref-c]` in code.\n"
                      "+YaRN[^ref-a] extends context.[^ref-b] Again YaRN[^ref-a], and `[^ref-c]` in code.\n"
                      " \n"
                      "-> Quoted use of [^ref-c]. Later[^ref-d], but[^ref-e].\n"
                      "+> Quoted use of [^ref-a]. Later[^ref-b], but[^ref-e].\n"
                      " \n"
                      " [^ref-a]: Peng et al., [YaRN](https://arxiv.org/abs/2309.00071)\n"
                      " [^ref-b]: [Cruise](https://www.reuters.com/business/autos/cruise-2023-10-24/)\n"
                      " \n"
                      "-[^ref-c]: [YaRN, the PDF](https://arxiv.org/pdf/2309.00071v2)\n"
                      "-    <https://arxiv.org/abs/2309.00071v1>\n"
                      "-\n"
                      "-[^ref-d]: [Cruise again](http://reuters.com/business/autos/cruise-2023-10-24?utm_source=x#top)\n"
                      " [^ref-e]: [YaRN](https://arxiv.org/abs/2309.00071), whose table 5 says the opposite.\n");
  EXPECT_EQ(diff.err, "refs: note: p.md:11: [^ref-c] cites the same work as [^ref-a] (line 8)\n"
                      "refs: note: p.md:14: [^ref-d] cites the same work as [^ref-b] (line 9)\n"
                      "refs: note: p.md:15: [^ref-e] cites the same work as [^ref-a] (line 8) but says more; left as it is\n");
  EXPECT_EQ(slurp(m_dir / "p.md"), k_planted) << "without --write the post is not touched";

  ASSERT_EQ(::chmod((m_dir / "p.md").c_str(), 0640), 0);
  const RunResult written = run({"dedupe", "--post", "p.md", "--write"});
  EXPECT_EQ(written.exit_code, 0);
  EXPECT_EQ(written.out, "");
  EXPECT_EQ(slurp(m_dir / "p.md"), k_joined);
  struct stat st {};
  ASSERT_EQ(::stat((m_dir / "p.md").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0640u);

  const RunResult again = run({"dedupe", "--post", "p.md", "--write"});
  EXPECT_EQ(again.err, "refs: note: p.md:11: [^ref-e] cites the same work as [^ref-a] (line 8) but says more; left as it is\n"
                       "refs: note: p.md: no footnote to join\n");
  EXPECT_EQ(slurp(m_dir / "p.md"), k_joined);
}

TEST_F(CliDedupe, LineEndsAndByteOrderMarkSurviveTheRewrite) {
  m_dir.write("crlf.md", "\xEF\xBB\xBFText[^a] and[^b].\r\n\r\n[^a]: [T](https://example.com/t)\r\n"
                         "[^b]: [T again](https://www.example.com/t/)\r\n");
  ASSERT_EQ(run({"dedupe", "--post", "crlf.md", "--write"}).exit_code, 0);
  EXPECT_EQ(slurp(m_dir / "crlf.md"), "\xEF\xBB\xBFText[^a] and[^a].\r\n\r\n[^a]: [T](https://example.com/t)\r\n");
}

TEST_F(CliDedupe, AMissingPostIsAnErrorNamingIt) {
  const RunResult r = run({"dedupe", "--post", "nope.md"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "refs: error: nope.md: cannot read: no such file or directory\n");
}

TEST_F(CliDedupe, ApplyJoinsWhatCorrectionsShowToBeOneAndUndoSeparatesThem) {
  m_dir.write("c.md", "Two copies[^x][^y].\n\n"
                      "[^x]: [Scaling study](https://blog.example.com/2023/scaling-study)\n"
                      "[^y]: [Scaling study mirror](https://mirror.example.org/papers/scaling)\n");
  ASSERT_EQ(run({"resolve", "c.md"}).exit_code, 0);
  ASSERT_EQ(run({"set", "examplescaling", "title=Scaling Laws for Neural Language Models", "author=Kaplan, Jared",
                 "issued=2020", "type=report"}).exit_code, 0);
  ASSERT_EQ(run({"set", "examplescalinga", "title=Scaling laws for neural language models.", "author=Kaplan, J.",
                 "issued=2020-01", "type=report"}).exit_code, 0);
  const std::string before = run({"list"}).out;
  EXPECT_EQ(before, "examplescaling   report  2020  1  Scaling Laws for Neural Language Models\n"
                    "examplescalinga  report  2020  1  Scaling laws for neural language models.\n");

  const RunResult dry = run({"dedupe"});
  EXPECT_EQ(dry.exit_code, 0);
  EXPECT_EQ(dry.out, "examplescaling     2020  kept                                                                      Scaling Laws for Neural Language Models\n"
                     "  examplescalinga  2020  same title, first author and year (similarity 1.000) with examplescaling  Scaling laws for neural language models.\n"
                     "\n");
  EXPECT_EQ(dry.err, "refs: note: 1 group of citations that are one work; `refs dedupe --apply` joins 1 citation "
                     "into the oldest of its group\n");
  EXPECT_EQ(run({"list"}).out, before) << "a dry run changes nothing";
  const auto groups = nlohmann::json::parse(run({"dedupe", "--json"}).out);
  EXPECT_EQ(groups.dump(), "[{\"keep\":\"examplescaling\",\"members\":[{\"key\":\"examplescaling\",\"title\":\"Scaling Laws for "
                           "Neural Language Models\",\"year\":2020},{\"detail\":\"\",\"key\":\"examplescalinga\",\"rule\":"
                           "\"title-author-year\",\"score\":1.0,\"title\":\"Scaling laws for neural language models.\","
                           "\"with\":\"examplescaling\",\"year\":2020}]}]");

  const RunResult applied = run({"dedupe", "--apply"});
  EXPECT_EQ(applied.exit_code, 0);
  EXPECT_EQ(applied.out, "merge 1: joined examplescalinga into examplescaling (same title, first author and year "
                         "(similarity 1.000))\n");
  EXPECT_EQ(run({"list"}).out, "examplescaling  report  2020  1  Scaling Laws for Neural Language Models\n");
  // The absorbed key still names the work: show, export and citing use it.
  EXPECT_EQ(run({"show", "examplescalinga"}).out.substr(0, 65), "key:             examplescaling\n"
                                                              "former key:      examplescalinga\n");
  const std::string bib = run({"export", "examplescalinga"}).out;
  EXPECT_NE(bib.find("{examplescaling,\n  title = {Scaling Laws for Neural Language Models},"), std::string::npos) << bib;
  EXPECT_EQ(run({"dedupe", "--history"}).out,
            "merge 1  2025-11-27T00:00:00Z  examplescaling <- examplescalinga (same title, first author and year "
            "(similarity 1.000))\n");

  // A citation made after the merge never takes the absorbed entry's row id.
  m_dir.write("d.md", "New[^n].\n\n[^n]: [Another page](https://other.example.net/2024/another-page)\n");
  ASSERT_EQ(run({"resolve", "d.md"}).exit_code, 0);
  const RunResult undone = run({"dedupe", "--undo", "1"});
  EXPECT_EQ(undone.exit_code, 0);
  EXPECT_EQ(undone.err, "refs: note: undid merge 1: examplescaling, examplescalinga are separate citations again\n");
  EXPECT_EQ(run({"list"}).out, "exampleanother   webpage  -     1  Another page\n"
                               "examplescaling   report   2020  1  Scaling Laws for Neural Language Models\n"
                               "examplescalinga  report   2020  1  Scaling laws for neural language models.\n");
  EXPECT_EQ(run({"show", "examplescalinga"}).out.substr(0, 33), "key:             examplescalinga\n");
  const RunResult twice = run({"dedupe", "--undo", "1"});
  EXPECT_EQ(twice.exit_code, 1);
  EXPECT_EQ(twice.err, "refs: error: lib.sqlite: cannot undo merge 1: it was undone already, at 2025-11-27T00:00:00Z\n");
  const RunResult unknown = run({"dedupe", "--undo", "7"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_EQ(unknown.err, "refs: error: lib.sqlite: cannot undo merge 7: no such merge (`refs dedupe --history` lists them)\n");
  // Applying again after the undo joins them again, as merge 2.
  EXPECT_EQ(run({"dedupe", "--apply"}).out.substr(0, 8), "merge 2:");
}

TEST_F(CliDedupe, UndoRefusesToLoseALaterCorrectionUnlessForced) {
  m_dir.write("c.md", "Two copies[^x][^y].\n\n"
                      "[^x]: [Study](https://blog.example.com/2023/scaling-study)\n"
                      "[^y]: [Study mirror](https://mirror.example.org/papers/scaling)\n");
  ASSERT_EQ(run({"resolve", "c.md"}).exit_code, 0);
  for (const char* key : {"examplestudy", "examplestudya"}) {
    ASSERT_EQ(run({"set", key, "title=Scaling Laws for Neural Language Models", "author=Kaplan, Jared", "issued=2020"}).exit_code, 0);
  }
  ASSERT_EQ(run({"dedupe", "--apply"}).exit_code, 0);
  // A day later the writer corrects the joined entry.
  const RunResult set = run_refs(m_dir.path(), {"--db", "lib.sqlite", "--offline", "set", "examplestudy", "publisher=OpenAI"},
                                 {"SOURCE_DATE_EPOCH=1764288000"});
  ASSERT_EQ(set.exit_code, 0) << set.err;
  const RunResult refused = run({"dedupe", "--undo", "1"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_EQ(refused.err, "refs: error: lib.sqlite: cannot undo merge 1: examplestudy changed since (at "
                         "2025-11-28T00:00:00Z); undoing would lose that change (--force undoes anyway)\n");
  EXPECT_EQ(run({"list"}).out, "examplestudy  webpage  2020  1  Scaling Laws for Neural Language Models\n");
  EXPECT_EQ(run({"dedupe", "--undo", "1", "--force"}).exit_code, 0);
  EXPECT_EQ(run({"list"}).out, "examplestudy   webpage  2020  1  Scaling Laws for Neural Language Models\n"
                               "examplestudya  webpage  2020  1  Scaling Laws for Neural Language Models\n");
}

TEST_F(CliDedupe, UndoingAnOlderMergeWaitsForTheLaterOneOnTheSameEntry) {
  m_dir.write("c.md", "Three copies[^x][^y][^z].\n\n"
                      "[^x]: [Study](https://blog.example.com/2023/scaling-study)\n"
                      "[^y]: [Study mirror](https://mirror.example.org/papers/scaling)\n"
                      "[^z]: [Study copy](https://copy.example.net/scaling)\n");
  ASSERT_EQ(run({"resolve", "c.md"}).exit_code, 0);
  for (const char* key : {"examplestudy", "examplestudya"}) {
    ASSERT_EQ(run({"set", key, "title=Scaling Laws for Neural Language Models", "author=Kaplan, Jared", "issued=2020"}).exit_code, 0);
  }
  ASSERT_EQ(run({"dedupe", "--apply"}).exit_code, 0);
  ASSERT_EQ(run({"set", "examplestudyb", "title=Scaling Laws for Neural Language Models", "author=Kaplan, Jared", "issued=2020"}).exit_code, 0);
  ASSERT_EQ(run({"dedupe", "--apply"}).out.substr(0, 8), "merge 2:");
  const RunResult blocked = run({"dedupe", "--undo", "1"});
  EXPECT_EQ(blocked.exit_code, 1);
  EXPECT_EQ(blocked.err, "refs: error: lib.sqlite: cannot undo merge 1: merge 2 joined examplestudy with more entries since; undo it first\n");
  EXPECT_EQ(run({"dedupe", "--undo", "2"}).exit_code, 0);
  EXPECT_EQ(run({"dedupe", "--undo", "1"}).exit_code, 0);
  EXPECT_EQ(run({"list"}).out, "examplestudy   webpage  2020  1  Scaling Laws for Neural Language Models\n"
                               "examplestudya  webpage  2020  1  Scaling Laws for Neural Language Models\n"
                               "examplestudyb  webpage  2020  1  Scaling Laws for Neural Language Models\n");
}

} // namespace
} // namespace refs::testing
