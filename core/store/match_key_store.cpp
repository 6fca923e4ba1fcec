#include "core/store/match_key_store.hpp"

#include "core/dedupe/folded_text.hpp"
#include "core/store/citation_store.hpp"
#include "core/store/sqlite_guard.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <unordered_map>

namespace refs::store {

namespace {

dedupe::TitleKey read_title_key(SQLite::Statement& q, int first) {
  dedupe::TitleKey key;
  key.block = q.getColumn(first).getString();
  key.words = dedupe::to_utf32(q.getColumn(first + 1).getString());
  key.title = key.words;
  std::erase(key.title, U' ');
  key.numbers = q.getColumn(first + 2).getString();
  key.year = q.getColumn(first + 3).getInt();
  key.stage = static_cast<dedupe::Stage>(q.getColumn(first + 4).getInt());
  key.genre = static_cast<dedupe::Genre>(q.getColumn(first + 5).getInt());
  return key;
}

} // namespace

namespace {

/// The statements that write one citation's keys, prepared once for many.
class KeyWriter {
public:
  explicit KeyWriter(Library& library)
      : m_del_urls_lease(library.statement("DELETE FROM url_keys WHERE citation_id = ?")),
        m_del_title_lease(library.statement("DELETE FROM title_keys WHERE citation_id = ?")),
        m_url_lease(library.statement("INSERT INTO url_keys (identity, citation_id, canonical) VALUES (?, ?, ?)")),
        m_title_lease(library.statement("INSERT INTO title_keys (citation_id, block, title, numbers, year, stage, "
                                        "genre) VALUES (?, ?, ?, ?, ?, ?, ?)")) {}

  void write(std::int64_t id, const dedupe::WorkProfile& profile, bool replacing) {
    if (replacing) {
      run(m_del_urls, [&] { m_del_urls.bind(1, id); });
      run(m_del_title, [&] { m_del_title.bind(1, id); });
    }
    for (const dedupe::UrlKey& u : profile.urls) {
      run(m_url, [&] {
        m_url.bind(1, u.identity);
        m_url.bind(2, id);
        m_url.bind(3, u.canonical ? 1 : 0);
      });
    }
    if (profile.title) {
      const dedupe::TitleKey& t = *profile.title;
      run(m_title, [&] {
        m_title.bind(1, id);
        m_title.bind(2, t.block);
        m_title.bind(3, dedupe::to_utf8(t.words));
        m_title.bind(4, t.numbers);
        m_title.bind(5, t.year);
        m_title.bind(6, static_cast<int>(t.stage));
        m_title.bind(7, static_cast<int>(t.genre));
      });
    }
  }

private:
  template <typename Bind> static void run(SQLite::Statement& q, Bind&& bind) {
    bind();
    q.exec();
    q.reset();
  }

  StatementLease m_del_urls_lease;
  StatementLease m_del_title_lease;
  StatementLease m_url_lease;
  StatementLease m_title_lease;
  SQLite::Statement& m_del_urls = *m_del_urls_lease;
  SQLite::Statement& m_del_title = *m_del_title_lease;
  SQLite::Statement& m_url = *m_url_lease;
  SQLite::Statement& m_title = *m_title_lease;
};

} // namespace

void write_match_keys(Library& library, std::int64_t id, const dedupe::WorkProfile& profile, bool replacing) {
  guarded(library, "cannot store dedupe keys", [&] { KeyWriter(library).write(id, profile, replacing); });
}

std::vector<std::int64_t> citations_with_unique_key(Library& library, const std::string& key) {
  return guarded(library, "cannot look up an identifier", [&] {
    // "arxiv:ID" is held as an arXiv id, or as arXiv's DataCite DOI.
    const bool arxiv = key.starts_with("arxiv:");
    const std::string value = key.substr(key.find(':') + 1);
    StatementLease q = library.statement("SELECT DISTINCT citation_id FROM identifiers WHERE (kind = ? AND value = ?) "
                                      "OR (kind = 'doi' AND value = ?) ORDER BY citation_id");
    q->bind(1, arxiv ? "arxiv" : "doi");
    q->bind(2, value);
    q->bind(3, arxiv ? "10.48550/arxiv." + value : value);
    std::vector<std::int64_t> out;
    while (q->executeStep()) {
      out.push_back(q->getColumn(0).getInt64());
    }
    return out;
  });
}

std::vector<std::string> unique_keys_of(Library& library, std::int64_t id) {
  return guarded(library, "cannot look up an identifier", [&] {
    StatementLease q = library.statement("SELECT kind, value FROM identifiers WHERE citation_id = ? AND kind IN ('arxiv', 'doi')");
    q->bind(1, id);
    std::vector<std::string> out;
    while (q->executeStep()) {
      out.push_back(dedupe::unique_key({q->getColumn(0).getString() == "arxiv" ? model::IdKind::arxiv : model::IdKind::doi,
                                        q->getColumn(1).getString()}));
    }
    return out;
  });
}

std::vector<UrlKeyHolder> citations_with_url(Library& library, const std::string& identity) {
  return guarded(library, "cannot look up a URL", [&] {
    StatementLease q = library.statement("SELECT citation_id, canonical FROM url_keys WHERE identity = ?");
    q->bind(1, identity);
    std::vector<UrlKeyHolder> out;
    while (q->executeStep()) {
      out.push_back({q->getColumn(0).getInt64(), q->getColumn(1).getInt() != 0});
    }
    return out;
  });
}

std::vector<StoredTitleKey> titles_in_block(Library& library, const std::string& block, int year) {
  return guarded(library, "cannot look up titles", [&] {
    StatementLease q = library.statement("SELECT citation_id, block, title, numbers, year, stage, genre "
                                      "FROM title_keys WHERE block = ? AND year BETWEEN ? AND ?");
    q->bind(1, block);
    q->bind(2, year == 0 ? 0 : year - 1);
    q->bind(3, year == 0 ? 0 : year + 1);
    std::vector<StoredTitleKey> out;
    while (q->executeStep()) {
      out.push_back({q->getColumn(0).getInt64(), read_title_key(*q, 1)});
    }
    return out;
  });
}

std::vector<StoredProfile> all_profiles(Library& library) {
  return guarded(library, "cannot read dedupe keys", [&] {
    std::vector<StoredProfile> out;
    std::unordered_map<std::int64_t, std::size_t> at;
    SQLite::Statement rows(library.db(), "SELECT id FROM citations ORDER BY created_at, id");
    while (rows.executeStep()) {
      at.emplace(rows.getColumn(0).getInt64(), out.size());
      out.push_back({rows.getColumn(0).getInt64(), {}});
    }
    SQLite::Statement ids(library.db(), "SELECT citation_id, kind, value FROM identifiers WHERE kind IN ('arxiv', 'doi')");
    while (ids.executeStep()) {
      model::WorkId id{ids.getColumn(1).getString() == "arxiv" ? model::IdKind::arxiv : model::IdKind::doi,
                       ids.getColumn(2).getString()};
      out[at.at(ids.getColumn(0).getInt64())].profile.unique.push_back(dedupe::unique_key(id));
    }
    SQLite::Statement urls(library.db(), "SELECT citation_id, identity, canonical FROM url_keys");
    while (urls.executeStep()) {
      out[at.at(urls.getColumn(0).getInt64())].profile.urls.push_back(
          {urls.getColumn(1).getString(), urls.getColumn(2).getInt() != 0});
    }
    SQLite::Statement titles(library.db(), "SELECT citation_id, block, title, numbers, year, stage, genre FROM title_keys");
    while (titles.executeStep()) {
      out[at.at(titles.getColumn(0).getInt64())].profile.title = read_title_key(titles, 1);
    }
    return out;
  });
}

bool ensure_match_keys(Library& library) {
  // Keys made by newer rules (a newer refs sharing the library) are kept:
  // remaking them with older rules would only undo its work.
  const auto current = [&] {
    return guarded(library, "cannot read the dedupe rules version", [&] {
      return library.db().execAndGet("SELECT version FROM match_rules").getInt() >= dedupe::k_match_rules_version;
    });
  };
  if (current()) {
    return false;
  }
  WriteTransaction tx(library);
  if (current()) {
    return false; // another process made them meanwhile
  }
  guarded(library, "cannot store dedupe keys", [&] {
    KeyWriter writer(library);
    for_each_citation(library, [&](const StoredCitation& stored) { writer.write(stored.id, dedupe::profile_of(stored.citation), true); });
  });
  guarded(library, "cannot record the dedupe rules version", [&] {
    library.db().exec("UPDATE match_rules SET version = " + std::to_string(dedupe::k_match_rules_version));
  });
  tx.commit();
  return true;
}

} // namespace refs::store
