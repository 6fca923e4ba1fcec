#include "core/export/biblatex_writer.hpp"
#include "core/export/bibtex_writer.hpp"
#include "core/export/latex_text.hpp"

#include <gtest/gtest.h>

namespace refs::exporting {
namespace {

TEST(LatexText, EscapesEverySpecialAndKeepsBracesBalanced) {
  EXPECT_EQ(escape_latex("R&D 100% $5 #1 a_b {x} ~ ^ \\"),
            "R\\&D 100\\% \\$5 \\#1 a\\_b \\textbraceleft{}x\\textbraceright{} \\textasciitilde{} "
            "\\textasciicircum{} \\textbackslash{}");
  EXPECT_EQ(escape_latex("a stray } brace"), "a stray \\textbraceright{} brace");
}

TEST(LatexText, ProtectsAcronymsAndMixedCase) {
  EXPECT_EQ(protect_title("YaRN: Efficient Context Window Extension of LLM"),
            "{YaRN}: Efficient Context Window Extension of {LLM}");
  EXPECT_EQ(protect_title("Beyond GPT-4 (MetNet-3) in AI"), "Beyond {GPT-4} ({MetNet-3}) in {AI}");
  EXPECT_EQ(protect_title("A study of R&D"), "A study of {R\\&D}");
  EXPECT_EQ(protect_title("A Large-Scale Text-to-Image FP8-LM Study"), "A Large-Scale Text-to-Image {FP8-LM} Study");
}

TEST(LatexText, UrlsStayRawButCannotBreakTheField) {
  EXPECT_EQ(bibtex_url("https://e.com/a_b%20c?q={x}"), "https://e.com/a_b%20c?q=%7Bx%7D");
  EXPECT_EQ(url_argument("https://e.com/a%20b#frag"), "https://e.com/a\\%20b\\#frag");
}

TEST(BibtexWriter, ArxivPreprintInArxivStyle) {
  model::Citation c;
  c.key = "peng2023yarn";
  c.type = "article";
  c.title = "YaRN: Efficient Context Window Extension of Large Language Models";
  c.authors = {{"Peng", "Bowen", ""}, {"", "", "Nous Research"}};
  c.issued = {2023, 9, 0};
  c.doi = "10.48550/arXiv.2309.00071";
  c.url = "https://arxiv.org/abs/2309.00071";
  c.accessed = {2025, 11, 27};
  c.ids = {{model::IdKind::arxiv, "2309.00071"}};
  c.primary_class = "cs.CL";
  EXPECT_EQ(to_bibtex({c}), "@misc{peng2023yarn,\n"
                            "  title = {{YaRN}: Efficient Context Window Extension of Large Language Models},\n"
                            "  author = {Peng, Bowen and {Nous Research}},\n"
                            "  year = {2023},\n"
                            "  month = sep,\n"
                            "  eprint = {2309.00071},\n"
                            "  archivePrefix = {arXiv},\n"
                            "  primaryClass = {cs.CL},\n"
                            "  doi = {10.48550/arXiv.2309.00071},\n"
                            "  url = {https://arxiv.org/abs/2309.00071},\n"
                            "}\n");
}

TEST(BibtexWriter, WebPageWithUrlDateAndAccessNote) {
  model::Citation c;
  c.key = "reuters2023california";
  c.type = "webpage";
  c.title = "Costs rise 5% & {so} on";
  c.container_title = "Reuters";
  c.issued = {2023, 10, 24};
  c.url = "https://www.reuters.com/a_b";
  c.accessed = {2025, 11, 27};
  model::Citation d = c;
  d.key = "second";
  d.url.clear();
  d.accessed = {};
  d.issued = {};
  EXPECT_EQ(to_bibtex({c, d}), "@misc{reuters2023california,\n"
                               "  title = {Costs rise 5\\% \\& \\textbraceleft{}so\\textbraceright{} on},\n"
                               "  organization = {Reuters},\n"
                               "  year = {2023},\n"
                               "  month = oct,\n"
                               "  url = {https://www.reuters.com/a_b},\n"
                               "  urldate = {2025-11-27},\n"
                               "  howpublished = {\\url{https://www.reuters.com/a_b}},\n"
                               "  note = {Accessed: 2025-11-27},\n"
                               "}\n"
                               "\n"
                               "@misc{second,\n"
                               "  title = {Costs rise 5\\% \\& \\textbraceleft{}so\\textbraceright{} on},\n"
                               "  organization = {Reuters},\n"
                               "}\n");
}

} // namespace
} // namespace refs::exporting

namespace refs::exporting {
namespace {

model::Citation paper(const std::string& type) {
  model::Citation c;
  c.key = "frank1970structure";
  c.type = type;
  c.title = "The Structure of Ordinary Water";
  c.authors = {{"Frank", "Henry S.", ""}};
  c.issued = {1970, 8, 7};
  c.container_title = "Science";
  c.publisher = "AAAS";
  c.volume = "169";
  c.issue = "3946";
  c.page = "635-641";
  c.doi = "10.1126/science.169.3946.635";
  c.url = "https://doi.org/10.1126/science.169.3946.635";
  c.accessed = {2025, 11, 27};
  return c;
}

TEST(BibtexWriter, EntryTypesFollowWhatTheWorkIs) {
  EXPECT_EQ(to_bibtex({paper("article-journal")}), "@article{frank1970structure,\n"
                                                   "  title = {The Structure of Ordinary Water},\n"
                                                   "  author = {Frank, Henry S.},\n"
                                                   "  journal = {Science},\n"
                                                   "  year = {1970},\n"
                                                   "  month = aug,\n"
                                                   "  volume = {169},\n"
                                                   "  number = {3946},\n"
                                                   "  pages = {635--641},\n"
                                                   "  doi = {10.1126/science.169.3946.635},\n"
                                                   "  url = {https://doi.org/10.1126/science.169.3946.635},\n"
                                                   "}\n");
  EXPECT_EQ(to_bibtex({paper("paper-conference")}), "@inproceedings{frank1970structure,\n"
                                                    "  title = {The Structure of Ordinary Water},\n"
                                                    "  author = {Frank, Henry S.},\n"
                                                    "  booktitle = {Science},\n"
                                                    "  publisher = {AAAS},\n"
                                                    "  year = {1970},\n"
                                                    "  month = aug,\n"
                                                    "  volume = {169},\n"
                                                    "  pages = {635--641},\n"
                                                    "  doi = {10.1126/science.169.3946.635},\n"
                                                    "  url = {https://doi.org/10.1126/science.169.3946.635},\n"
                                                    "}\n");
  model::Citation report = paper("report");
  report.number = "TR-7";
  EXPECT_EQ(to_bibtex({report}), "@techreport{frank1970structure,\n"
                                 "  title = {The Structure of Ordinary Water},\n"
                                 "  author = {Frank, Henry S.},\n"
                                 "  institution = {AAAS},\n"
                                 "  year = {1970},\n"
                                 "  month = aug,\n"
                                 "  number = {TR-7},\n"
                                 "  doi = {10.1126/science.169.3946.635},\n"
                                 "  url = {https://doi.org/10.1126/science.169.3946.635},\n"
                                 "}\n");
  EXPECT_TRUE(to_bibtex({paper("book")}).starts_with("@book{frank1970structure,\n"));
  model::Citation orphan = paper("article-journal");
  orphan.container_title.clear();
  EXPECT_TRUE(to_bibtex({orphan}).starts_with("@misc{frank1970structure,\n")) << "@article requires a journal";
}

} // namespace
} // namespace refs::exporting


namespace refs::exporting {
namespace {

TEST(BiblatexWriter, TypesDatesAndEprints) {
  model::Citation journal = paper("article-journal");
  EXPECT_EQ(to_biblatex({journal}), "@article{frank1970structure,\n"
                                    "  title = {The Structure of Ordinary Water},\n"
                                    "  author = {Frank, Henry S.},\n"
                                    "  journaltitle = {Science},\n"
                                    "  date = {1970-08-07},\n"
                                    "  volume = {169},\n"
                                    "  number = {3946},\n"
                                    "  pages = {635--641},\n"
                                    "  doi = {10.1126/science.169.3946.635},\n"
                                    "  url = {https://doi.org/10.1126/science.169.3946.635},\n"
                                    "  urldate = {2025-11-27},\n"
                                    "}\n");
  model::Citation preprint;
  preprint.key = "peng2023yarn";
  preprint.type = "article";
  preprint.title = "YaRN: Efficient Context Window Extension of Large Language Models";
  preprint.authors = {{"Peng", "Bowen", ""}, {"", "", "Nous Research"}};
  preprint.issued = {2023, 8, 31};
  preprint.ids = {{model::IdKind::arxiv, "2309.00071"}};
  preprint.primary_class = "cs.CL";
  EXPECT_EQ(to_biblatex({preprint}), "@online{peng2023yarn,\n"
                                     "  title = {{YaRN}: Efficient Context Window Extension of Large Language Models},\n"
                                     "  author = {Peng, Bowen and {Nous Research}},\n"
                                     "  date = {2023-08-31},\n"
                                     "  eprinttype = {arxiv},\n"
                                     "  eprint = {2309.00071},\n"
                                     "  eprintclass = {cs.CL},\n"
                                     "}\n");
  model::Citation page;
  page.key = "reuters2023california";
  page.type = "webpage";
  page.title = "California suspends GM Cruise's permits";
  page.container_title = "Reuters";
  page.issued = {2023, 10, 0};
  page.url = "https://www.reuters.com/a_b%20c";
  page.accessed = {2025, 11, 27};
  model::Citation report = paper("report");
  report.key = "r";
  EXPECT_EQ(to_biblatex({page, report}), "@online{reuters2023california,\n"
                                         "  title = {California suspends {GM} Cruise's permits},\n"
                                         "  organization = {Reuters},\n"
                                         "  date = {2023-10},\n"
                                         "  url = {https://www.reuters.com/a_b%20c},\n"
                                         "  urldate = {2025-11-27},\n"
                                         "}\n"
                                         "\n"
                                         "@report{r,\n"
                                         "  title = {The Structure of Ordinary Water},\n"
                                         "  author = {Frank, Henry S.},\n"
                                         "  type = {techreport},\n"
                                         "  institution = {AAAS},\n"
                                         "  date = {1970-08-07},\n"
                                         "  doi = {10.1126/science.169.3946.635},\n"
                                         "  url = {https://doi.org/10.1126/science.169.3946.635},\n"
                                         "  urldate = {2025-11-27},\n"
                                         "}\n");
}

} // namespace
} // namespace refs::exporting
