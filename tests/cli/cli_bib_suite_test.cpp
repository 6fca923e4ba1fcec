// End-to-end: `refs import` of the .bib files other tools write, one test
// per class of failure found on 563 real files (tests/fixtures/bibsuite/
// repro/, each file saying at its top what used to go wrong).
#include "tests/support/refs_runner.hpp"
#include "tests/support/temp_dir.hpp"

#include <SQLiteCpp/Database.h>

#include <gtest/gtest.h>

namespace refs::testing {
namespace {

const std::string k_repro = std::string(REFS_SOURCE_DIR) + "/tests/fixtures/bibsuite/repro/";

class CliBibSuite : public ::testing::Test {
protected:
  RunResult run(std::vector<std::string> args, const std::string& db = "lib.sqlite") {
    args.insert(args.begin(), {"--db", db, "--offline"});
    return run_refs(m_dir.path(), args);
  }
  /// Imports a reproducer into its own library; returns what refs printed.
  RunResult import(const std::string& name, const std::string& db = "lib.sqlite") {
    m_dir.write(name, slurp(k_repro + name));
    return run({"import", name}, db);
  }

  TempDir m_dir;
};

// An empty name is left out with a warning at its line; the library stays
// readable, and an entry that touches the same record later joins it.
TEST_F(CliBibSuite, EmptyNamesAreLeftOutAndTheLibraryStaysReadable) {
  RunResult r = import("01a-empty-name-poisons-library.bib");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "refs: warning: 01a-empty-name-poisons-library.bib:7: author: no family name in '\\Thanh'; name "
                   "left out\n"
                   "refs: note: 01a-empty-name-poisons-library.bib: 2 entries: 2 new, 0 merged into the library, 0 known\n");
  EXPECT_EQ(run({"list"}).out, "Knuth1984  article-journal  1984  0  Literate Programming\n"
                               "Thanh2008  article-journal  2008  0  Font-specific issues in pdfTeX\n");
  EXPECT_EQ(run({"export", "Thanh2008"}).out, "@article{Thanh2008,\n"
                                              "  title = {Font-specific issues in pdf{\\TeX}},\n"
                                              "  journal = {TUGboat},\n"
                                              "  year = {2008},\n"
                                              "}\n");
  r = import("01b-empty-name-whole-file-abort.bib", "b.sqlite");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "refs: warning: 01b-empty-name-whole-file-abort.bib:5: author: no family name in ','; name left out\n"
                   "refs: note: 01b-empty-name-whole-file-abort.bib:7: a and b are one work (same DOI 10.1000/abc): "
                   "joined as a; `refs dedupe --undo 1` separates them\n"
                   "refs: note: 01b-empty-name-whole-file-abort.bib: 3 entries: 2 new, 1 merged into the library, 0 known\n");
  EXPECT_EQ(run({"list"}, "b.sqlite").out, "a  article-journal  2008  0  Some title here\n"
                                           "c  article-journal  2007  0  Unrelated fine entry\n");
}

// A join during import is a merge like dedupe's: listed, and undone.
TEST_F(CliBibSuite, JoinsDuringImportAreRecordedAndUndone) {
  ASSERT_EQ(import("01b-empty-name-whole-file-abort.bib").exit_code, 0);
  const std::string history = run({"dedupe", "--history"}).out;
  EXPECT_NE(history.find("a <- b (same DOI 10.1000/abc)"), std::string::npos) << history;
  const RunResult undo = run({"dedupe", "--undo", "1"});
  EXPECT_EQ(undo.exit_code, 0) << undo.err;
  EXPECT_EQ(run({"list"}).out, "a  article-journal  2008  0  Some title here\n"
                               "b  article-journal  2008  0  Some title here\n"
                               "c  article-journal  2007  0  Unrelated fine entry\n");
}

TEST_F(CliBibSuite, NameListsMeanWhatBibtexReadsAndRoundTrip) {
  ASSERT_EQ(import("06-name-lists.bib").exit_code, 0);
  const std::string bib = run({"export", "--bibtex"}).out;
  for (const char* authors : {"Smith, John and Brown, Terry", "Geelhaar, Lutz and Brandt, {and} Oliver",
                              "de Brown, Brian", "Smith, John and others", "Doe, Jr., John"}) {
    EXPECT_NE(bib.find(std::string("  author = {") + authors + "},\n"), std::string::npos) << authors << "\n" << bib;
  }
  const std::string csl = run({"export", "--csl-json", "n4", "n5"}).out;
  EXPECT_NE(csl.find("{\n        \"literal\": \"others\"\n      }"), std::string::npos) << csl;
  EXPECT_NE(csl.find("\"family\": \"Doe\",\n        \"given\": \"John\",\n        \"suffix\": \"Jr.\""), std::string::npos)
      << csl;
  EXPECT_EQ(run({"export", "--markdown", "n4", "n5"}).out, "[^n4]: John Smith et al. Name list four. J, 2001.\n"
                                                           "[^n5]: John Doe Jr. Name list five. J, 2001.\n");
  for (const char* format : {"--bibtex", "--biblatex", "--csl-json"}) {
    const std::string first = run({"export", format}).out;
    m_dir.write("again.txt", first);
    const std::string db = std::string("again") + format + ".sqlite";
    ASSERT_EQ(run({"import", "again.txt"}, db).exit_code, 0) << format;
    EXPECT_EQ(run({"export", format}, db).out, first) << format;
  }
}

// Works that share a title, URL or DOI but not their volume, issue, pages
// or title stay two; those sharing a URL or DOI are named in a warning.
TEST_F(CliBibSuite, WorksThatDifferAreNeverJoined) {
  RunResult r = import("02a-same-title-different-issue-merged.bib", "a.sqlite");
  EXPECT_EQ(r.err, "refs: note: 02a-same-title-different-issue-merged.bib: 2 entries: 2 new, 0 merged into the library, "
                   "0 known\n");
  EXPECT_EQ(run({"list"}, "a.sqlite").out, "Price:TB3-1-33  article-journal  1982  0  Editor's introduction\n"
                                           "Price:TB3-2-27  article-journal  1982  0  Editor's introduction\n");
  r = import("02b-same-url-different-chapters-merged.bib", "b.sqlite");
  EXPECT_EQ(r.err, "refs: warning: 02b-same-url-different-chapters-merged.bib:11: Latour1992 and Law1992 have the same "
                   "URL https://halshs.archives-ouvertes.fr/halshs-00081748 but differ in first page (225, 21): kept "
                   "apart\n"
                   "refs: note: 02b-same-url-different-chapters-merged.bib: 2 entries: 2 new, 0 merged into the library, "
                   "0 known\n");
  r = import("02c-same-url-article-retitled-by-webpage.bib", "c.sqlite");
  EXPECT_EQ(r.err, "refs: warning: 02c-same-url-article-retitled-by-webpage.bib:11: ClinicalKey and Vallgarda2012 have "
                   "the same URL https://example.org/content/1-s2.0-S0168851011002405 but differ in title: kept apart\n"
                   "refs: note: 02c-same-url-article-retitled-by-webpage.bib: 2 entries: 2 new, 0 merged into the "
                   "library, 0 known\n");
  EXPECT_EQ(run({"list"}, "c.sqlite").out,
            "ClinicalKey    webpage          -     0  ClinicalKey\n"
            "Vallgarda2012  article-journal  2012  0  Nudge: A New and Better Way to Improve Health?\n");
  r = import("02d-chapters-sharing-book-url-merged.bib", "d.sqlite");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(run({"list"}, "d.sqlite").out, "A2012  chapter  2012  0  Fleece: Imperial metabolism in the pre-Columbian Andes\n"
                                           "B2012  chapter  2012  0  Guano: The global metabolic rift and the fertilizer trade\n"
                                           "C2012  chapter  2012  0  Techno-fix: Ecological rifts and capital shifts\n");
  EXPECT_EQ(run({"dedupe", "--history"}, "d.sqlite").out, "");
  // One issue's PDF, two columns a letter apart (plk/biber tugboat.bib).
  m_dir.write("site.bib", "@article{Platt, author = {Craig Platt}, title = {{MVS site report}}, journal = {TUGboat},"
                          " volume = 11, number = 3, pages = {451--451}, year = 1990,"
                          " url = {https://tug.org/TUGboat/tb11-3/tb29site.pdf}}\n"
                          "@article{Kellerman, author = {David Kellerman}, title = {{VMS site report}}, journal = {TUGboat},"
                          " volume = 11, number = 3, pages = {451--452}, year = 1990,"
                          " url = {https://tug.org/TUGboat/tb11-3/tb29site.pdf}}\n");
  EXPECT_EQ(run({"import", "site.bib"}, "e.sqlite").err,
            "refs: warning: site.bib:2: Kellerman and Platt have the same URL https://tug.org/TUGboat/tb11-3/tb29site.pdf "
            "but differ in title: kept apart\n"
            "refs: note: site.bib: 2 entries: 2 new, 0 merged into the library, 0 known\n");
}

// Undefined macros, macros from an earlier file, % comments, free text
// after @comment, empty fields and entries without a key are read as
// BibTeX and biber read them: nothing is skipped.
TEST_F(CliBibSuite, WhatBibtexAndBiberReadIsRead) {
  RunResult r = import("03a-undefined-macro-skips-entry.bib", "a.sqlite");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "refs: warning: 03a-undefined-macro-skips-entry.bib:4: undefined @string macro 'jacm' in journal; "
                   "read as empty, as BibTeX does\n"
                   "refs: note: 03a-undefined-macro-skips-entry.bib: 3 entries: 3 new, 0 merged into the library, 0 known\n");
  EXPECT_NE(run({"export", "u2"}, "a.sqlite").out.find("  month = oct,\n"), std::string::npos);
  m_dir.write("defs.bib", slurp(k_repro + "03b-macros-in-other-file-defs.bib"));
  m_dir.write("uses.bib", slurp(k_repro + "03b-macros-in-other-file-uses.bib"));
  r = run({"import", "defs.bib", "uses.bib"}, "b.sqlite");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(run({"export", "m1"}, "b.sqlite").out.find("  journal = {Journal of the ACM},\n"), std::string::npos);
  r = import("04-percent-comment-in-entry.bib", "c.sqlite");
  EXPECT_EQ(r.err, "refs: note: 04-percent-comment-in-entry.bib: 3 entries: 3 new, 0 merged into the library, 0 known\n");
  EXPECT_EQ(run({"list"}, "c.sqlite").out,
            "c1  article-journal  1977  0  Résonance Magnétique Nucléaire du Lithium Interstitiel dans le Graphite\n"
            "c2  book             2001  0  Trailing comment after a field\n"
            "c3  book             2002  0  No comment\n");
  r = import("07-keyless-entries.bib", "d.sqlite");
  EXPECT_EQ(r.err, "refs: note: 07-keyless-entries.bib:4: entry without a key; imported as bareketbojmel2012keyless\n"
                   "refs: note: 07-keyless-entries.bib: 1 entry: 1 new, 0 merged into the library, 0 known\n");
  EXPECT_EQ(import("07-keyless-entries.bib", "d.sqlite").err,
            "refs: note: 07-keyless-entries.bib:4: entry without a key; it is bareketbojmel2012keyless\n"
            "refs: note: 07-keyless-entries.bib: 1 entry: 0 new, 0 merged into the library, 1 known\n");
  r = import("11-comment-and-empty-field.bib", "e.sqlite");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(run({"list"}, "e.sqlite").out, "Schubert:76  article-journal  1976  0  Extending the expressive power of "
                                           "semantic networks\n"
                                           "TBD          report           -     0  Report number 2PTE3\n");
}

TEST_F(CliBibSuite, PublishedArticlesKeepTheirJournalAndTheirEprint) {
  ASSERT_EQ(import("05-article-with-arxiv-eprint.bib").exit_code, 0);
  EXPECT_EQ(run({"export", "--bibtex"}).out, "@article{Bisht_2010,\n"
                                             "  title = {Anomalous magnetic behavior of {CuO} nanoparticles},\n"
                                             "  author = {Bisht, V. and Rajeev, K. P. and Banerjee, S.},\n"
                                             "  journal = {Solid State Communications},\n"
                                             "  year = {2010},\n"
                                             "  month = may,\n"
                                             "  volume = {150},\n"
                                             "  pages = {884--887},\n"
                                             "  eprint = {0911.1838},\n"
                                             "  archivePrefix = {arXiv},\n"
                                             "  doi = {10.1016/j.ssc.2010.01.048},\n"
                                             "}\n");
  const std::string biblatex = run({"export", "--biblatex"}).out;
  EXPECT_TRUE(biblatex.starts_with("@article{Bisht_2010,\n")) << biblatex;
  EXPECT_NE(biblatex.find("  eprinttype = {arxiv},\n  eprint = {0911.1838},\n"), std::string::npos) << biblatex;
}

// A file's own export, imported again, finds every work; so does the file.
TEST_F(CliBibSuite, ImportingAgainAddsNothing) {
  ASSERT_EQ(import("08a-reimport-untitled-duplicates.bib").exit_code, 0);
  ASSERT_EQ(import("08b-doi-prefix-reimport.bib").exit_code, 0);
  EXPECT_NE(run({"export", "Yang_2006"}).out.find("  doi = {10.1016/j.materresbull.2006.01.004},\n"), std::string::npos);
  m_dir.write("export.bib", run({"export", "--bibtex"}).out);
  EXPECT_EQ(run({"import", "export.bib", "08a-reimport-untitled-duplicates.bib", "08b-doi-prefix-reimport.bib"}).err,
            "refs: note: export.bib: 2 entries: 0 new, 0 merged into the library, 2 known\n"
            "refs: note: 08a-reimport-untitled-duplicates.bib: 1 entry: 0 new, 0 merged into the library, 1 known\n"
            "refs: note: 08b-doi-prefix-reimport.bib: 1 entry: 0 new, 0 merged into the library, 1 known\n");
  // Two DOIs in one field: the first is the DOI, the second an identifier too.
  m_dir.write("two.bib", "@article{two, title={Two DOIs}, author={Roe, Jane}, journal={J}, year=2020,"
                         " doi={https://doi.org/10.1000/ABC, 10.2000/xyz}}\n");
  ASSERT_EQ(run({"import", "two.bib"}).exit_code, 0);
  const std::string shown = run({"show", "two"}).out;
  EXPECT_NE(shown.find("DOI:             10.1000/ABC  [import]\n"
                       "identifier:      doi 10.1000/abc\n"
                       "identifier:      doi 10.2000/xyz\n"),
            std::string::npos)
      << shown;
}

// Entry subtypes, editor types and the fields no CSL field holds come back
// out; each type keeps its BibLaTeX kind.
TEST_F(CliBibSuite, ExportKeepsWhatTellsWorksApart) {
  ASSERT_EQ(import("09-video-subtypes-roundtrip.bib").exit_code, 0);
  EXPECT_EQ(run({"export", "--biblatex", "forman1975-tv"}).out, "@video{forman1975-tv,\n"
                                                                "  title = {One Flew over the Cuckoo's Nest},\n"
                                                                "  editor = {Forman, Miloš},\n"
                                                                "  organization = {United Artists},\n"
                                                                "  date = {1975},\n"
                                                                "  editortype = {director},\n"
                                                                "  entrysubtype = {tvbroadcast},\n"
                                                                "}\n");
  m_dir.write("export.bib", run({"export", "--bibtex"}).out);
  EXPECT_EQ(run({"import", "export.bib"}, "again.sqlite").err,
            "refs: note: export.bib: 2 entries: 2 new, 0 merged into the library, 0 known\n");
  m_dir.write("kinds.bib", "@patent{p, title={A Patent}, author={Doe, J}, year=2020, number={US 123},"
                           " file={:p.pdf:PDF}, keywords={a, b}, issn={1234-5678}, numpages={12}}\n"
                           "@unpublished{u, title={A Draft}, author={Doe, J}, note={In preparation}}\n"
                           "@misc{m, title={A Thing}, author={Doe, J}}\n");
  ASSERT_EQ(run({"import", "kinds.bib"}).exit_code, 0);
  EXPECT_EQ(run({"export", "--biblatex", "p", "u", "m"}).out, "@misc{m,\n"
                                                              "  title = {A Thing},\n"
                                                              "  author = {Doe, J},\n"
                                                              "}\n\n"
                                                              "@patent{p,\n"
                                                              "  title = {A Patent},\n"
                                                              "  author = {Doe, J},\n"
                                                              "  date = {2020},\n"
                                                              "  number = {US 123},\n"
                                                              "  file = {:p.pdf:PDF},\n"
                                                              "  issn = {1234-5678},\n"
                                                              "  keywords = {a, b},\n"
                                                              "}\n\n"
                                                              "@unpublished{u,\n"
                                                              "  title = {A Draft},\n"
                                                              "  author = {Doe, J},\n"
                                                              "  note = {In preparation},\n"
                                                              "}\n");
  EXPECT_NE(run({"export", "--bibtex", "p"}).out.find("  numpages = {12},\n"), std::string::npos)
      << "BibTeX keeps a field biber's data model lacks";
  m_dir.write("abstract.bib", "@article{ab, title={T}, author={A, B}, journal={J}, year=2020, abstract={What it says.},"
                              " language={german}, isbn={978-3-16-148410-0}}\n");
  ASSERT_EQ(run({"import", "abstract.bib"}).exit_code, 0);
  EXPECT_EQ(run({"export", "ab"}).out, "@article{ab,\n"
                                       "  title = {T},\n"
                                       "  author = {A, B},\n"
                                       "  journal = {J},\n"
                                       "  year = {2020},\n"
                                       "  isbn = {978-3-16-148410-0},\n"
                                       "  language = {german},\n"
                                       "  abstract = {What it says.},\n"
                                       "}\n");
}

// Math prints in BibTeX as the source printed it, and reads as text in
// CSL-JSON and Markdown.
TEST_F(CliBibSuite, MathInTitles) {
  ASSERT_EQ(import("10-math-in-title.bib").exit_code, 0);
  const std::string bib = run({"export", "--bibtex"}).out;
  for (const char* title : {"Superfluidit\\'e excitonique dans {Cu$_2$O}", "Fixed Genus Embedding in {$O(n^4)$} Time",
                            "Competition between \\ch{Li^{+}} and \\ch{Mg^{2+}} for \\ch{ATP}"}) {
    EXPECT_NE(bib.find(std::string("  title = {") + title + "},\n"), std::string::npos) << title << "\n" << bib;
  }
  EXPECT_EQ(run({"export", "--markdown"}).out,
            "[^m1]: A. Mysyrowicz. Superfluidité excitonique dans Cu₂O. J, 1993.\n"
            "[^m2]: D. Archdeacon. Fixed Genus Embedding in O(n⁴) Time. 1988. In preparation.\n"
            "[^m3]: Aida Abraha. Competition between Li⁺ and Mg²⁺ for ATP. J. Inorg. Biochem., 1991.\n");
  // A title set by hand is the title: its old LaTeX goes.
  ASSERT_EQ(run({"set", "m1", "title=Excitons in Cu2O"}).exit_code, 0);
  EXPECT_NE(run({"export", "m1"}).out.find("  title = {Excitons in {Cu2O}},\n"), std::string::npos);
}

// Declared encodings are read; an undeclared one is named, not guessed.
TEST_F(CliBibSuite, EncodingsFilesDeclare) {
  m_dir.write("jabref.bib", "% Encoding: windows-1252\n\n@article{k, author = {M\xFCller, J\xF6rg}, title = {Caf\xE9}}\n");
  std::string utf16 = "\xFF\xFE";
  for (char c : std::string("@misc{u, title = {\xC3\x9C}}\n")) {
    utf16 += c;
    utf16 += '\0';
  }
  utf16.replace(utf16.find(std::string("\xC3\0\x9C\0", 4)), 4, std::string("\xDC\0", 2)); // Ü as one UTF-16 unit
  m_dir.write("utf16.bib", utf16);
  m_dir.write("emacs.bib", "% -*- coding: latin-1 -*-\n@misc{e, title = {\xC9t\xE9}}\n");
  RunResult r = run({"import", "jabref.bib", "utf16.bib", "emacs.bib"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(run({"list"}).out, "e  document         -  0  Été\n"
                               "k  article-journal  -  0  Café\n"
                               "u  document         -  0  Ü\n");
  EXPECT_NE(run({"export", "k"}).out.find("  author = {Müller, Jörg},\n"), std::string::npos);
  m_dir.write("plain.bib", "@article{p, author = {M\xFCller, Hans}, title = {Die Gr\xFC\xDF"
                           "e der Stra\xDF"
                           "en}}\n");
  r = run({"import", "plain.bib"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "refs: error: plain.bib: not UTF-8 (byte 23); it looks like ISO-8859-1: convert it first, e.g. iconv "
                   "-f ISO-8859-1 -t utf-8\n");
}

// A record damaged in the file fails only its own citation.
TEST_F(CliBibSuite, ADamagedRecordFailsOnlyItsCitation) {
  ASSERT_EQ(import("06-name-lists.bib").exit_code, 0);
  {
    SQLite::Database db((m_dir.path() / "lib.sqlite").string(), SQLite::OPEN_READWRITE);
    db.exec("UPDATE citations SET record = replace(record, '\"family\":\"Brown\"', '\"x\":\"y\"') WHERE key = 'n1'");
  }
  const std::string damaged = "refs: error: lib.sqlite: citation n1: stored record is damaged: author: a name needs "
                              "\"family\" or \"literal\"; left out\n";
  RunResult r = run({"list"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, damaged);
  EXPECT_EQ(r.out, "n2  article-journal  2001  0  Name list two\n"
                   "n3  article-journal  2001  0  Name list three\n"
                   "n4  article-journal  2001  0  Name list four\n"
                   "n5  article-journal  2001  0  Name list five\n");
  r = run({"export", "--bibtex"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, damaged);
  EXPECT_TRUE(r.out.starts_with("@article{n2,\n")) << r.out;
  r = run({"export", "n1", "n5"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(r.out.starts_with("@article{n5,\n")) << r.out;
  const RunResult dedupe = run({"dedupe"});
  EXPECT_EQ(dedupe.exit_code, 0) << dedupe.err;
  m_dir.write("more.bib", "@article{n1, title = {Another work}, year = 2001}\n");
  r = run({"import", "more.bib"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "refs: note: more.bib:1: key n1 names another work in the library; imported as n1a\n"
                   "refs: note: more.bib: 1 entry: 1 new, 0 merged into the library, 0 known\n");
}

} // namespace
} // namespace refs::testing
