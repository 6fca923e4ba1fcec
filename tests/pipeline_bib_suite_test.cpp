// The import of 563 real .bib files that other projects wrote
// (tests/fixtures/bibsuite/files; sources and commits in SOURCES.tsv), each
// into a library of its own: what is read, skipped, joined and kept apart,
// whether the library reads back whole, and whether importing its own
// export adds anything. Prints the figures; the targets are asserted.
#include "core/config.hpp"
#include "core/pipeline/export_citations.hpp"
#include "core/pipeline/import_files.hpp"
#include "core/pipeline/query_library.hpp"
#include "core/store/citation_store.hpp"
#include "core/store/library.hpp"
#include "tests/support/temp_dir.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace refs::testing {
namespace {

struct SuiteFigures {
  int files = 0;
  int refused = 0;    ///< files not read at all (their encoding)
  int seen = 0;       ///< entries in the files read
  int imported = 0;   ///< new citations
  int joined = 0;     ///< entries joined with another of their file
  int kept_apart = 0; ///< warnings: a shared DOI or URL, another work
  int skipped = 0;
  int unreadable = 0; ///< libraries whose list or export lost a record
  int growth = 0;     ///< citations added by importing the library's own export
  std::map<std::string, int> reasons;
  std::vector<std::string> grew;
};

void import_one(const std::filesystem::path& file, const TempDir& dir, int n, SuiteFigures& out) {
  Config config;
  config.offline = true;
  config.now = 1764201600; // 2025-11-27
  const std::string number = std::to_string(n);
  const std::filesystem::path db = dir / ("lib" + number + ".sqlite");
  store::Library library = store::Library::open(db, store::Access::read_write);
  const pipeline::ImportOutcome first = pipeline::import_files(library, config, {file.string()});
  ++out.files;
  if (first.files.empty()) {
    ++out.refused;
    return;
  }
  const pipeline::FileImport& f = first.files.front();
  out.seen += f.entries + f.skipped;
  out.imported += f.added;
  out.joined += f.updated;
  out.skipped += f.skipped;
  for (const model::Diagnostic& d : first.diagnostics) {
    if (d.severity == model::Severity::error) {
      ++out.reasons[d.message];
    } else if (d.message.ends_with(": kept apart")) {
      ++out.kept_apart;
    }
  }
  const int before = static_cast<int>(store::citation_count(library));
  pipeline::ExportRequest request;
  const pipeline::ExportOutcome exported = pipeline::export_citations(library, request);
  if (!exported.damaged.empty() || !pipeline::list_citations(library, false).damaged.empty()) {
    ++out.unreadable;
  }
  const std::filesystem::path again = dir.write("export" + number + ".bib", exported.text);
  (void)pipeline::import_files(library, config, {again.string()});
  if (const int added = static_cast<int>(store::citation_count(library)) - before; added != 0) {
    out.growth += added;
    out.grew.push_back(file.filename().string());
  }
}

TEST(BibSuite, RealBibliographiesImportWithNothingLost) {
  const std::filesystem::path suite = std::filesystem::path(REFS_SOURCE_DIR) / "tests/fixtures/bibsuite/files";
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(suite)) {
    files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  ASSERT_EQ(files.size(), 563u);
  TempDir dir;
  SuiteFigures s;
  for (std::size_t i = 0; i < files.size(); ++i) {
    import_one(files[i], dir, static_cast<int>(i), s);
    const std::string number = std::to_string(i);
    std::filesystem::remove(dir / ("lib" + number + ".sqlite"));
  }
  std::printf("bibsuite: %d files (%d refused for their encoding), %d entries seen, %d imported, %d joined, "
              "%d kept apart, %d skipped (%.3f%%), %d libraries unreadable, re-import growth %d\n",
              s.files, s.refused, s.seen, s.imported, s.joined, s.kept_apart, s.skipped, 100.0 * s.skipped / s.seen,
              s.unreadable, s.growth);
  for (const auto& [reason, count] : s.reasons) {
    std::printf("  skipped %d: %s\n", count, reason.c_str());
  }
  // What biber rejects too: a key followed by fields without a comma (2),
  // `@Article,` with no brace, and a `\{` that unbalances an entry's braces.
  EXPECT_EQ(s.skipped, 4);
  EXPECT_LE(s.skipped * 500, s.seen) << "more than 0.2% skipped";
  EXPECT_EQ(s.reasons, (std::map<std::string, int>{{"expected ',' or the end of the entry; entry skipped", 2},
                                                   {"expected '{' or '(' after @article; entry skipped", 1},
                                                   {"unbalanced braces; entry skipped", 1}}));
  // GBK without a declaration, and cp1252 declared as UTF-8.
  EXPECT_EQ(s.refused, 2);
  EXPECT_EQ(s.unreadable, 0);
  EXPECT_EQ(s.growth, 0) << ::testing::PrintToString(s.grew);
}

} // namespace
} // namespace refs::testing

namespace refs::testing {
namespace {

// 10,000 entries with 500 planted duplicates of four kinds (a copy under a
// new key, a recased title without its DOI whose math one copy lost, the
// same DOI with a subtitle added, the same entry twice): each found is one
// citation fewer, so the library's size shows that nothing else was joined.
TEST(BibSuite, PlantedDuplicatesAreFoundAndNothingElseIsJoined) {
  const std::filesystem::path dir = std::filesystem::path(REFS_SOURCE_DIR) / "tests/fixtures/bibsuite/synthetic";
  const auto truth = nlohmann::json::parse(slurp(dir / "dups-10k.truth.json"));
  TempDir tmp;
  Config config;
  config.offline = true;
  config.now = 1764201600;
  store::Library library = store::Library::open(tmp / "lib.sqlite", store::Access::read_write);
  const pipeline::ImportOutcome outcome = pipeline::import_files(library, config, {(dir / "dups-10k.bib").string()});
  ASSERT_EQ(outcome.files.size(), 1u);
  std::map<std::string, int> found;
  std::map<std::string, int> missed;
  for (const auto& planted : truth["truth"]) {
    const auto copy = store::find_by_key(library, planted["key"].get<std::string>());
    const auto original = store::find_by_key(library, planted["duplicateOf"].get<std::string>());
    ASSERT_TRUE(copy && original);
    ++(copy->id == original->id ? found : missed)[planted["kind"].get<std::string>()];
  }
  const int citations = static_cast<int>(pipeline::list_citations(library, false).citations.size());
  std::printf("dups-10k: %d citations; found %d copy-newkey, %d nodoi-recased-title, %d samedoi-newtitle, "
              "%d exact-samekey; missed %d\n",
              citations, found["copy-newkey"], found["nodoi-recased-title"], found["samedoi-newtitle"],
              found["exact-samekey"], missed["nodoi-recased-title"]);
  EXPECT_EQ(found, (std::map<std::string, int>{
                       {"copy-newkey", 200}, {"exact-samekey", 50}, {"nodoi-recased-title", 149}, {"samedoi-newtitle", 100}}));
  // dup285: its author is "{, }" (left out), so no title key compares it.
  EXPECT_EQ(missed, (std::map<std::string, int>{{"nodoi-recased-title", 1}}));
  EXPECT_EQ(citations, 10000 - 499) << "a join the truth does not list";
}

} // namespace
} // namespace refs::testing
