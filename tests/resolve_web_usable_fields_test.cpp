#include "core/resolve/web/usable_fields.hpp"

#include <gtest/gtest.h>

namespace refs::resolve::web {
namespace {

model::Citation page_citation() {
  model::Citation c;
  c.type = "webpage";
  c.title = "A fine title";
  c.authors = {{"Author", "Ann", ""}, {"Writer", "Bob", ""}};
  c.container_title = "The Site";
  c.doi = "10.1234/abc";
  c.ids = {{model::IdKind::doi, "10.1234/abc"}, {model::IdKind::canonical_url, "https://site.example/a"}};
  c.issued = {2024, 3, 1};
  for (const char* field : {"type", "title", "author", "container-title", "DOI", "issued"}) {
    c.sources[field] = "opengraph";
  }
  return c;
}

TEST(UsableFields, AGoodPageKeepsEverything) {
  model::Citation c = page_citation();
  const model::Citation before = c;
  EXPECT_TRUE(drop_unusable_fields(c).empty());
  EXPECT_EQ(c.title, before.title);
  EXPECT_EQ(c.authors, before.authors);
  EXPECT_EQ(c.ids, before.ids);
  EXPECT_EQ(c.sources, before.sources);
}

TEST(UsableFields, BrokenTextAndAbsurdLengthsAreLeftOutAndNamed) {
  model::Citation c = page_citation();
  c.title = "Bad \xEF\xBF\xBD title";
  c.container_title = std::string(2001, 'x');
  c.publisher = "Tab\tand newline\nare fine";
  c.abstract = std::string(100000, 'a');
  c.note = "A bell \x07 rings";
  EXPECT_EQ(drop_unusable_fields(c), (std::vector<std::string>{"title: not valid text", "container-title: 2001 bytes long",
                                                              "note: holds control characters"}));
  EXPECT_EQ(c.title, "");
  EXPECT_EQ(c.container_title, "");
  EXPECT_EQ(c.note, "");
  EXPECT_EQ(c.publisher, "Tab\tand newline\nare fine");
  EXPECT_EQ(c.abstract.size(), 100000u);
  EXPECT_FALSE(c.sources.contains("title"));
  EXPECT_FALSE(c.sources.contains("container-title"));
  EXPECT_EQ(c.sources.at("author"), "opengraph");
}

TEST(UsableFields, PeopleAreLeftOutOneByOne) {
  model::Citation c = page_citation();
  c.authors.push_back({"Br\xEF\xBF\xBDken", "Carl", ""});
  EXPECT_EQ(drop_unusable_fields(c), (std::vector<std::string>{"author: not valid text"}));
  EXPECT_EQ(c.authors, (std::vector<model::Person>{{"Author", "Ann", ""}, {"Writer", "Bob", ""}}));
  c.authors = {{"", "", std::string(501, 'x')}, {"Nul\xEF\xBF\xBD", "", ""}};
  EXPECT_EQ(drop_unusable_fields(c), (std::vector<std::string>{"author: 2 names, e.g. not valid text"}));
  EXPECT_TRUE(c.authors.empty());
}

TEST(UsableFields, ADoiLeftOutIsNotFetchedEither) {
  model::Citation c = page_citation();
  c.doi = "10.1234/\xEF\xBF\xBD";
  c.ids[0].value = c.doi;
  EXPECT_EQ(drop_unusable_fields(c), (std::vector<std::string>{"DOI: not valid text"}));
  EXPECT_EQ(c.doi, "");
  EXPECT_EQ(c.ids, (std::vector<model::WorkId>{{model::IdKind::canonical_url, "https://site.example/a"}}));
  EXPECT_EQ(c.type, "webpage");
}

} // namespace
} // namespace refs::resolve::web
