#include "core/dedupe/merge.hpp"

#include <gtest/gtest.h>

namespace refs::dedupe {
namespace {

TEST(Merge, BetterOrEqualSourceWinsAndUserCorrectionsStay) {
  model::Citation have;
  have.type = "webpage";
  have.title = "Old link text";
  have.container_title = "Corrected Site";
  have.sources = {{"title", "post"}, {"container-title", "user"}};
  have.ids = {{model::IdKind::url, "https://e.com/a"}};
  model::Citation incoming;
  incoming.type = "webpage";
  incoming.title = "New link text";
  incoming.container_title = "example";
  incoming.issued = {2023, 11, 0};
  incoming.sources = {{"title", "post"}, {"container-title", "post"}, {"issued", "post"}};
  incoming.ids = {{model::IdKind::url, "https://e.com/a"}, {model::IdKind::canonical_url, "https://e.com/a"}};
  EXPECT_TRUE(merge_into(have, incoming));
  EXPECT_EQ(have.title, "New link text");
  EXPECT_EQ(have.container_title, "Corrected Site");
  EXPECT_EQ(have.issued, (model::Date{2023, 11, 0}));
  EXPECT_EQ(have.sources.at("container-title"), "user");
  EXPECT_EQ(have.ids.size(), 2u);
  EXPECT_FALSE(merge_into(have, incoming));
}

TEST(Merge, Ranks) {
  EXPECT_GT(source_rank("user"), source_rank("arxiv"));
  EXPECT_GT(source_rank("arxiv"), source_rank("highwire"));
  EXPECT_GT(source_rank("opengraph"), source_rank("title"));
  EXPECT_GT(source_rank("unknown-source"), source_rank("post"));
}

} // namespace
} // namespace refs::dedupe
