// End-to-end: refs killed at any moment, or run as several processes on one
// library, loses nothing. Runs are paced by the loopback fixture server,
// which kills the process from inside a request when told to. Longer than
// our files should be: its scenarios share one fixture and the readers of
// the library below, and read best together.
#include "tests/support/fixture_server.hpp"
#include "tests/support/kill_points.hpp"
#include "tests/support/refs_runner.hpp"
#include "tests/support/temp_dir.hpp"

#include <httplib.h>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <signal.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <future>
#include <map>
#include <regex>
#include <set>
#include <thread>

#include <gtest/gtest.h>

namespace refs::testing {
namespace {

using namespace std::chrono_literals;

constexpr int k_pages = 24;

std::string host_of(int n) { return "site" + std::to_string(n) + ".example.org"; }

std::string page_title(int n) { return "Finding number " + std::to_string(n) + " about tidal power"; }

/// A post citing `count` pages from `first` on, one footnote each.
std::string post_citing(int first, int count) {
  std::string text = "Notes.\n\n";
  for (int n = first; n < first + count; ++n) {
    text += "[^r" + std::to_string(n) + "]: [Page " + std::to_string(n) + "](https://" + host_of(n) + "/story)\n";
  }
  return text;
}

/// A .bib file of `count` distinct works named `prefix`1, `prefix`2, ...
std::string bib_of(const std::string& prefix, int count) {
  std::string text;
  for (int n = 1; n <= count; ++n) {
    const std::string id = prefix + std::to_string(n);
    text += "@article{" + id + ",\n  title = {Study " + id + " of coastal erosion},\n  author = {Author " + id +
            " and Other, Ann},\n  journal = {Journal of " + prefix + "},\n  year = {2021},\n  doi = {10.5555/" + id +
            "}\n}\n\n";
  }
  return text;
}

/// The two columns `sql` selects, as a map from the first to the second.
std::map<std::string, std::string> pairs(const std::filesystem::path& db, const std::string& sql) {
  SQLite::Database d(db.string(), SQLite::OPEN_READWRITE);
  SQLite::Statement q(d, sql);
  std::map<std::string, std::string> out;
  while (q.executeStep()) {
    out[q.getColumn(0).getString()] = q.getColumn(1).getString();
  }
  return out;
}

/// Each stored citation's key with its title, as the database holds them.
std::map<std::string, std::string> stored(const std::filesystem::path& db) {
  return pairs(db, "SELECT key, title FROM citations");
}

/// Each stored citation's cited URL with its title: what stays when keys
/// settle (a key not yet fixed may change as better data comes).
std::map<std::string, std::string> stored_by_url(const std::filesystem::path& db) {
  return pairs(db, "SELECT i.value, c.title FROM citations c JOIN identifiers i ON i.citation_id = c.id "
                   "WHERE i.kind = 'url'");
}

/// Each stored citation's record (the CSL-JSON) without its key, by the
/// first of its identifiers: keys not yet fixed are handed out in the
/// order runs store their works, which runs at once do not keep.
std::map<std::string, std::string> records(const std::filesystem::path& db) {
  auto out = pairs(db, "SELECT MIN(i.value), c.record FROM citations c JOIN identifiers i ON i.citation_id = c.id "
                       "GROUP BY c.id");
  static const std::regex key("^\\{\"id\":\"[^\"]*\",");
  for (auto& [identifier, record] : out) {
    record = std::regex_replace(record, key, "{");
  }
  return out;
}

std::string integrity(const std::filesystem::path& db) {
  SQLite::Database d(db.string(), SQLite::OPEN_READWRITE);
  return d.execAndGet("PRAGMA integrity_check").getString();
}

/// Pages served for the kill test; the others use the first k_pages.
constexpr int k_kill_pages = 120;

class CliCrash : public ::testing::Test {
protected:
  void SetUp() override {
    for (int n = 1; n <= k_kill_pages; ++n) {
      m_server.on(host_of(n), "/story", [this, n](const httplib::Request&) {
        // The k-th request of a run kills it, before any answer.
        if (m_requests.fetch_add(1) + 1 >= m_kill_at.load() && m_kill_at.load() > 0 && !m_killed.exchange(true)) {
          while (m_victim.load() == 0) {
            std::this_thread::sleep_for(1ms); // the test is still between fork() and noting the pid
          }
          kill(m_victim.load(), SIGKILL);
        }
        m_last_answer = std::chrono::steady_clock::now().time_since_epoch().count();
        m_answered.fetch_add(1);
        return Reply{200,
                     "<html><head><title>" + page_title(n) + "</title><meta name=\"author\" content=\"Ann Author\">"
                     "<meta property=\"article:published_time\" content=\"2024-03-0" + std::to_string(n % 9 + 1) +
                         "\"></head></html>",
                     "text/html; charset=utf-8", {}, 20};
      });
    }
  }

  std::vector<std::string> args(const std::string& db, std::vector<std::string> rest) const {
    std::vector<std::string> out = {"--db", db, "--connect-to", m_server.connect_to(), "--cacert", m_server.cacert()};
    out.insert(out.end(), rest.begin(), rest.end());
    return out;
  }

  /// Starts a run that the server kills at its `kill_at`-th request (0: never).
  std::unique_ptr<RefsProcess> start(const std::vector<std::string>& run_args, int kill_at) {
    m_requests = 0;
    m_answered = 0;
    m_killed = false;
    m_victim = 0;
    m_kill_at = kill_at;
    auto run = std::make_unique<RefsProcess>(m_dir.path(), run_args, m_env);
    m_victim = run->pid();
    return run;
  }

  FixtureServer m_server;
  TempDir m_dir;
  std::atomic<int> m_requests{0};
  std::atomic<int> m_answered{0};
  std::atomic<std::chrono::steady_clock::rep> m_last_answer{0};
  std::atomic<int> m_kill_at{0};
  std::atomic<bool> m_killed{false};
  std::atomic<pid_t> m_victim{0};
  const std::vector<std::string> m_env = {"no_proxy=*"};
};

TEST_F(CliCrash, KilledResolveRunsKeepWhatTheyStoredAndTheNextRunFinishes) {
  m_dir.write("p.md", post_citing(1, k_kill_pages));
  const auto resolve = args("lib.sqlite", {"resolve", "--refresh", "p.md"});
  // An uninterrupted run, in a library of its own: what it stores, and how
  // long it takes to store the answers after the last one came.
  const auto uninterrupted = start(args("whole.sqlite", {"resolve", "p.md"}), 0);
  ASSERT_EQ(uninterrupted->wait().exit_code, 0);
  const auto storing = std::chrono::steady_clock::now() -
                       std::chrono::steady_clock::time_point(std::chrono::steady_clock::duration(m_last_answer.load()));
  const auto whole = stored(m_dir / "whole.sqlite");
  ASSERT_EQ(whole.size(), static_cast<std::size_t>(k_kill_pages));

  // Each citation stays whole: the post's link text, or the page's title.
  std::set<std::string> whole_titles;
  for (int n = 1; n <= k_kill_pages; ++n) {
    whole_titles.insert("Page " + std::to_string(n));
    whole_titles.insert(page_title(n));
  }
  // Six kills while the pages are fetched (offline citations stored, the
  // cache being written), six while the answers are being stored.
  std::map<std::string, std::string> before;
  int landed_while_storing = 0;
  for (int point = 0; point < 12; ++point) {
    const bool fetching = point < 6;
    // --refresh: every run asks for every page again.
    const auto run = start(resolve, fetching ? 1 + point * (k_kill_pages - 1) / 5 : 0);
    if (!fetching) {
      while (m_answered.load() < k_kill_pages) {
        std::this_thread::sleep_for(1ms);
      }
      // Spread over the first half of the storing, each kill then waits
      // for a write transaction to be under way. The storing time is the
      // uninterrupted run's, which a busy machine can make twice what these
      // runs take: the spread stays inside the shortest of them.
      std::this_thread::sleep_for(storing * (point - 6) / 10);
      wait_for_writer(m_dir / "lib.sqlite", std::chrono::duration_cast<std::chrono::milliseconds>(storing * 2));
      kill(run->pid(), SIGKILL);
    }
    const RunResult r = run->wait();
    SCOPED_TRACE("kill point " + std::to_string(point));
    if (fetching) {
      ASSERT_EQ(r.exit_code, 128 + SIGKILL) << r.err;
    } else {
      landed_while_storing += r.exit_code == 128 + SIGKILL ? 1 : 0;
    }
    EXPECT_EQ(integrity(m_dir / "lib.sqlite"), "ok");
    const auto after = stored_by_url(m_dir / "lib.sqlite");
    for (const auto& [url, title] : before) {
      ASSERT_TRUE(after.contains(url)) << url << " lost";
    }
    for (const auto& [url, title] : after) {
      EXPECT_TRUE(whole_titles.contains(title)) << url << ": " << title;
    }
    before = after;
  }
  std::printf("answers stored in %.3f s; %d of 6 kills landed while storing\n",
              std::chrono::duration<double>(storing).count(), landed_while_storing);
  EXPECT_GE(landed_while_storing, 3) << "the answers were stored in " << std::chrono::duration<double>(storing).count()
                                     << " s; most kills came after";
  const RunResult last = run_refs(m_dir.path(), args("lib.sqlite", {"resolve", "p.md"}), m_env);
  EXPECT_EQ(last.exit_code, 0) << last.err;
  EXPECT_EQ(integrity(m_dir / "lib.sqlite"), "ok");
  EXPECT_EQ(stored(m_dir / "lib.sqlite"), whole);
  // And the library says what the uninterrupted one says.
  EXPECT_EQ(run_refs(m_dir.path(), args("lib.sqlite", {"export", "--csl-json"}), m_env).out,
            run_refs(m_dir.path(), args("whole.sqlite", {"export", "--csl-json"}), m_env).out);
}

/// Imports b.bib into lib.sqlite and SIGKILLs the run after `delay`, or,
/// with no delay, the moment it holds the library's write lock (at most
/// `limit` on). True when the kill came while it held the lock.
bool kill_import(const std::filesystem::path& dir, std::chrono::nanoseconds delay, std::chrono::nanoseconds limit) {
  RefsProcess run(dir, {"--db", "lib.sqlite", "import", "b.bib"});
  bool writing = false;
  if (delay.count() > 0) {
    std::this_thread::sleep_for(delay);
  } else {
    writing = wait_for_writer(dir / "lib.sqlite", std::chrono::duration_cast<std::chrono::milliseconds>(limit));
  }
  kill(run.pid(), SIGKILL);
  const RunResult r = run.wait();
  EXPECT_TRUE(r.exit_code == 128 + SIGKILL || r.exit_code == 0) << r.err;
  return writing;
}

// An import is one transaction: killed anywhere, it stored all or nothing.
// Kills spread over a run, then kills the moment the import holds the write
// lock: at least one must land inside the transaction and leave nothing.
TEST_F(CliCrash, KilledImportsStoreAllOrNothing) {
  m_dir.write("a.bib", bib_of("a", 100));
  m_dir.write("b.bib", bib_of("b", 5000));
  ASSERT_EQ(run_refs(m_dir.path(), {"--db", "lib.sqlite", "import", "a.bib"}).exit_code, 0);
  const auto before = stored(m_dir / "lib.sqlite");
  // Closed by its last user, the library is one file again (no -wal).
  ASSERT_FALSE(std::filesystem::exists(m_dir / "lib.sqlite-wal"));
  std::filesystem::copy_file(m_dir / "lib.sqlite", m_dir / "before.sqlite");
  const auto start_time = std::chrono::steady_clock::now();
  ASSERT_EQ(run_refs(m_dir.path(), {"--db", "whole.sqlite", "import", "a.bib", "b.bib"}).exit_code, 0);
  const auto whole_run = std::chrono::steady_clock::now() - start_time;
  const auto whole = stored(m_dir / "whole.sqlite");
  int nothing = 0;
  int inside_transaction = 0;
  // Ten kills spread over a run, then kills at the write lock until one
  // landed inside the transaction.
  for (int i = 1; i <= 15 && (i <= 10 || inside_transaction == 0); ++i) {
    SCOPED_TRACE(i <= 10 ? "killed after " + std::to_string(i) + "/12 of a run" : "killed inside its transaction");
    const bool writing = kill_import(m_dir.path(), i <= 10 ? whole_run * i / 12 : whole_run * 0, whole_run * 2);
    EXPECT_EQ(integrity(m_dir / "lib.sqlite"), "ok");
    const auto now = stored(m_dir / "lib.sqlite");
    EXPECT_TRUE(now == before || now == whole) << now.size() << " citations";
    if (now == whole) {
      // The kill came after the commit: back to the library before it.
      for (const char* suffix : {"-wal", "-shm"}) {
        std::filesystem::remove(m_dir / ("lib.sqlite" + std::string(suffix)));
      }
      std::filesystem::copy_file(m_dir / "before.sqlite", m_dir / "lib.sqlite",
                                 std::filesystem::copy_options::overwrite_existing);
      continue;
    }
    ++nothing;
    inside_transaction += writing ? 1 : 0;
  }
  std::printf("import: %d kills left the library as it was, %d of them inside the import's transaction\n", nothing,
              inside_transaction);
  EXPECT_GE(inside_transaction, 1) << "no kill landed while the import held the write lock";
  EXPECT_EQ(run_refs(m_dir.path(), {"--db", "lib.sqlite", "import", "b.bib"}).exit_code, 0);
  EXPECT_EQ(stored(m_dir / "lib.sqlite"), whole);
}

using ArgsFor = std::function<std::vector<std::string>(const std::string&, std::vector<std::string>)>;

/// The commands of `processes` runs: half resolve a post of their own (of
/// k_pages in all), half import a .bib of 400 works of their own.
std::vector<std::vector<std::string>> runs_of(const std::filesystem::path& dir, int processes) {
  const int per_post = k_pages / ((processes + 1) / 2);
  std::vector<std::vector<std::string>> commands;
  for (int p = 0; p < processes; ++p) {
    const std::string name = "run" + std::to_string(p);
    if (p % 2 == 0) {
      const std::filesystem::path post = dir / (name + ".md");
      std::ofstream(post) << post_citing(1 + (p / 2) * per_post, per_post);
      commands.push_back({"resolve", post.string()});
    } else {
      const std::filesystem::path bib = dir / (name + ".bib");
      std::ofstream(bib) << bib_of(name + "x", 400);
      commands.push_back({"import", bib.string()});
    }
  }
  return commands;
}

/// Starts every command at once on `db` and waits for all: each must end
/// well, with no "locked" or "busy", and all must have run at once.
void run_together(const std::filesystem::path& dir, const std::string& db,
                  const std::vector<std::vector<std::string>>& commands, const ArgsFor& args,
                  const std::vector<std::string>& env) {
  std::vector<std::unique_ptr<RefsProcess>> running;
  for (const auto& command : commands) {
    running.push_back(std::make_unique<RefsProcess>(dir, args(db, command), env));
  }
  const auto last_start = std::chrono::steady_clock::now();
  // Each waited for on a thread of its own, to know when each ended.
  std::vector<std::future<std::pair<RunResult, std::chrono::steady_clock::time_point>>> ends;
  for (auto& process : running) {
    ends.push_back(std::async(std::launch::async, [&process] {
      RunResult r = process->wait();
      return std::pair{std::move(r), std::chrono::steady_clock::now()};
    }));
  }
  auto first_end = std::chrono::steady_clock::time_point::max();
  for (auto& end : ends) {
    const auto [r, when] = end.get();
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err.find("locked"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("busy"), std::string::npos) << r.err;
    first_end = std::min(first_end, when);
  }
  EXPECT_LT(last_start, first_end) << "every process was running once the last had started";
}

/// Runs `processes` refs at once on lib.sqlite: every record must come out
/// as the same runs one after another store it in whole.sqlite.
void run_at_once(const std::filesystem::path& dir, int processes, const ArgsFor& args,
                 const std::vector<std::string>& env) {
  const auto commands = runs_of(dir, processes);
  for (const auto& command : commands) {
    ASSERT_EQ(run_refs(dir, args("whole.sqlite", command), env).exit_code, 0);
  }
  const auto whole = records(dir / "whole.sqlite");
  ASSERT_EQ(whole.size(), static_cast<std::size_t>(k_pages + processes / 2 * 400));
  run_together(dir, "lib.sqlite", commands, args, env);
  EXPECT_EQ(integrity(dir / "lib.sqlite"), "ok");
  const auto together = records(dir / "lib.sqlite");
  EXPECT_EQ(together.size(), whole.size()) << "citations lost or doubled";
  for (const auto& [identifier, record] : whole) {
    const auto it = together.find(identifier);
    if (it == together.end()) {
      ADD_FAILURE() << identifier << " lost";
    } else {
      EXPECT_EQ(it->second, record) << identifier;
    }
  }
}

TEST_F(CliCrash, TwoProcessesAtOnce) {
  run_at_once(m_dir.path(), 2, [this](const std::string& db, std::vector<std::string> rest) { return args(db, rest); },
              m_env);
}

TEST_F(CliCrash, FourProcessesAtOnce) {
  run_at_once(m_dir.path(), 4, [this](const std::string& db, std::vector<std::string> rest) { return args(db, rest); },
              m_env);
}

/// Where the kills of a post's rewrite landed.
struct KillTally {
  int before_writing = 0; ///< the old post, no temporary file: proves nothing
  int mid_write = 0;      ///< the old post and a temporary file: killed while writing
  int replaced = 0;       ///< the new post: killed after the rename, or not at all
};

/// Checks the post after a kill: whole, old or new, with its permissions;
/// counts where the kill landed and clears what it left.
void check_after_kill(const std::filesystem::path& post, const std::string& before, const std::string& after,
                      KillTally& tally) {
  const std::string now = slurp(post);
  const auto temps = temp_files_of(post);
  EXPECT_TRUE(now == before || now == after) << now.size() << " bytes";
  if (now == after) {
    ++tally.replaced;
  } else {
    ++(temps.empty() ? tally.before_writing : tally.mid_write);
  }
  for (const auto& temp : temps) {
    std::filesystem::remove(temp);
  }
  struct stat st {};
  ASSERT_EQ(::stat(post.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0640u);
}

/// Kills `args`, a run that rewrites `post` from `before`: 20 times from a
/// quarter of a run to past its end (the write comes last), then, until
/// some kill landed while the new post was written (its temporary file left
/// behind) and some after the rename, at the moment the temporary file
/// appears or after the run's end. Each must leave the post whole. A kill
/// before the write begins proves nothing, so it does not count.
void kill_while_writing(const std::filesystem::path& dir, const std::filesystem::path& post, const std::string& before,
                        const std::vector<std::string>& args) {
  std::ofstream(post, std::ios::binary | std::ios::trunc) << before;
  const auto start = std::chrono::steady_clock::now();
  ASSERT_EQ(run_refs(dir, args).exit_code, 0);
  const auto whole = std::chrono::steady_clock::now() - start;
  const std::string after = slurp(post);
  ASSERT_NE(after, before);
  KillTally tally;
  for (int i = 0; i < 30 && (i < 20 || tally.mid_write == 0 || tally.replaced == 0); ++i) {
    SCOPED_TRACE("kill " + std::to_string(i));
    std::ofstream(post, std::ios::binary | std::ios::trunc) << before;
    ASSERT_EQ(::chmod(post.c_str(), 0640), 0);
    if (i >= 20 && tally.mid_write == 0) {
      kill_at_creation(dir, post.filename().string() + ".tmp-", args,
                       std::chrono::duration_cast<std::chrono::milliseconds>(whole * 3));
    } else {
      RefsProcess run(dir, args);
      std::this_thread::sleep_for(i < 20 ? whole * (i + 5) / 20 : whole * 2);
      kill(run.pid(), SIGKILL);
      run.wait();
    }
    check_after_kill(post, before, after, tally);
  }
  std::printf("%s: %d kills before the write, %d during it, %d after the rename\n", post.filename().c_str(),
              tally.before_writing, tally.mid_write, tally.replaced);
  EXPECT_GT(tally.mid_write, 0) << "no kill landed while the post was written";
  EXPECT_GT(tally.replaced, 0) << "no kill landed after the rename";
}

TEST_F(CliCrash, KilledCiteWriteLeavesTheOldPostOrTheNew) {
  std::string bib;
  for (int n = 1; n <= 300; ++n) {
    const std::string key = "key" + std::to_string(n);
    bib += "@misc{" + key + ",\n  title = {Work number " + std::to_string(n) + "},\n  url = {https://w" +
           std::to_string(n) + ".example.org/},\n  year = {2020}\n}\n";
  }
  m_dir.write("w.bib", bib);
  ASSERT_EQ(run_refs(m_dir.path(), {"--db", "lib.sqlite", "import", "w.bib"}).exit_code, 0);
  std::string post = "Notes.\n\n";
  for (int line = 0; line < 3000; ++line) {
    post += "Line " + std::to_string(line) + " cites [@key" + std::to_string(line % 300 + 1) + "].\n";
  }
  kill_while_writing(m_dir.path(), m_dir / "big.md", post, {"--db", "lib.sqlite", "cite", "--write", "big.md"});
}

TEST_F(CliCrash, KilledDedupeWriteLeavesTheOldPostOrTheNew) {
  // Every page cited twice, under two labels: dedupe joins each pair.
  std::string post = "Notes.\n\n";
  for (int n = 0; n < 300; ++n) {
    post += "Use[^a" + std::to_string(n) + "] and again[^b" + std::to_string(n) + "].\n";
  }
  post += "\n";
  for (int n = 0; n < 300; ++n) {
    const std::string url = "https://w" + std::to_string(n) + ".example.org/page";
    post += "[^a" + std::to_string(n) + "]: [Page " + std::to_string(n) + "](" + url + ")\n";
    post += "[^b" + std::to_string(n) + "]: [Page " + std::to_string(n) + "](" + url + "?utm_source=x)\n";
  }
  m_dir.write("dup.md", post);
  ASSERT_EQ(run_refs(m_dir.path(), {"--db", "lib.sqlite", "--offline", "resolve", "dup.md"}).exit_code, 0);
  kill_while_writing(m_dir.path(), m_dir / "dup.md", post, {"--db", "lib.sqlite", "dedupe", "--post", "dup.md", "--write"});
}

TEST_F(CliCrash, AFullDiskIsAClearErrorAndLosesNothing) {
  m_dir.write("a.bib", bib_of("a", 200));
  m_dir.write("b.bib", bib_of("b", 2000));
  m_dir.write("p.md", post_citing(1, k_pages));
  ASSERT_EQ(run_refs(m_dir.path(), {"--db", "lib.sqlite", "import", "a.bib"}).exit_code, 0);
  const auto before = stored(m_dir / "lib.sqlite");
  const auto size = static_cast<long>(std::filesystem::file_size(m_dir / "lib.sqlite"));
  // A file size limit fails writes with EFBIG (SQLITE_IOERR_WRITE); a full
  // disk's ENOSPC would say "database or disk is full" instead.
  const std::string full = "refs: error: lib.sqlite: cannot commit: disk I/O error while writing (is the disk full, or the "
                           "file at a size limit?); the write was rolled back\n";
  // The disk fills while the import writes its 2,000 entries in one
  // transaction: none of them is stored.
  const RunResult import = run_refs_with_file_limit(m_dir.path(), {"--db", "lib.sqlite", "import", "b.bib"}, size);
  EXPECT_EQ(import.exit_code, 1);
  EXPECT_EQ(import.err, full);
  EXPECT_EQ(integrity(m_dir / "lib.sqlite"), "ok");
  EXPECT_EQ(stored(m_dir / "lib.sqlite"), before);
  // resolve stores reference by reference: those stored before the disk
  // filled stay, whole, and nothing else changed.
  const RunResult resolve =
      run_refs_with_file_limit(m_dir.path(), {"--db", "lib.sqlite", "--offline", "resolve", "p.md"}, size);
  EXPECT_EQ(resolve.exit_code, 1);
  EXPECT_EQ(resolve.err, full);
  EXPECT_EQ(integrity(m_dir / "lib.sqlite"), "ok");
  const auto partly = stored(m_dir / "lib.sqlite");
  EXPECT_LT(partly.size(), before.size() + k_pages);
  for (const auto& [key, title] : before) {
    EXPECT_EQ(partly.at(key), title);
  }
  // With room again, both complete.
  EXPECT_EQ(run_refs(m_dir.path(), {"--db", "lib.sqlite", "--offline", "resolve", "p.md"}).exit_code, 0);
  EXPECT_EQ(run_refs(m_dir.path(), {"--db", "lib.sqlite", "import", "b.bib"}).exit_code, 0);
  EXPECT_EQ(stored(m_dir / "lib.sqlite").size(), 2200U + k_pages);
}

TEST_F(CliCrash, AReadOnlyLibraryIsAClearErrorAndChangesNothing) {
  m_dir.write("lib/a.bib", bib_of("a", 20));
  m_dir.write("lib/b.bib", bib_of("b", 20));
  ASSERT_EQ(run_refs(m_dir.path(), {"--db", "lib/lib.sqlite", "import", "lib/a.bib"}).exit_code, 0);
  const auto before = stored(m_dir / "lib/lib.sqlite");
  // Neither the file nor its folder writable, for a user who is not root.
  ASSERT_EQ(::chmod((m_dir / "lib/lib.sqlite").c_str(), 0444), 0);
  ASSERT_EQ(::chmod((m_dir / "lib").c_str(), 0555), 0);
  const RunResult r = run_refs(m_dir.path(), {"--db", "lib/lib.sqlite", "import", "lib/b.bib"}, {}, As::nobody);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "refs: error: lib/lib.sqlite: cannot write the library: no permission to write it or its folder\n");
  // Reading still works.
  const RunResult list = run_refs(m_dir.path(), {"--db", "lib/lib.sqlite", "list"}, {}, As::nobody);
  EXPECT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("Study a20 of coastal erosion"), std::string::npos);
  ASSERT_EQ(::chmod((m_dir / "lib").c_str(), 0755), 0);
  EXPECT_EQ(stored(m_dir / "lib/lib.sqlite"), before);
}

// A writer killed after a commit leaves its changes in lib.sqlite-wal; a
// reader that cannot write the folder reads them through the -shm file
// left with it, and without one must not show the older file alone.
TEST_F(CliCrash, AReadOnlyLibraryWithChangesInItsWal) {
  m_dir.write("lib/p.md", post_citing(1, k_pages));
  // Killed at its first request: the post's citations are committed by then.
  const auto run = start(args("lib/lib.sqlite", {"resolve", "lib/p.md"}), 1);
  ASSERT_EQ(run->wait().exit_code, 128 + SIGKILL);
  ASSERT_GT(std::filesystem::file_size(m_dir / "lib/lib.sqlite-wal"), 0U);
  ASSERT_EQ(::chmod((m_dir / "lib").c_str(), 0555), 0);
  const RunResult with_shm = run_refs(m_dir.path(), {"--db", "lib/lib.sqlite", "list"}, {}, As::nobody);
  EXPECT_EQ(with_shm.exit_code, 0) << with_shm.err;
  EXPECT_EQ(std::count(with_shm.out.begin(), with_shm.out.end(), '\n'), k_pages);
  ASSERT_EQ(::chmod((m_dir / "lib").c_str(), 0755), 0);
  std::filesystem::remove(m_dir / "lib/lib.sqlite-shm");
  ASSERT_EQ(::chmod((m_dir / "lib").c_str(), 0555), 0);
  const RunResult without = run_refs(m_dir.path(), {"--db", "lib/lib.sqlite", "list"}, {}, As::nobody);
  ASSERT_EQ(::chmod((m_dir / "lib").c_str(), 0755), 0);
  EXPECT_EQ(without.exit_code, 1);
  EXPECT_EQ(without.err, "refs: error: lib/lib.sqlite: cannot read the library: its latest changes are in "
                         "lib.sqlite-wal, which needs a folder refs can write\n");
  // Where it can, the reader sees them.
  const RunResult listed = run_refs(m_dir.path(), {"--db", "lib/lib.sqlite", "list"});
  EXPECT_EQ(std::count(listed.out.begin(), listed.out.end(), '\n'), k_pages);
}

} // namespace
} // namespace refs::testing
