#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace refs::testing {

// Moments to kill refs at that a timer cannot hit reliably: the instant a
// write begins. The crash tests need some kills there, or a kill before any
// write passes for one that proved the write safe.

/// The temporary files atomic_file left beside `post` (`post.tmp-XXXXXX`):
/// a run killed while writing the new post leaves one.
std::vector<std::filesystem::path> temp_files_of(const std::filesystem::path& post);

/// Starts refs with `args` in `dir` and SIGKILLs it the moment a file whose
/// name starts with `prefix` is created in `dir` (inotify), else once it has
/// run `limit` (`env` as for run_refs). True when the file was seen. Throws std::runtime_error when
/// inotify cannot be had.
bool kill_at_creation(const std::filesystem::path& dir, const std::string& prefix,
                      const std::vector<std::string>& args, std::chrono::milliseconds limit,
                      const std::vector<std::string>& env = {});

/// Waits until another connection holds the write lock of the SQLite
/// database `db` (its write transaction has begun), at most `limit`; true
/// when one does. Each probe holds the lock for microseconds and refs waits
/// on a busy library, so probing does not change what refs does.
bool wait_for_writer(const std::filesystem::path& db, std::chrono::milliseconds limit);

} // namespace refs::testing
