#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <unordered_map>

namespace SQLite {
class Database;
class Statement;
class Transaction;
} // namespace SQLite

namespace refs::store {

/// How a command opens the library: `list` and `show` never write.
enum class Access { read_only, read_write };

/// A prepared statement lent by Library::statement(): reset and its
/// bindings cleared when given back, so no read stays open and the next
/// lease starts clean.
class StatementLease {
public:
  StatementLease(SQLite::Statement& cached, bool& in_use);
  explicit StatementLease(std::unique_ptr<SQLite::Statement> own);
  ~StatementLease();
  StatementLease(const StatementLease&) = delete;
  StatementLease& operator=(const StatementLease&) = delete;

  SQLite::Statement& operator*() const { return *m_statement; }
  SQLite::Statement* operator->() const { return m_statement; }

private:
  std::unique_ptr<SQLite::Statement> m_own; ///< when the cached one was already lent
  SQLite::Statement* m_statement;
  bool* m_in_use = nullptr;
};

/// An open refs library (a SQLite database): WAL journal, a busy timeout so
/// concurrent refs processes wait for each other, foreign keys on.
class Library {
public:
  /// read_write creates the file (and its directory) when missing and brings
  /// the schema up to date; read_only opens an existing library without
  /// writing, or an empty in-memory one when the file does not exist yet.
  /// Throws refs::Error naming the path when the location cannot be
  /// created, the file is not a SQLite database, is not a refs library, is
  /// corrupt, or comes from a newer refs. Never modifies such a file.
  static Library open(const std::filesystem::path& path, Access access);

  Library(Library&&) noexcept;
  Library& operator=(Library&&) noexcept;
  ~Library();

  /// The connection, for store code only (core/store/*.cpp).
  SQLite::Database& db() { return *m_db; }
  /// The statement for `sql`, compiled once per library and reused: the
  /// insert path runs the same dozen statements per citation, and compiling
  /// them was most of its time. A statement lent and not yet given back is
  /// lent again as a fresh one. For store code only.
  StatementLease statement(const std::string& sql);

  /// The library's file, as named; for messages.
  const std::filesystem::path& path() const { return m_path; }

  /// Throws refs::Error "PATH: OPERATION: WHAT", for store code that catches
  /// a SQLite::Exception (or another std::exception) at its edge.
  [[noreturn]] void fail(const std::string& operation, const std::exception& e) const;

private:
  Library(std::filesystem::path path, std::unique_ptr<SQLite::Database> db);

  struct CachedStatement {
    std::unique_ptr<SQLite::Statement> statement;
    bool in_use = false;
  };

  std::filesystem::path m_path;
  std::unique_ptr<SQLite::Database> m_db;
  /// Declared after m_db, so destroyed before the connection closes.
  std::unordered_map<std::string, CachedStatement> m_statements;
};

/// One unit of work: BEGIN IMMEDIATE now (so the write lock is taken before
/// anything is read), COMMIT on commit(), ROLLBACK if destroyed before.
class WriteTransaction {
public:
  /// Throws refs::Error when the lock cannot be had within the busy timeout.
  explicit WriteTransaction(Library& library);
  ~WriteTransaction();
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;

  /// Throws refs::Error when the commit fails (disk full, read-only file).
  void commit();

private:
  Library& m_library;
  std::unique_ptr<SQLite::Transaction> m_tx;
};

} // namespace refs::store
