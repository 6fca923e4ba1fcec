#include "core/csl/csl_fields.hpp"
#include "core/csl/csl_json.hpp"

#include <gtest/gtest.h>

namespace refs::csl {
namespace {

model::Citation full() {
  model::Citation c;
  c.key = "peng2023yarn";
  c.type = "article";
  c.title = "YaRN";
  c.authors = {{"Peng", "Bowen", ""}, {"", "", "Nous Research"}};
  c.issued = {2023, 9, 0};
  c.publisher = "arXiv";
  c.number = "arXiv:2309.00071";
  c.doi = "10.48550/arXiv.2309.00071";
  c.url = "https://arxiv.org/abs/2309.00071";
  c.accessed = {2025, 11, 27};
  c.ids = {{model::IdKind::arxiv, "2309.00071"}};
  c.sources = {{"title", "post"}};
  c.key_fixed = true;
  c.created = "2025-11-27T00:00:00Z";
  c.updated = "2025-11-27T00:00:00Z";
  return c;
}

TEST(CslJson, WritesCslFieldsInOrderAndOursInCustom) {
  EXPECT_EQ(to_csl_json(full()).dump(),
            R"({"id":"peng2023yarn","type":"article","title":"YaRN","author":[{"family":"Peng","given":"Bowen"},)"
            R"({"literal":"Nous Research"}],"issued":{"date-parts":[[2023,9]]},"publisher":"arXiv",)"
            R"("number":"arXiv:2309.00071","DOI":"10.48550/arXiv.2309.00071","URL":"https://arxiv.org/abs/2309.00071",)"
            R"("accessed":{"date-parts":[[2025,11,27]]},"custom":{"identifiers":[{"kind":"arxiv","value":"2309.00071"}],)"
            R"("sources":{"title":"post"},"key-fixed":true,"created":"2025-11-27T00:00:00Z","updated":"2025-11-27T00:00:00Z"}})");
}

TEST(CslJson, RoundTrips) {
  const auto json = nlohmann::json::parse(to_csl_json(full()).dump());
  auto back = from_csl_json(json);
  ASSERT_TRUE(back) << back.error();
  EXPECT_EQ(*back, full());
}

TEST(CslJson, MistypedCustomFieldsAreIgnoredNotFatal) {
  auto c = from_csl_json(nlohmann::json::parse(
      R"({"id":"a","type":"book","custom":{"key-fixed":"yes","created":7,"identifiers":[{"kind":1},{"kind":"doi","value":"10.1/x"}]}})"));
  ASSERT_TRUE(c);
  EXPECT_FALSE(c->key_fixed);
  EXPECT_EQ(c->created, "");
  EXPECT_EQ(c->ids, (std::vector<model::WorkId>{{model::IdKind::doi, "10.1/x"}}));
}

TEST(CslJson, RejectsMalformedItems) {
  EXPECT_EQ(from_csl_json(nlohmann::json::parse(R"({"type":"book"})")).error(), "id: missing or not a string");
  EXPECT_EQ(from_csl_json(nlohmann::json::parse(R"({"id":"a"})")).error(), "type: missing or not a string");
  EXPECT_EQ(from_csl_json(nlohmann::json::parse(R"({"id":"a","type":"book","author":[{"given":"X"}]})")).error(),
            "author: a name needs \"family\" or \"literal\"");
  EXPECT_EQ(from_csl_json(nlohmann::json::parse(R"({"id":"a","type":"book","issued":{"raw":"2020"}})")).error(),
            "issued: expected {\"date-parts\": [[year, month, day]]}");
  EXPECT_EQ(from_csl_json(nlohmann::json::parse(R"({"id":"a","type":"book","issued":{"date-parts":[[2023,13]]}})")).error(),
            "issued: no such date");
}

TEST(CslFields, TextFormsAndSetting) {
  model::Citation c = full();
  EXPECT_EQ(field_text(c, "author"), "Peng, Bowen and {Nous Research}");
  EXPECT_EQ(field_text(c, "issued"), "2023-09");
  ASSERT_TRUE(set_field(c, "author", "Bowen Peng and Quesnelle, Jeffrey and {Microsoft Research AI4Science}"));
  EXPECT_EQ(c.authors, (std::vector<model::Person>{{"Peng", "Bowen", ""}, {"Quesnelle", "Jeffrey", ""},
                                                   {"", "", "Microsoft Research AI4Science"}}));
  ASSERT_TRUE(set_field(c, "issued", "2024-02-29"));
  EXPECT_EQ(c.issued, (model::Date{2024, 2, 29}));
  EXPECT_EQ(set_field(c, "issued", "2023-02-29").error(), "'2023-02-29' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
  EXPECT_EQ(set_field(c, "colour", "red").error(), "unknown field 'colour'");
  EXPECT_EQ(set_field(c, "author", "{Unclosed").error(), "unbalanced braces in name list");
  EXPECT_EQ(set_field(c, "type", "preprint").error(), "'preprint' is not a CSL item type (article, webpage, book, ...)");
  ASSERT_TRUE(set_field(c, "type", "paper-conference"));
  EXPECT_EQ(c.type, "paper-conference");
}

} // namespace
} // namespace refs::csl
