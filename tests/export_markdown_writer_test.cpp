#include "core/export/markdown_writer.hpp"

#include <gtest/gtest.h>

namespace refs::exporting {
namespace {

TEST(MarkdownWriter, LinkTitleSiteDateAndArxivId) {
  model::Citation web;
  web.title = "California sidelines GM Cruise's driverless cars";
  web.url = "https://www.reuters.com/x";
  web.container_title = "Reuters";
  web.issued = {2023, 10, 24};
  model::Citation paper;
  paper.title = "YaRN: [Efficient] *Context* Window_Extension";
  paper.authors = {{"Peng", "Bowen", ""}, {"Quesnelle", "Jeffrey", ""}};
  paper.url = "https://arxiv.org/abs/2309.00071";
  paper.publisher = "arXiv";
  paper.issued = {2023, 9, 0};
  paper.ids = {{model::IdKind::arxiv, "2309.00071"}};
  model::Citation odd;
  odd.title = "Spaces";
  odd.url = "https://e.com/a b)";
  EXPECT_EQ(to_markdown({{"ref-n-2", web}, {"ref-pa-6", paper}, {"o", odd}}),
            "[^ref-n-2]: [California sidelines GM Cruise's driverless cars](https://www.reuters.com/x). "
            "Reuters, 2023-10-24.\n"
            "[^ref-pa-6]: Bowen Peng, Jeffrey Quesnelle. [YaRN: \\[Efficient\\] \\*Context\\* "
            "Window\\_Extension](https://arxiv.org/abs/2309.00071). arXiv, 2023-09. arXiv:2309.00071.\n"
            "[^o]: [Spaces](<https://e.com/a%20b)>).\n");
}

TEST(MarkdownWriter, ManyAuthorsAndNotes) {
  model::Citation c;
  c.title = "Note only";
  c.authors = {{"A", "", ""}, {"B", "", ""}, {"C", "", ""}, {"D", "", ""}};
  c.note = "Cited as ftp://x";
  EXPECT_EQ(to_markdown({{"n", c}}), "[^n]: A et al. Note only. Cited as ftp://x.\n");
}

} // namespace
} // namespace refs::exporting

namespace refs::exporting {
namespace {

TEST(MarkdownWriter, LinkStyleAndTemplates) {
  model::Citation c;
  c.key = "peng2023yarn";
  c.title = "YaRN: [Efficient] *Context*";
  c.url = "https://arxiv.org/abs/2309.00071";
  c.authors = {{"Peng", "Bowen", ""}, {"Quesnelle", "Jeffrey", ""}};
  c.issued = {2023, 8, 31};
  c.container_title = "arXiv";
  c.ids = {{model::IdKind::arxiv, "2309.00071"}};
  const std::vector<MarkdownFootnote> notes = {{"ref-pa-6", c}};
  EXPECT_EQ(to_markdown(notes, {MarkdownStyle::Kind::link, ""}),
            "[^ref-pa-6]: [YaRN: \\[Efficient\\] \\*Context\\*](https://arxiv.org/abs/2309.00071)\n");
  EXPECT_EQ(to_markdown(notes, {MarkdownStyle::Kind::templated, "{author} et al. ({year}), {link}, arXiv:{arxiv} [{key}]"}),
            "[^ref-pa-6]: Bowen Peng et al. (2023), [YaRN: \\[Efficient\\] \\*Context\\*](https://arxiv.org/abs/2309.00071), "
            "arXiv:2309.00071 [peng2023yarn]\n");
  EXPECT_EQ(unknown_template_fields("{title} {bogus} {year} {nope"), (std::vector<std::string>{"bogus"}));
  EXPECT_TRUE(unknown_template_fields("{authors}: {link}").empty());
}

} // namespace
} // namespace refs::exporting
