// End-to-end: `refs search` through the built binary, on a library of
// thirteen works in English, Korean, Japanese and Chinese
// (tests/fixtures/search/library.json) and a post that cites two of them.
#include "tests/support/refs_runner.hpp"
#include "tests/support/temp_dir.hpp"

#include <SQLiteCpp/Database.h>

#include <nlohmann/json.hpp>

#include <algorithm>

#include <gtest/gtest.h>

namespace refs::testing {
namespace {

const std::string k_library = std::string(REFS_SOURCE_DIR) + "/tests/fixtures/search/library.json";

class CliSearch : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_EQ(run({"import", k_library}).exit_code, 0);
    m_dir.write("post.md", "RoPE[^y] and DSP[^m].\n\n"
                           "[^y]: [the rope scaling trick](https://arxiv.org/abs/2309.00071)\n"
                           "[^m]: [a survey of explanation methods](https://doi.org/10.1016/j.dsp.2017.10.011)\n");
    m_dir.write("other.md", "Attention[^a].\n\n[^a]: [Attention Is All You Need](https://arxiv.org/abs/1706.03762)\n");
    ASSERT_EQ(run({"resolve", "post.md", "other.md"}).exit_code, 0);
  }

  RunResult run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", "lib.sqlite", "--offline"});
    return run_refs(m_dir.path(), args);
  }

  /// The keys `refs search --keys QUERY` prints, on one line.
  std::string keys(const std::string& query) {
    const RunResult r = run({"search", "--keys", "--limit", "0", "--", query});
    std::string out = r.out;
    std::replace(out.begin(), out.end(), '\n', ' ');
    return out.empty() ? out : out.substr(0, out.size() - 1);
  }

  TempDir m_dir;
};

TEST_F(CliSearch, FindsWordsPhrasesPrefixesAndFoldsDiacritics) {
  EXPECT_EQ(keys("muller"), "montavon2018methods");
  EXPECT_EQ(keys("Müller"), "montavon2018methods");
  EXPECT_EQ(keys("\"context window\""), "peng2023yarn");
  EXPECT_EQ(run({"search", "\"window context\""}).exit_code, 1);
  EXPECT_EQ(keys("effic*"), "tay2022efficient peng2023yarn");
  EXPECT_EQ(keys("efficien"), ""); // a word is whole unless it ends in *
  // Montavon's row also holds the post's link text: a longer row, a lower score.
  EXPECT_EQ(keys("deep -residual"), "devlin2019bert montavon2018methods");
  EXPECT_EQ(keys("reading group"), "devlin2019bert");                  // the note
  EXPECT_EQ(keys("rope scaling"), "peng2023yarn");                     // the post's link text
  EXPECT_EQ(keys("10.1145/3530811"), "tay2022efficient");              // an identifier
  EXPECT_EQ(keys("https://arxiv.org/abs/2309.00071"), "peng2023yarn"); // a URL
  EXPECT_EQ(keys("arxiv:2309.00071v2"), "peng2023yarn");               // without its version
  EXPECT_EQ(keys("montavon2018methods"), "montavon2018methods");      // a key
}

TEST_F(CliSearch, FindsKoreanJapaneseAndChineseByAnyPart) {
  EXPECT_EQ(keys("딥러닝"), "kim2021korean");
  EXPECT_EQ(keys("러닝"), "kim2021korean"); // two syllables inside a word
  EXPECT_EQ(keys("author:김"), "kim2021korean");
  EXPECT_EQ(keys("venue:학회"), "kim2021korean");
  EXPECT_EQ(keys("言語モデル"), "tanaka2022summary");
  EXPECT_EQ(keys("模型"), "wang2020segment");
  EXPECT_EQ(keys("清华"), "wang2020segment");
  EXPECT_EQ(keys("형태소 -딥러닝"), "");
  EXPECT_EQ(keys("한국어 year:2021"), "kim2021korean");
}

TEST_F(CliSearch, RanksTitleAndAuthorsAboveAbstracts) {
  const RunResult r = run({"search", "--json", "transformer*"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto hits = nlohmann::json::parse(r.out);
  ASSERT_EQ(hits.size(), 4u);
  // Two titles with "Transformers" (the shorter first), then two abstracts.
  EXPECT_EQ(hits[0]["id"], "tay2022efficient");
  EXPECT_EQ(hits[1]["id"], "devlin2019bert");
  EXPECT_EQ(hits[2]["id"], "vaswani2017attention");
  EXPECT_EQ(hits[3]["id"], "peng2023yarn");
  for (std::size_t i = 1; i < hits.size(); ++i) {
    EXPECT_GT(hits[i - 1]["custom"]["score"].get<double>(), hits[i]["custom"]["score"].get<double>());
  }
  EXPECT_EQ(hits[0]["title"], "Efficient Transformers: A Survey");
  EXPECT_EQ(hits[0]["DOI"], "10.1145/3530811");
}

TEST_F(CliSearch, FiltersByFieldYearTypeAndPost) {
  EXPECT_EQ(keys("title:deep"), "he2016residual devlin2019bert montavon2018methods");
  EXPECT_EQ(keys("author:kingma"), "kingma2015adam");
  EXPECT_EQ(keys("venue:neural year:2020-"), "brown2020language ho2020denoising");
  EXPECT_EQ(keys("year:2020"), "brown2020language ho2020denoising wang2020segment");
  EXPECT_EQ(keys("year:-2016"), "he2016residual kingma2015adam");
  EXPECT_EQ(keys("year:2019..2020 type:thesis"), "wang2020segment");
  EXPECT_EQ(keys("type:thesis type:webpage"), "script2024title wang2020segment");
  EXPECT_EQ(keys("post:post.md"), "peng2023yarn montavon2018methods");
  EXPECT_EQ(keys("post:other.md post:post.md year:2017"), "arxiv2017attention");
  EXPECT_EQ(keys("attention post:other.md"), "arxiv2017attention");
}

TEST_F(CliSearch, PrintsOneLinePerHitWithACountBeyondTheLimit) {
  const RunResult r = run({"search", "--limit", "2", "deep"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "he2016residual  2016  He et al.      -  Deep Residual Learning for Image Recognition\n"
                   "devlin2019bert  2019  Devlin et al.  -  BERT: Pre-training of Deep Bidirectional Transformers for "
                   "Language Understanding\n");
  EXPECT_EQ(r.err, "refs: note: 2 of 3 hits shown; --limit 0 shows them all\n");
  const RunResult cited = run({"search", "explanation"});
  EXPECT_EQ(cited.out, "montavon2018methods  2018  Montavon et al.  1 post  Methods for Interpreting and Understanding "
                       "Deep Neural Networks\n");
  const RunResult script = run({"search", "script"});
  EXPECT_EQ(script.out, "script2024title  2024  OWASP Foundation  -  Why <script>alert(1)</script> stays text\n");
  EXPECT_EQ(script.err, "");
}

TEST_F(CliSearch, ABadQueryIsAUsageErrorNamingItsPart) {
  const auto error = [&](const std::string& query) {
    const RunResult r = run({"search", "--", query});
    EXPECT_EQ(r.exit_code, 2) << query;
    EXPECT_EQ(r.out, "");
    return r.err.substr(0, r.err.find('\n'));
  };
  EXPECT_EQ(error("\"open"), "refs: error: search: the quote opened at character 1 is not closed");
  EXPECT_EQ(error("auther:peng"),
            "refs: error: search: auther:peng: no field auther (fields: title, author, venue, key, id, year, type, post)");
  EXPECT_EQ(error("type:journal"), "refs: error: search: type:journal: not a CSL item type (did you mean article-journal?)");
  EXPECT_EQ(error("year:20x"), "refs: error: search: year:20x: a year is written 2023, or a range 2020-2023, 2020- or -2019");
  EXPECT_EQ(error("year:2023-2020"), "refs: error: search: year:2023-2020: the range ends before it starts");
  EXPECT_EQ(error("deep OR wide"), "refs: error: search: OR: every word must match; -word leaves out what holds a word");
  EXPECT_EQ(error("-deep"), "refs: error: search: nothing to look for: give a word, a \"phrase\" or a filter such as year:2023");
  EXPECT_EQ(error("post:\"\""), "refs: error: search: post:\"\": name a post (post:notes/2023-ai.md)");
  EXPECT_EQ(error("post:nowhere.md"),
            "refs: error: search: post:nowhere.md: no such post in the library (refs resolve reads a post in)");
  // FTS5 syntax in the user's words is only text.
  EXPECT_EQ(keys("NEAR(deep residual) ^title"), "");
  EXPECT_EQ(run({"search", "nothing-like-this"}).err, "refs: note: no citation matches nothing-like-this\n");
}

/// Rows of `a` that `b` lacks, and the other way round: 0 when the index
/// holds exactly what search_source reads from the library now.
int difference(SQLite::Database& db, const std::string& a, const std::string& b) {
  return db.execAndGet("SELECT (SELECT count(*) FROM (" + a + " EXCEPT " + b + ")) + (SELECT count(*) FROM (" + b +
                       " EXCEPT " + a + "))")
      .getInt();
}

TEST_F(CliSearch, TheIndexFollowsEveryWrite) {
  // An import that joins three records of one work (a merge), and its undo.
  m_dir.write("attention.bib", "@inproceedings{attn, title = {Attention is All you Need}, author = {Vaswani, Ashish "
                               "and Shazeer, Noam and Parmar, Niki}, booktitle = {NIPS}, year = {2017}, "
                               "eprint = {1706.03762}, archivePrefix = {arXiv}}\n");
  ASSERT_EQ(run({"import", "attention.bib"}).exit_code, 0);
  EXPECT_EQ(keys("attention"), "vaswani2017attention");
  EXPECT_EQ(keys("key:arxiv2017attention"), "vaswani2017attention"); // a former key
  EXPECT_EQ(keys("attention post:other.md"), "vaswani2017attention");
  ASSERT_EQ(run({"dedupe", "--undo", "1"}).exit_code, 0);
  EXPECT_EQ(keys("attention"), "attn arxiv2017attention vaswani2017attention"); // the shortest rows first
  EXPECT_EQ(keys("attention post:other.md"), "arxiv2017attention");
  // set, a new key, rm.
  ASSERT_EQ(run({"set", "peng2023yarn", "title=Extending the Context Window of Llama"}).exit_code, 0);
  EXPECT_EQ(keys("yarn"), "");
  EXPECT_EQ(keys("llama"), "peng2023yarn");
  ASSERT_EQ(run({"set", "peng2023yarn", "key=peng2023extending"}).exit_code, 0);
  EXPECT_EQ(keys("peng2023yarn"), "peng2023extending");
  ASSERT_EQ(run({"rm", "kingma2015adam"}).exit_code, 0);
  EXPECT_EQ(keys("adam"), "");
  // A post that cites something else now: its old link text goes.
  EXPECT_EQ(keys("scaling"), "peng2023extending");
  m_dir.write("post.md", "Surveys[^y].\n\n[^y]: [efficient attention survey](https://doi.org/10.1145/3530811)\n");
  ASSERT_EQ(run({"resolve", "post.md"}).exit_code, 0);
  EXPECT_EQ(keys("survey attention"), "tay2022efficient");
  EXPECT_EQ(keys("scaling"), "");
  EXPECT_EQ(keys("explanation"), "");

  SQLite::Database db((m_dir / "lib.sqlite").string(), SQLite::OPEN_READWRITE);
  const std::string index = "SELECT rowid, title, authors, container, abstract, note, keys, ids, links FROM ";
  EXPECT_EQ(difference(db, index + "search_words", "SELECT * FROM search_source"), 0);
  EXPECT_EQ(difference(db, index + "search_grams", "SELECT * FROM search_cjk_source"), 0);
  EXPECT_EQ(db.execAndGet("SELECT group_concat(rowid) FROM search_grams").getString(), "3,4,5");
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM search_words").getInt(),
            db.execAndGet("SELECT count(*) FROM citations").getInt());
  db.exec("INSERT INTO search_words (search_words) VALUES ('integrity-check')");
  db.exec("INSERT INTO search_grams (search_grams) VALUES ('integrity-check')");
}

} // namespace
} // namespace refs::testing
