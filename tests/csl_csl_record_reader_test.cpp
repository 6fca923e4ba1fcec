#include "core/csl/csl_json.hpp"
#include "core/csl/csl_record_reader.hpp"
#include "core/export/csl_json_writer.hpp"
#include "core/import/bibtex_citation.hpp"
#include "core/import/bibtex_reader.hpp"
#include "core/util/file.hpp"

#include <gtest/gtest.h>

namespace refs::csl {
namespace {

/// What the tree reader makes of a record.
model::Citation by_tree(const std::string& record) {
  auto c = from_csl_json(nlohmann::json::parse(record));
  EXPECT_TRUE(c.has_value()) << record;
  return c.value_or(model::Citation{});
}

// Every citation of the import corpus (all entry types, editors, dates,
// identifiers, sources), stored and read back both ways, is the same.
TEST(CslRecordReader, ReadsWhatTheTreeReaderReads) {
  const auto text = util::read_file(std::string(REFS_SOURCE_DIR) + "/tests/fixtures/bibtex/corpus.bib");
  ASSERT_TRUE(text.has_value());
  const importing::BibFile file = importing::read_bibtex(*text);
  ASSERT_EQ(file.entries.size(), 63u);
  for (const importing::BibEntry& entry : file.entries) {
    model::Citation c = importing::citation_from_entry(entry, "2025-11-27T00:00:00Z").citation;
    c.accessed = {2025, 11, 27};
    const std::string record = csl_json_text(c);
    const auto fast = read_csl_record(record);
    ASSERT_TRUE(fast.has_value()) << record;
    EXPECT_EQ(*fast, by_tree(record)) << record;
    EXPECT_EQ(*fast, c) << record;
    // Export re-indents stored records: the same text as from the citation.
    EXPECT_EQ(exporting::indent_csl_item(record), exporting::csl_json_item(c)) << record;
  }
}

// Anything but csl_json_text's layout is left to the tree reader.
TEST(CslRecordReader, GivesUpOnAnythingElse) {
  for (const char* record : {
           R"({"id":"a","type":"book","title":"T","extra":"x"})",            // an unknown field
           R"({"id":7,"type":"book"})",                                      // a number as id
           R"({"id":"a","type":"book","issued":{"date-parts":[["2020"]]}})", // a date part as text
           R"({"id":"a","type":"book","issued":{"date-parts":[[2020,13]]}})", // no such month
           R"({"id":"a","type":"novel"})",                                   // not a CSL type
           R"({"id":"a","type":"book","author":[{"given":"X"}]})",           // a name without family
           R"({"id":"a","title":"no type"})",
           R"({"id":"a","type":"book","custom":{"sources":{"title":1}}})",
           R"({"id":"a","type":"book")",                                     // cut short
           R"({"id":"a","type":"book","title":"A","title":"B"})",            // a key twice: the tree keeps B
           R"({"id":"a","type":"book","author":[{"family":"X"}],"author":[{"family":"Y"}]})",
           R"({"id":"a","type":"book","issued":{"date-parts":[[],[2020]]}})", // the tree reads the first list
       }) {
    EXPECT_FALSE(read_csl_record(record).has_value()) << record;
  }
  EXPECT_TRUE(read_csl_record(R"({"id":"a","type":"book"})").has_value());
}

} // namespace
} // namespace refs::csl
