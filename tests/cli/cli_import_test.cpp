// End-to-end: `refs import` of BibTeX, BibLaTeX and CSL-JSON through the
// built binary: round trips, bad entries, and the dedupe on insert.
#include "tests/support/refs_runner.hpp"
#include "tests/support/temp_dir.hpp"

#include <algorithm>

#include <gtest/gtest.h>

namespace refs::testing {
namespace {

class CliImport : public ::testing::Test {
protected:
  RunResult run(std::vector<std::string> args, const std::string& db = "lib.sqlite") {
    args.insert(args.begin(), {"--db", db, "--offline"});
    return run_refs(m_dir.path(), args);
  }

  TempDir m_dir;
};

const std::string k_corpus = std::string(REFS_SOURCE_DIR) + "/tests/fixtures/bibtex/corpus.bib";

// Import → export → import → export gives the same file, in every format:
// nothing read is lost or changed by writing it back.
TEST_F(CliImport, ImportExportImportIsAFixedPoint) {
  const RunResult imported = run({"import", k_corpus});
  EXPECT_EQ(imported.exit_code, 0);
  EXPECT_EQ(imported.err, "refs: note: " + k_corpus + ": 63 entries: 63 new, 0 merged into the library, 0 known\n");
  for (const char* format : {"--bibtex", "--biblatex", "--csl-json"}) {
    const std::string first = run({"export", format}).out;
    const std::string name = std::string("round") + format + ".txt";
    m_dir.write(name, first);
    const std::string db = std::string("again") + format + ".sqlite";
    ASSERT_EQ(run({"import", name}, db).exit_code, 0) << format;
    EXPECT_EQ(run({"export", format}, db).out, first) << format;
  }
  const std::string bib = run({"export", "brooks1995mythical"}).out;
  EXPECT_NE(bib.find("  author = {Brooks, Jr., Frederick P.},\n"), std::string::npos) << bib;
  // A master's thesis stays one, in either dialect.
  EXPECT_TRUE(run({"export", "dvorak2022morphology"}).out.starts_with("@mastersthesis{dvorak2022morphology,\n"));
  const std::string thesis = run({"export", "--biblatex", "linnainmaa1970algoritmin"}).out;
  EXPECT_TRUE(thesis.starts_with("@thesis{linnainmaa1970algoritmin,\n")) << thesis;
  EXPECT_NE(thesis.find("  type = {mathesis},\n"), std::string::npos) << thesis;
}

// Every entry is known the second time, even those no rule can match
// (okatani2015deep: a four-letter Japanese title, no identifier, no URL).
TEST_F(CliImport, ImportingAFileAgainChangesNothing) {
  ASSERT_EQ(run({"import", k_corpus}).exit_code, 0);
  const std::string before = run({"export", "--csl-json"}).out;
  const RunResult again = run({"import", k_corpus});
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_EQ(again.err, "refs: note: " + k_corpus + ": 63 entries: 0 new, 0 merged into the library, 63 known\n");
  EXPECT_EQ(run({"export", "--csl-json"}).out, before);
  // The same key for another work is not that work.
  m_dir.write("other.bib", "@book{okatani2015deep, title = {深層学習 第2版}, year = 2022}\n");
  EXPECT_EQ(run({"import", "other.bib"}).err,
            "refs: note: other.bib:1: key okatani2015deep names another work in the library; imported as okatani2015deepa\n"
            "refs: note: other.bib: 1 entry: 1 new, 0 merged into the library, 0 known\n");
}

TEST_F(CliImport, BadEntriesAreReportedAndTheRestImported) {
  m_dir.write("refs.bib", "@misc{ok1, title={One good entry}}\n"
                          "@misc{bad1, title={unbalanced}\n"
                          "@misc{bad2 journal = {J}}\n"
                          "@misc{ok2, title=\"Two\"}\n");
  const RunResult r = run({"import", "refs.bib"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "refs: error: refs.bib:2: expected ',' or the end of the entry; entry skipped\n"
                   "refs: error: refs.bib:3: expected ',' or the end of the entry; entry skipped\n"
                   "refs: note: refs.bib: 2 entries: 2 new, 0 merged into the library, 0 known; 2 skipped\n");
  EXPECT_EQ(run({"list"}).out, "ok1  document  -  0  One good entry\n"
                               "ok2  document  -  0  Two\n");
  const RunResult missing = run({"import", "nope.bib"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(missing.err, "refs: error: nope.bib: cannot read: no such file or directory\n");
}

// More entries than one batch of the reading thread (2,048): every batch is
// stored, in order, and a bad entry or a note in a later batch is reported
// with its line.
TEST_F(CliImport, ALargeFileIsImportedBatchByBatch) {
  std::string bib;
  for (int n = 1; n <= 5000; ++n) {
    const std::string key = n == 4500 ? "it's4500" : 'w' + std::to_string(n);
    bib += "@misc{" + key + (n == 3001 ? " title" : ", title") + " = {Work " + std::to_string(n) + " on tides}" +
           ", year = {2020}}\n";
  }
  m_dir.write("big.bib", bib);
  const RunResult r = run({"import", "big.bib"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "refs: error: big.bib:3001: expected ',' or the end of the entry; entry skipped\n"
                   "refs: note: big.bib:4500: key 'it's4500' cannot be written back in BibTeX; imported as it_s4500\n"
                   "refs: note: big.bib: 4999 entries: 4999 new, 0 merged into the library, 0 known; 1 skipped\n");
  const std::string listed = run({"list"}).out;
  EXPECT_EQ(std::count(listed.begin(), listed.end(), '\n'), 4999);
  EXPECT_EQ(listed.find("Work 3001 "), std::string::npos);
  // Both sides of each batch boundary, and the last entry, under their keys.
  const RunResult some = run({"export", "--csl-json", "w1", "w2048", "w2049", "w4096", "w4097", "it_s4500", "w5000"});
  EXPECT_EQ(some.exit_code, 0) << some.err;
  for (const char* title : {"Work 1 on tides", "Work 2048 on tides", "Work 2049 on tides", "Work 4096 on tides",
                            "Work 4097 on tides", "Work 4500 on tides", "Work 5000 on tides"}) {
    EXPECT_NE(some.out.find(std::string("\"title\": \"") + title + "\""), std::string::npos) << title;
  }
}

TEST_F(CliImport, AnEntryForAStoredWorkJoinsItAndItsKeyKeepsWorking) {
  m_dir.write("post.md", "YaRN[^y].\n\n[^y]: [YaRN](https://arxiv.org/abs/2309.00071)\n");
  ASSERT_EQ(run({"resolve", "post.md"}).exit_code, 0);
  m_dir.write("mine.bib", "@misc{peng2023yarn,\n"
                          "  title = {{YaRN}: Efficient Context Window Extension of Large Language Models},\n"
                          "  author = {Peng, Bowen and Quesnelle, Jeffrey},\n"
                          "  year = {2023},\n"
                          "  eprint = {2309.00071v2},\n"
                          "  archivePrefix = {arXiv},\n"
                          "  primaryClass = {cs.CL},\n"
                          "}\n");
  const RunResult r = run({"import", "mine.bib"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "refs: note: mine.bib:1: arxiv2023yarn and peng2023yarn are one work (same arXiv id 2309.00071): "
                   "joined as peng2023yarn; `refs dedupe --undo 1` separates them\n"
                   "refs: note: mine.bib: 1 entry: 0 new, 1 merged into the library, 0 known\n");
  EXPECT_EQ(run({"list"}).out, "peng2023yarn  article  2023  1  YaRN: Efficient Context Window Extension of Large Language Models\n");
  // The file's key is in use: it replaces the provisional one, which still works.
  const RunResult shown = run({"show", "arxiv2023yarn"});
  EXPECT_TRUE(shown.out.starts_with("key:             peng2023yarn\nformer key:      arxiv2023yarn\n")) << shown.out;
  EXPECT_NE(shown.out.find("author:          Peng, Bowen and Quesnelle, Jeffrey  [import]\n"), std::string::npos) << shown.out;
  // Importing it again changes nothing.
  EXPECT_EQ(run({"import", "mine.bib"}).err, "refs: note: mine.bib: 1 entry: 0 new, 0 merged into the library, 1 known\n");
}

TEST_F(CliImport, CslJsonArrayOrSingleObject) {
  m_dir.write("one.json", R"({"id": "frank1970", "type": "article-journal", "title": "The Structure of Ordinary Water",
    "author": [{"family": "Frank", "given": "Henry S."}], "issued": {"date-parts": [[1970, 8, 7]]},
    "container-title": "Science", "DOI": "10.1126/science.169.3946.635"})");
  m_dir.write("many.csl", R"([{"id": "a", "type": "webpage", "title": "A page", "URL": "https://example.com/a"},
    {"id": "b", "type": "book", "title": "A book"}, {"type": "book"}])");
  const RunResult r = run({"import", "one.json", "many.csl"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "refs: error: many.csl: item 3: id: missing or not a string; item skipped\n"
                   "refs: note: one.json: 1 entry: 1 new, 0 merged into the library, 0 known\n"
                   "refs: note: many.csl: 2 entries: 2 new, 0 merged into the library, 0 known; 1 skipped\n");
  EXPECT_EQ(run({"list"}).out, "a          webpage          -     0  A page\n"
                               "b          book             -     0  A book\n"
                               "frank1970  article-journal  1970  0  The Structure of Ordinary Water\n");
}

// Another tool's CSL-JSON (Zotero writes a DOI as a link at times, and an
// arXiv paper's URL): a post citing those papers later finds the entries.
TEST_F(CliImport, CslJsonFromOtherToolsIsFoundByItsDoiAndUrl) {
  m_dir.write("zotero.json", R"([{"id": "schmidhuber2015", "type": "article-journal",
    "title": "Deep learning in neural networks: An overview", "DOI": "https://doi.org/10.1016/J.NEUNET.2014.09.003"},
    {"id": "peng2023", "type": "article", "title": "YaRN", "URL": "https://arxiv.org/abs/2309.00071",
     "DOI": "10.48550/arXiv.2309.00071"}])");
  ASSERT_EQ(run({"import", "zotero.json"}).exit_code, 0);
  m_dir.write("post.md", "Two[^a][^b].\n\n[^a]: [overview](https://doi.org/10.1016/j.neunet.2014.09.003)\n"
                         "[^b]: [YaRN](https://arxiv.org/pdf/2309.00071v2)\n");
  const RunResult r = run({"resolve", "post.md"});
  EXPECT_EQ(r.out, "a  schmidhuber2015  doi    stored  Deep learning in neural networks: An overview\n"
                   "b  peng2023         arxiv  stored  YaRN\n"
                   "2 references in 1 post: 1 arxiv, 1 doi; 0 new, 2 updated, 0 known\n"
                   "data from: 2 stored\n");
  const RunResult shown = run({"show", "schmidhuber2015"});
  EXPECT_NE(shown.out.find("DOI:             10.1016/J.NEUNET.2014.09.003  [import]\n"), std::string::npos) << shown.out;
  EXPECT_NE(shown.out.find("identifier:      doi 10.1016/j.neunet.2014.09.003\n"), std::string::npos) << shown.out;
  EXPECT_EQ(run({"show", "peng2023"}).out.find("identifier:      doi 10.48550"), std::string::npos);
}

TEST_F(CliImport, EightBitFilesAndUnwritableKeys) {
  m_dir.write("latin1.bib", "@misc{m, author = {M\xFCller, J}}\n");
  const RunResult latin1 = run({"import", "latin1.bib"});
  EXPECT_EQ(latin1.exit_code, 1);
  EXPECT_EQ(latin1.err, "refs: error: latin1.bib: not UTF-8 (byte 20); it looks like ISO-8859-1: convert it first, e.g. iconv "
                         "-f ISO-8859-1 -t utf-8\n");
  m_dir.write("keys.bib", "@misc(k}ey, title = {Key with a brace}, url = {https://ex\u00e4mple.com/a b})\n");
  const RunResult keys = run({"import", "keys.bib"});
  EXPECT_EQ(keys.exit_code, 0);
  EXPECT_EQ(keys.err, "refs: note: keys.bib:1: key 'k}ey' cannot be written back in BibTeX; imported as k_ey\n"
                      "refs: note: keys.bib: 1 entry: 1 new, 0 merged into the library, 0 known\n");
  const std::string ascii = run({"export", "--ascii", "k_ey"}).out;
  EXPECT_NE(ascii.find("@misc{k_ey,\n"), std::string::npos) << ascii;
  EXPECT_NE(ascii.find("  howpublished = {\\url{https://ex%C3%A4mple.com/a\\%20b}},\n"), std::string::npos) << ascii;
}

} // namespace
} // namespace refs::testing
