#include "core/export/biblatex_writer.hpp"
#include "core/export/bibtex_writer.hpp"
#include "core/export/csl_json_writer.hpp"
#include "core/import/bibtex_citation.hpp"
#include "core/import/bibtex_reader.hpp"
#include "core/pipeline/export_stream.hpp"
#include "core/store/citation_store.hpp"
#include "core/util/file.hpp"
#include "tests/support/temp_dir.hpp"

#include <algorithm>
#include <string_view>

#include <gtest/gtest.h>

namespace refs::pipeline {
namespace {

// The streamed export of a whole library (batches, two threads, stored
// records re-indented) is the text the writers give for the citations.
TEST(ExportStream, SameTextAsTheWritersAcrossBatches) {
  testing::TempDir dir;
  store::Library library = store::Library::open(dir / "lib.sqlite", store::Access::read_write);
  const auto text = util::read_file(std::string(REFS_SOURCE_DIR) + "/tests/fixtures/bibtex/corpus.bib");
  ASSERT_TRUE(text.has_value());
  std::vector<model::Citation> citations;
  // 63 works, 80 times over under other keys: more than two batches.
  for (int copy = 0; copy < 80; ++copy) {
    for (const importing::BibEntry& entry : importing::read_bibtex(*text).entries) {
      model::Citation c = importing::citation_from_entry(entry, "2025-11-27T00:00:00Z").citation;
      if (copy > 0) {
        c.key += '-';
        c.key += std::to_string(copy);
        c.ids.clear(); // identifiers name one citation each
      }
      c.key_fixed = copy % 2 == 0; // stored both ways; exported fixed
      citations.push_back(std::move(c));
    }
  }
  {
    store::WriteTransaction tx(library);
    for (const model::Citation& c : citations) {
      store::insert_citation(library, c);
    }
    tx.commit();
  }
  std::sort(citations.begin(), citations.end(), [](const auto& a, const auto& b) { return a.key < b.key; });
  const auto unfixed =
      static_cast<std::size_t>(std::count_if(citations.begin(), citations.end(), [](const auto& c) { return !c.key_fixed; }));
  ASSERT_EQ(unfixed, 40U * 63U);
  for (model::Citation& c : citations) {
    c.key_fixed = true;
  }
  const ExportOutcome bibtex = export_whole_library(library, ExportFormat::bibtex, false);
  EXPECT_EQ(bibtex.unfixed_ids.size(), unfixed);
  EXPECT_TRUE(bibtex.text == exporting::to_bibtex(citations));
  // Written in pieces, batch by batch, the text is the same.
  std::vector<std::string> pieces;
  const ExportOutcome written = export_whole_library(library, ExportFormat::csl_json, false,
                                                     [&](std::string_view piece) { pieces.emplace_back(piece); });
  EXPECT_EQ(written.text, "");
  EXPECT_GT(pieces.size(), 2U);
  std::string joined;
  for (const std::string& piece : pieces) {
    joined += piece;
  }
  EXPECT_TRUE(joined == exporting::to_csl_json_array(citations));
  EXPECT_TRUE(export_whole_library(library, ExportFormat::biblatex, false).text == exporting::to_biblatex(citations));
  EXPECT_TRUE(export_whole_library(library, ExportFormat::csl_json, false).text == exporting::to_csl_json_array(citations));
  std::vector<std::string> warnings;
  const ExportOutcome ascii = export_whole_library(library, ExportFormat::bibtex, true);
  EXPECT_TRUE(ascii.text == exporting::to_bibtex(citations, {true, &warnings}));
  EXPECT_EQ(ascii.warnings, warnings);
}

TEST(ExportStream, AnEmptyLibrary) {
  testing::TempDir dir;
  store::Library library = store::Library::open(dir / "lib.sqlite", store::Access::read_write);
  EXPECT_EQ(export_whole_library(library, ExportFormat::csl_json, false).text, "[]\n");
  EXPECT_EQ(export_whole_library(library, ExportFormat::bibtex, false).text, "");
}

} // namespace
} // namespace refs::pipeline
