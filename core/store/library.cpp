#include "core/store/library.hpp"

#include "core/store/migrations.hpp"
#include "core/store/search_rank.hpp"
#include "core/util/error.hpp"
#include "core/util/string.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>

#include <chrono>
#include <fstream>
#include <system_error>
#include <thread>

namespace refs::store {

namespace {

namespace fs = std::filesystem;

constexpr int k_busy_timeout_ms = 10000;

/// Refuses any existing file that is not a SQLite database before SQLite
/// gets to touch it: SQLite would happily turn an empty or foreign file into
/// a fresh database.
void check_header(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    return;
  }
  if (fs::is_directory(path, ec)) {
    throw Error(path.string() + ": is a directory, not a refs library");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw Error(path.string() + ": cannot read the library: permission denied");
  }
  char header[16] = {};
  in.read(header, sizeof header);
  if (in.gcount() == 0) {
    return; // an empty file: SQLite treats it as a new database
  }
  if (in.gcount() < 16 || std::string(header, 16) != std::string("SQLite format 3\0", 16)) {
    throw Error(path.string() + ": not a SQLite database (refusing to use it as a refs library)");
  }
}

void prepare_directory(const fs::path& path) {
  const fs::path dir = path.parent_path();
  std::error_code ec;
  if (!dir.empty() && fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
    throw Error(path.string() + ": cannot create the library: " + dir.string() + " is not a directory");
  }
  if (!dir.empty() && !fs::exists(dir, ec)) {
    fs::create_directories(dir, ec);
    if (ec) {
      throw Error(path.string() + ": cannot create the library's directory: " + util::lower_first(ec.message()));
    }
  }
}

/// user_version 0 with tables in it is someone else's database.
void check_schema(SQLite::Database& db, const fs::path& path) {
  // One statement, so one snapshot: read apart, another process creating
  // the library could commit its first migration between the two.
  SQLite::Statement q(db, "SELECT (SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_schema)");
  q.executeStep();
  const int version = q.getColumn(0).getInt();
  const int tables = q.getColumn(1).getInt();
  if (version > latest_schema_version()) {
    throw Error(path.string() + ": library schema version " + std::to_string(version) +
                " is newer than this refs supports (" + std::to_string(latest_schema_version()) +
                "); upgrade refs");
  }
  if (version == 0 && tables > 0) {
    throw Error(path.string() + ": a SQLite database but not a refs library");
  }
}

/// Runs `setup` again while SQLite answers BUSY without waiting. Processes
/// making a new library at once all switch it to WAL, which takes an
/// exclusive lock from a shared one; SQLite refuses one of them at once
/// rather than let them wait on each other. Each step is idempotent.
template <typename Setup> void retry_while_busy(const Setup& setup) {
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::milliseconds(k_busy_timeout_ms);
  for (;;) {
    try {
      setup();
      return;
    } catch (const SQLite::Exception& e) {
      if ((e.getErrorCode() & 0xff) != SQLITE_BUSY || std::chrono::steady_clock::now() > give_up) {
        throw;
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

/// `path` as a SQLite URI with `query` ("file:/a%3Fb.sqlite?immutable=1").
std::string sqlite_uri(const fs::path& path, const std::string& query) {
  std::string uri = "file:";
  for (const char ch : fs::absolute(path).string()) {
    uri += ch == '%' ? "%25" : ch == '?' ? "%3F" : ch == '#' ? "%23" : std::string(1, ch);
  }
  return uri + "?" + query;
}

std::unique_ptr<SQLite::Database> open_read_only(const fs::path& path) {
  try {
    auto db = std::make_unique<SQLite::Database>(path.string(), SQLite::OPEN_READONLY, k_busy_timeout_ms);
    retry_while_busy([&] { check_schema(*db, path); });
    return db;
  } catch (const SQLite::Exception& e) {
    const int code = e.getErrorCode() & 0xff;
    if (code != SQLITE_READONLY && code != SQLITE_CANTOPEN) {
      throw;
    }
  }
  // A WAL library in a folder we cannot write: SQLite cannot make the
  // shared-memory file readers need. With no -wal file left (a library
  // closed cleanly, then copied to read-only media or locked down), the
  // file alone is the library and can be read as immutable; committed
  // changes still in a -wal file would be skipped, so that is an error.
  std::error_code ec;
  const fs::path wal = path.string() + "-wal";
  if (fs::exists(wal, ec) && fs::file_size(wal, ec) > 0) {
    throw Error(path.string() + ": cannot read the library: its latest changes are in " + wal.filename().string() +
                ", which needs a folder refs can write");
  }
  auto db = std::make_unique<SQLite::Database>(sqlite_uri(path, "immutable=1"),
                                               SQLite::OPEN_READONLY | SQLite::OPEN_URI, k_busy_timeout_ms);
  check_schema(*db, path);
  return db;
}

std::unique_ptr<SQLite::Database> open_file(const fs::path& path, Access access) {
  std::error_code ec;
  if (access == Access::read_only && !fs::exists(path, ec)) {
    auto db = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE);
    apply_migrations(*db);
    return db;
  }
  check_header(path);
  if (access == Access::read_only) {
    return open_read_only(path);
  }
  prepare_directory(path);
  auto db = std::make_unique<SQLite::Database>(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE,
                                               k_busy_timeout_ms);
  retry_while_busy([&] {
    db->exec("PRAGMA foreign_keys = ON");
    check_schema(*db, path);
    db->exec("PRAGMA journal_mode = WAL");
    db->exec("PRAGMA synchronous = NORMAL");
    db->exec("PRAGMA cache_size = -32768");
    apply_migrations(*db);
  });
  return db;
}

} // namespace

Library Library::open(const fs::path& path, Access access) {
  try {
    return Library(path, open_file(path, access));
  } catch (const SQLite::Exception& e) {
    const std::string what = e.what();
    if (what.find("unable to open") != std::string::npos) {
      throw Error(path.string() + ": cannot open the library: " + what);
    }
    if ((e.getErrorCode() & 0xff) == SQLITE_READONLY) {
      throw Error(path.string() + ": cannot write the library: no permission to write it or its folder");
    }
    throw Error(path.string() + ": cannot use the library: " + what);
  }
}

Library::Library(fs::path path, std::unique_ptr<SQLite::Database> db)
    : m_path(std::move(path)), m_db(std::move(db)) {
  // Functions live per connection: `refs search` ranks with these.
  register_search_rank(m_db->getHandle(), "refs_rank", "search_words");
  register_search_rank(m_db->getHandle(), "refs_grams_rank", "search_grams");
}
Library::Library(Library&&) noexcept = default;
Library& Library::operator=(Library&& other) noexcept {
  // The statements go before the connection they belong to.
  m_statements.clear();
  m_path = std::move(other.m_path);
  m_db = std::move(other.m_db);
  m_statements = std::move(other.m_statements);
  return *this;
}
Library::~Library() = default;

StatementLease::StatementLease(SQLite::Statement& cached, bool& in_use) : m_statement(&cached), m_in_use(&in_use) {
  in_use = true;
}

StatementLease::StatementLease(std::unique_ptr<SQLite::Statement> own)
    : m_own(std::move(own)), m_statement(m_own.get()) {}

StatementLease::~StatementLease() {
  if (m_in_use != nullptr) {
    try {
      m_statement->reset();
      m_statement->clearBindings();
    } catch (const std::exception&) {
      // reset() reports the last step's error again; the step already threw it.
    }
    *m_in_use = false;
  }
}

StatementLease Library::statement(const std::string& sql) {
  CachedStatement& cached = m_statements[sql];
  if (cached.in_use) {
    return StatementLease(std::make_unique<SQLite::Statement>(*m_db, sql));
  }
  if (!cached.statement) {
    cached.statement = std::make_unique<SQLite::Statement>(*m_db, sql);
  }
  return StatementLease(*cached.statement, cached.in_use);
}

void Library::fail(const std::string& operation, const std::exception& e) const {
  std::string what = e.what();
  // "disk I/O error" alone does not say what to do; SQLite has lost the
  // OS error by now. The transaction of a failed write is rolled back.
  // ENOSPC comes as SQLITE_FULL, other failed writes (EFBIG past a file
  // size limit, EDQUOT, EIO) as SQLITE_IOERR_WRITE.
  const auto* sqlite = dynamic_cast<const SQLite::Exception*>(&e);
  if (sqlite != nullptr && (sqlite->getErrorCode() & 0xff) == SQLITE_FULL) {
    what += "; the write was rolled back";
  } else if (sqlite != nullptr && sqlite->getExtendedErrorCode() == SQLITE_IOERR_WRITE) {
    what += " while writing (is the disk full, or the file at a size limit?); the write was rolled back";
  }
  throw Error(m_path.string() + ": " + operation + ": " + what);
}

WriteTransaction::WriteTransaction(Library& library) : m_library(library) {
  try {
    m_tx = std::make_unique<SQLite::Transaction>(library.db(), SQLite::TransactionBehavior::IMMEDIATE);
  } catch (const SQLite::Exception& e) {
    library.fail("cannot start a write", e);
  }
}

WriteTransaction::~WriteTransaction() = default;

void WriteTransaction::commit() {
  try {
    m_tx->commit();
  } catch (const SQLite::Exception& e) {
    m_library.fail("cannot commit", e);
  }
}

} // namespace refs::store
