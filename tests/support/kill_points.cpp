#include "tests/support/kill_points.hpp"

#include "tests/support/refs_runner.hpp"

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

#include <poll.h>
#include <signal.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <stdexcept>
#include <thread>

namespace refs::testing {

std::vector<std::filesystem::path> temp_files_of(const std::filesystem::path& post) {
  std::vector<std::filesystem::path> found;
  for (const auto& entry : std::filesystem::directory_iterator(post.parent_path())) {
    if (entry.path().filename().string().starts_with(post.filename().string() + ".tmp-")) {
      found.push_back(entry.path());
    }
  }
  return found;
}

namespace {

/// Whether the inotify events in `events` name a file starting with `prefix`.
bool names_created(const char* events, ssize_t size, const std::string& prefix) {
  for (ssize_t at = 0; at < size;) {
    const auto* e = reinterpret_cast<const inotify_event*>(events + at);
    if (e->len > 0 && std::string(e->name).starts_with(prefix)) {
      return true;
    }
    at += static_cast<ssize_t>(sizeof(inotify_event) + e->len);
  }
  return false;
}

} // namespace

bool kill_at_creation(const std::filesystem::path& dir, const std::string& prefix,
                      const std::vector<std::string>& args, std::chrono::milliseconds limit,
                      const std::vector<std::string>& env) {
  // Watching before refs starts, so that no creation comes too early to see.
  const int watch = inotify_init1(IN_CLOEXEC);
  if (watch < 0 || inotify_add_watch(watch, dir.c_str(), IN_CREATE) < 0) {
    throw std::runtime_error("inotify on " + dir.string() + " failed");
  }
  RefsProcess run(dir, args, env);
  const auto deadline = std::chrono::steady_clock::now() + limit;
  alignas(inotify_event) char events[4096];
  bool seen = false;
  while (!seen && std::chrono::steady_clock::now() < deadline) {
    pollfd p{watch, POLLIN, 0};
    if (poll(&p, 1, 10) > 0) {
      seen = names_created(events, read(watch, events, sizeof events), prefix);
    }
  }
  kill(run.pid(), SIGKILL);
  run.wait();
  close(watch);
  return seen;
}

bool wait_for_writer(const std::filesystem::path& db, std::chrono::milliseconds limit) {
  SQLite::Database probe(db.string(), SQLite::OPEN_READWRITE);
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    const int rc = probe.tryExec("BEGIN IMMEDIATE");
    if ((rc & 0xff) == SQLITE_BUSY) {
      return true;
    }
    if (rc == SQLITE_OK) {
      probe.exec("ROLLBACK");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return false;
}

} // namespace refs::testing
