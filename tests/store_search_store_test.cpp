#include "core/store/library.hpp"
#include "core/store/migrations.hpp"
#include "core/store/search_store.hpp"
#include "tests/support/temp_dir.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <gtest/gtest.h>

namespace refs::store {
namespace {

using testing::TempDir;

TEST(SearchStore, DebiansSqliteHasFts5) {
  SQLite::Database db(":memory:");
  SQLite::Statement q(db, "PRAGMA compile_options");
  bool fts5 = false;
  while (q.executeStep()) {
    fts5 = fts5 || q.getColumn(0).getString() == "ENABLE_FTS5";
  }
  EXPECT_TRUE(fts5);
}

TEST(SearchStore, ALibraryFromBeforeSearchIsIndexedWhenItOpens) {
  TempDir dir;
  const auto path = dir / "v6.sqlite";
  {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    for (std::size_t i = 0; i < 6; ++i) {
      db.exec(std::string(migrations()[i].sql));
    }
    db.exec("PRAGMA user_version = 6");
    db.exec("INSERT INTO citations (id, key, type, title, record, created_at, updated_at) VALUES "
            "(7, 'kim2021', 'thesis', '딥러닝 기반 분석', '{\"id\":\"kim2021\",\"type\":\"thesis\",\"title\":\"딥러닝 기반 분석\","
            "\"author\":[{\"family\":\"Müller\",\"given\":\"Jürgen\"}],\"publisher\":\"KAIST\"}', 't', 't'), "
            "(8, 'b', 'book', 'Plain', '{\"id\":\"b\",\"type\":\"book\",\"title\":\"Plain\"}', 't', 't')");
    // A damaged record (cut short): indexed by key and title, never a failed upgrade.
    db.exec("INSERT INTO citations (id, key, type, title, record, created_at, updated_at) VALUES "
            "(9, 'cut2020', 'book', 'Half a record', '{\"id\":\"cut2020\",\"title\":\"Half', 't', 't')");
    db.exec("INSERT INTO key_aliases VALUES ('old2021', 7)");
    db.exec("INSERT INTO posts VALUES (1, 'p.md', 'h', 't')");
    db.exec("INSERT INTO post_references VALUES (1, 0, 'r', 3, 0, 'the thesis', 'https://example.com/x', 'web', 7)");
  }
  Library lib = Library::open(path, Access::read_write);
  EXPECT_EQ(lib.db().execAndGet("SELECT title || '|' || authors || '|' || container || '|' || keys || '|' || links "
                                "FROM search_words WHERE rowid = 7")
                .getString(),
            "딥러닝 기반 분석|Jürgen Müller|KAIST|kim2021 old2021|the thesis");
  EXPECT_EQ(lib.db().execAndGet("SELECT group_concat(rowid) FROM search_grams").getString(), "7");
  const auto ids = [&](IndexQuery q) {
    std::string out;
    for (const IndexHit& h : search_index(lib, q).hits) {
      out += out.empty() ? "" : ",";
      out += std::to_string(h.id);
    }
    return out;
  };
  EXPECT_EQ(ids({{{TextMatch::Index::words, "muller", "", false}}}), "7");
  EXPECT_EQ(ids({{{TextMatch::Index::words, "half", "", false}}}), "9");
  EXPECT_EQ(ids({{{TextMatch::Index::words, "cut2020", "", false}}}), "9");
  EXPECT_EQ(ids({{{TextMatch::Index::words, "old2021", "", false}}}), "7");
  EXPECT_EQ(ids({{{TextMatch::Index::scan, "러닝", "title", false}}}), "7");
  EXPECT_EQ(ids({{{TextMatch::Index::scan, "러닝", "authors", false}}}), "");
  EXPECT_EQ(ids({{{TextMatch::Index::grams, "\"기반 분\"", "", false}}}), "7");
  IndexQuery nothing_cited;
  nothing_cited.post_ids.emplace();
  EXPECT_EQ(ids(nothing_cited), "");
  IndexQuery books;
  books.types = {"book"};
  EXPECT_EQ(ids(books), "8,9");
}

// refs_rank must be bm25 exactly, on rows far apart and close together,
// whatever the query: it only reads the row lengths another way.
TEST(SearchStore, RefsRankIsFts5sBm25) {
  TempDir dir;
  Library lib = Library::open(dir / "rank.sqlite", Access::read_write);
  auto& db = lib.db();
  const char* words[] = {"deep", "learning", "sparse", "attention", "with", "models", "of", "retrieval"};
  {
    WriteTransaction tx(lib);
    SQLite::Statement insert(db, "INSERT INTO citations (id, key, type, title, record, created_at, updated_at) "
                                 "VALUES (?, ?, 'book', ?, json_object('id', ?2, 'type', 'book', 'title', ?3, "
                                 "'abstract', ?4), 't', 't')");
    for (int i = 1; i <= 3000; ++i) {
      std::string title;
      std::string abstract;
      for (int w = 0; w < 2 + i % 7; ++w) {
        title += std::string(title.empty() ? "" : " ") + words[(i * 7 + w * 3) % 8];
      }
      for (int w = 0; w < i % 13; ++w) {
        abstract += std::string(words[(i + w * 5) % 8]) + " ";
      }
      insert.bind(1, i);
      insert.bind(2, std::string("k").append(std::to_string(i)));
      insert.bind(3, title);
      insert.bind(4, abstract);
      insert.exec();
      insert.reset();
    }
    db.exec("DELETE FROM citations WHERE id BETWEEN 500 AND 900 OR id % 17 = 0"); // gaps, far and near
    tx.commit();
  }
  for (const char* match : {"deep", "with", "sparse learning", "\"deep attention\"", "atten*", "title : models",
                            "deep NOT with", "k2*"}) {
    SQLite::Statement q(db, "SELECT rowid, refs_rank(search_words, 10.0, 6.0, 2.0, 1.0, 1.0, 6.0, 3.0, 2.0), "
                            "bm25(search_words, 10.0, 6.0, 2.0, 1.0, 1.0, 6.0, 3.0, 2.0) FROM search_words "
                            "WHERE search_words MATCH ? ORDER BY 2, rowid");
    q.bind(1, match);
    int rows = 0;
    while (q.executeStep()) {
      ++rows;
      ASSERT_DOUBLE_EQ(q.getColumn(1).getDouble(), q.getColumn(2).getDouble()) << match << " row " << q.getColumn(0).getInt64();
    }
    EXPECT_GT(rows, 0) << match;
  }
}

} // namespace
} // namespace refs::store
