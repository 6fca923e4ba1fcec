// The library's record of published versions: kept findings, rejections
// and the changes that cited a version, and a damaged record among them.
#include "core/store/library.hpp"
#include "core/store/published_store.hpp"
#include "core/util/error.hpp"
#include "tests/support/temp_dir.hpp"

#include <SQLiteCpp/Database.h>

#include <gtest/gtest.h>

namespace refs::store {
namespace {

using testing::TempDir;

PublishedFinding iclr_finding() {
  PublishedFinding f;
  f.arxiv_id = "2309.00071";
  f.checked_at = 1764201600;
  f.status = "confirmed";
  f.identity = "dblp:conf/iclr/PengQFS24";
  f.venue = "ICLR 2024";
  f.evidence = {"Semantic Scholar: International Conference on Learning Representations; DBLP conf/iclr/PengQFS24"};
  model::Citation version;
  version.type = "paper-conference";
  version.title = "YaRN";
  version.container_title = "ICLR 2024";
  version.sources = {{"type", "published"}, {"title", "published"}, {"container-title", "published"}};
  f.record = version;
  return f;
}

TEST(PublishedStore, FindingsRejectionsAndChangesReadBackAsWritten) {
  TempDir dir;
  Library lib = Library::open(dir / "lib.sqlite", Access::read_write);
  {
    WriteTransaction tx(lib);
    record_finding(lib, iclr_finding());
    record_rejection(lib, "2309.00071", "doi:10.5555/x", "2025-11-27T00:00:00Z");
    PublishedChange change{0, 7, "2309.00071", "2025-11-27T00:00:00Z", *iclr_finding().record, *iclr_finding().record, ""};
    change.before.type = "article";
    EXPECT_EQ(record_change(lib, change), 1);
    tx.commit();
  }
  const auto f = published_finding(lib, "2309.00071");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->status, "confirmed");
  EXPECT_EQ(f->venue, "ICLR 2024");
  EXPECT_EQ(f->evidence, iclr_finding().evidence);
  EXPECT_EQ(f->record->container_title, "ICLR 2024");
  EXPECT_FALSE(published_finding(lib, "2311.00001"));
  EXPECT_TRUE(is_rejected(lib, "2309.00071", "doi:10.5555/x"));
  EXPECT_FALSE(is_rejected(lib, "2309.00071", "dblp:conf/iclr/PengQFS24"));
  const auto change = change_in_effect(lib, 7);
  ASSERT_TRUE(change);
  EXPECT_EQ(change->before.type, "article");
  {
    WriteTransaction tx(lib);
    mark_undone(lib, change->id, "2025-11-28T00:00:00Z");
    tx.commit();
  }
  EXPECT_FALSE(change_in_effect(lib, 7));
}

TEST(PublishedStore, ADamagedRecordIsAnErrorNamingTheLibrary) {
  TempDir dir;
  {
    Library lib = Library::open(dir / "lib.sqlite", Access::read_write);
    WriteTransaction tx(lib);
    record_finding(lib, iclr_finding());
    tx.commit();
  }
  {
    SQLite::Database db((dir / "lib.sqlite").string(), SQLite::OPEN_READWRITE);
    db.exec("UPDATE published_versions SET record = '{\"type\": 5'");
  }
  Library lib = Library::open(dir / "lib.sqlite", Access::read_write);
  try {
    published_finding(lib, "2309.00071");
    FAIL() << "a damaged record read";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()).rfind((dir / "lib.sqlite").string() + ": the stored record of the published version of arXiv:2309.00071 "
                                          "does not read: ", 0),
              0u)
        << e.what();
  }
}

} // namespace
} // namespace refs::store
