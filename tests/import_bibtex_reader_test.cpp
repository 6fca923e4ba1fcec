#include "core/import/bibtex_citation.hpp"
#include "core/import/bibtex_reader.hpp"
#include "core/import/latex_decode.hpp"

#include <gtest/gtest.h>

namespace refs::importing {
namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

TEST(BibtexReader, MacrosConcatenationBracesQuotesAndComments) {
  const BibFile file = read_bibtex("Text outside entries is a comment.\n"
                                   "@String{jmlr = \"Journal of Machine Learning Research\"}\n"
                                   "@preamble{\"\\newcommand{\\noopsort}[1]{}\"}\n"
                                   "@comment{@misc{hidden, title={no}}}\n"
                                   "@ARTICLE{a1,\n"
                                   "  Title = {The {GPT-4} Report},\n"
                                   "  journal = jmlr # { (Special)},\n"
                                   "  note = \"A {\"}quoted{\"} note\",\n"
                                   "  year = 2017, month = sep,\n"
                                   "  title = {ignored second title},\n"
                                   "}\n"
                                   "@misc(p2, author = {A and B})\n");
  ASSERT_TRUE(file.problems.empty());
  ASSERT_EQ(file.entries.size(), 2u);
  EXPECT_EQ(file.entries[0].type, "article");
  EXPECT_EQ(file.entries[0].key, "a1");
  EXPECT_EQ(file.entries[0].line, 5);
  EXPECT_EQ(file.entries[0].fields, (Fields{{"title", "The {GPT-4} Report"},
                                            {"journal", "Journal of Machine Learning Research (Special)"},
                                            {"note", "A {\"}quoted{\"} note"},
                                            {"year", "2017"},
                                            {"month", "September"}}));
  EXPECT_EQ(file.entries[1].key, "p2");
  EXPECT_EQ(file.entries[1].fields, (Fields{{"author", "A and B"}}));
}

TEST(BibtexReader, BadEntriesAreReportedWithTheirLineAndSkipped) {
  const BibFile file = read_bibtex("@misc{ok1, title={One}}\n"
                                   "@misc{bad1, title={unbalanced}\n"
                                   "@misc{bad3 title={no comma}}\n"
                                   "@misc{ok2, title=\"Two\"}\n");
  ASSERT_EQ(file.entries.size(), 2u);
  EXPECT_EQ(file.entries[0].key, "ok1");
  EXPECT_EQ(file.entries[1].key, "ok2");
  ASSERT_EQ(file.problems.size(), 2u);
  EXPECT_EQ(file.problems[0].line, 2);
  EXPECT_EQ(file.problems[0].message, "expected ',' or the end of the entry");
  EXPECT_EQ(file.problems[1].line, 3);
  EXPECT_TRUE(file.warnings.empty());
}

// What BibTeX and biber read, refs reads: undefined macros (empty, with a
// warning), full month names, `%` comments between fields and before an
// entry, free text after @comment, empty fields, entries without a key.
TEST(BibtexReader, ReadsWhatBibtexAndBiberRead) {
  const BibFile file = read_bibtex("@comment Len Schubert\n"
                                   "@misc{m, journal = nomacro # { Letters}, month = october,\n"
                                   "  % note = {commented out},\n"
                                   "  title = {T}, % the title\n"
                                   "  ,, year = 2001}\n"
                                   "%@misc{gone, title={Commented out}}\n"
                                   "@article{, title={No key}}\n"
                                   "@article{\n  author = {Doe, J}, title={No key either}}\n");
  EXPECT_TRUE(file.problems.empty());
  ASSERT_EQ(file.entries.size(), 3u);
  EXPECT_EQ(file.entries[0].fields, (Fields{{"journal", " Letters"}, {"month", "October"}, {"title", "T"}, {"year", "2001"}}));
  EXPECT_EQ(file.entries[1].key, "");
  EXPECT_EQ(file.entries[1].fields, (Fields{{"title", "No key"}}));
  EXPECT_EQ(file.entries[2].key, "");
  EXPECT_EQ(file.entries[2].fields, (Fields{{"author", "Doe, J"}, {"title", "No key either"}}));
  ASSERT_EQ(file.warnings.size(), 1u);
  EXPECT_EQ(file.warnings[0].line, 2);
  EXPECT_EQ(file.warnings[0].message, "undefined @string macro 'nomacro' in journal; read as empty, as BibTeX does");
}

// `\bibliography{defs,papers}`: macros of one file hold in the next.
TEST(BibtexReader, MacrosCarryToTheNextFile) {
  BibMacros macros;
  EXPECT_TRUE(read_bibtex("@string{jacm = \"Journal of the ACM\"}\n", macros).entries.empty());
  const BibFile papers = read_bibtex("@article{m1, journal = jacm}\n", macros);
  ASSERT_EQ(papers.entries.size(), 1u);
  EXPECT_EQ(papers.entries[0].fields, (Fields{{"journal", "Journal of the ACM"}}));
  EXPECT_TRUE(papers.warnings.empty());
}

TEST(BibtexReader, CrossrefFillsWhatTheEntryLacks) {
  const BibFile file = read_bibtex("@inproceedings{child, title={A Paper}, crossref={conf20}, pages={1--9}}\n"
                                   "@proceedings{conf20, title={Proceedings of Conf 2020}, year={2020}, publisher={ACM}}\n");
  ASSERT_EQ(file.entries.size(), 2u);
  EXPECT_EQ(file.entries[0].fields, (Fields{{"title", "A Paper"},
                                            {"crossref", "conf20"},
                                            {"pages", "1--9"},
                                            {"booktitle", "Proceedings of Conf 2020"},
                                            {"year", "2020"},
                                            {"publisher", "ACM"}}));
}

TEST(LatexDecode, AccentsSpecialsDashesAndBraces) {
  EXPECT_EQ(decode_latex("M{\\\"u}ller, \\\"{u}ber, \\\"u, Jos\\'e, {\\'e}t{\\'e}"), "Müller, über, ü, José, été");
  EXPECT_EQ(decode_latex("\\c{c}a, {\\c c}a, \\v{s}, {\\ss}, \\o, {\\aa}, \\'{\\i}, \\~n, Erd\\H{o}s"), "ça, ça, š, ß, ø, å, í, ñ, Erdős");
  EXPECT_EQ(decode_latex("R\\&D 5\\% \\$x \\#1 a\\_b \\textbraceleft{}c\\textbraceright{}"), "R&D 5% $x #1 a_b {c}");
  EXPECT_EQ(decode_latex("{The {GPT-4}} Report -- pages --- ``quoted''"), "The GPT-4 Report – pages — “quoted”");
  EXPECT_EQ(decode_latex("Mr.~Smith \\emph{emphasised} \\url{https://x.org} \\noopsort{a}The {\\TeX}book"),
            "Mr.\u00A0Smith emphasised https://x.org The TeXbook");
  EXPECT_EQ(decode_latex("  spread \n over   lines "), "spread over lines");
  EXPECT_EQ(decode_latex("김민수 and Иванов"), "김민수 and Иванов");
  // Composed to NFC; a backslash before a letter outside ASCII leaves half
  // of it, which becomes U+FFFD rather than a byte that is not UTF-8.
  EXPECT_EQ(decode_latex("Cafe\u0301 au lait"), "Caf\u00e9 au lait");
  EXPECT_EQ(decode_latex("a\\" "\xc3\xa9" "b"), "a" "\xef\xbf\xbd" "b");
}

TEST(BibtexCitation, EntriesBecomeCitations) {
  const BibFile file = read_bibtex(
      "@article{frank1970, title={The Structure of Ordinary Water}, author={Frank, Henry S.}, journal={Science},"
      " year=1970, month=aug, volume={169}, number={3946}, pages={635--641}, doi={10.1126/Science.169.3946.635}}\n"
      "@misc{peng2023yarn, title={{YaRN}}, author={Bowen Peng and {Nous Research}}, year={2023}, eprint={2309.00071v2},"
      " archivePrefix={arXiv}, primaryClass={cs.CL}}\n"
      "@misc{web, title={Page}, howpublished={\\url{https://example.com/a}}, urldate={2024-01-05},"
      " note={Seen twice. Accessed: 2024-01-05}}\n");
  ASSERT_EQ(file.entries.size(), 3u);
  const model::Citation frank = citation_from_entry(file.entries[0], "2025-11-27T00:00:00Z").citation;
  EXPECT_EQ(frank.type, "article-journal");
  EXPECT_EQ(frank.container_title, "Science");
  EXPECT_EQ(frank.issue, "3946");
  EXPECT_EQ(frank.page, "635-641");
  EXPECT_EQ(frank.issued, (model::Date{1970, 8, 0}));
  EXPECT_EQ(frank.authors, (std::vector<model::Person>{{"Frank", "Henry S.", ""}}));
  EXPECT_EQ(frank.ids, (std::vector<model::WorkId>{{model::IdKind::doi, "10.1126/science.169.3946.635"}}));
  EXPECT_EQ(frank.sources.at("title"), "import");
  EXPECT_TRUE(frank.key_fixed);
  const model::Citation yarn = citation_from_entry(file.entries[1], "2025-11-27T00:00:00Z").citation;
  EXPECT_EQ(yarn.type, "article");
  EXPECT_EQ(yarn.number, "arXiv:2309.00071");
  EXPECT_EQ(yarn.primary_class, "cs.CL");
  EXPECT_EQ(yarn.authors, (std::vector<model::Person>{{"Peng", "Bowen", ""}, {"", "", "Nous Research"}}));
  EXPECT_EQ(yarn.ids, (std::vector<model::WorkId>{{model::IdKind::arxiv, "2309.00071"}}));
  const model::Citation web = citation_from_entry(file.entries[2], "2025-11-27T00:00:00Z").citation;
  EXPECT_EQ(web.type, "webpage");
  EXPECT_EQ(web.url, "https://example.com/a");
  EXPECT_EQ(web.accessed, (model::Date{2024, 1, 5}));
  EXPECT_EQ(web.note, "Seen twice");
}

TEST(LatexDecode, HostileAndOldStyleInput) {
  const std::string deep = std::string(20000, '{') + "x" + std::string(20000, '}');
  EXPECT_NE(decode_latex(deep).find('x'), std::string::npos); // no crash: deep groups are read as text
  std::string accents;
  for (int i = 0; i < 200000; ++i) {
    accents += "\\'";
  }
  EXPECT_FALSE(decode_latex(accents + "x").empty());
  EXPECT_EQ(decode_latex("{\\em In vivo} and {\\bf bold} \\protect\\emph{x} \\newblock end"), "In vivo and bold x end");
  EXPECT_EQ(decode_latex("The \\LaTeX{} and \\TeX\\ book"), "The LaTeX and TeX book");
}

TEST(BibtexReader, MacroExpansionIsBounded) {
  std::string text = "@string{a0 = \"xxxxxxxxxxxxxxxx\"}\n";
  for (int i = 1; i <= 30; ++i) {
    text += "@string{a" + std::to_string(i) + " = a" + std::to_string(i - 1) + " # a" + std::to_string(i - 1) + "}\n";
  }
  text += "@misc{k, title = a30}\n@misc{ok, title={Fine}}\n";
  const BibFile file = read_bibtex(text);
  ASSERT_EQ(file.entries.size(), 2u);
  EXPECT_EQ(file.entries[0].key, "k");
  EXPECT_EQ(file.entries[0].fields, (Fields{{"title", ""}})) << "a30 is undefined: its definition was too long";
  EXPECT_EQ(file.entries[1].key, "ok");
  ASSERT_FALSE(file.problems.empty());
  EXPECT_EQ(file.problems.front().message, "a value longer than 1 MiB");
}

TEST(BibtexCitation, NamesCrossrefsAndLanguage) {
  const BibFile file = read_bibtex(
      "@inproceedings{p1, title={Paper}, author={Ludwig van Beethoven and Poussin, Charles de la Vall{\\'e}e and others},"
      " crossref={vol}, language={german}}\n"
      "@proceedings{vol, title={Volume}, year={2020}, abstract={About the volume}, url={https://example.org/vol}}\n");
  ASSERT_EQ(file.entries.size(), 2u);
  const model::Citation c = citation_from_entry(file.entries[0], "2025-11-27T00:00:00Z").citation;
  EXPECT_EQ(c.authors, (std::vector<model::Person>{{"van Beethoven", "Ludwig", ""}, {"Poussin", "Charles de la Vallée", ""}, {"", "", "others"}}));
  EXPECT_EQ(c.container_title, "Volume");
  EXPECT_EQ(c.issued.year, 2020);
  EXPECT_EQ(c.abstract, "") << "a volume's abstract is not its papers'";
  EXPECT_EQ(c.url, "") << "nor its URL";
  EXPECT_EQ(c.language, "german");
}

} // namespace
} // namespace refs::importing
