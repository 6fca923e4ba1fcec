#pragma once

#include "tests/support/temp_dir.hpp"

#include <sys/types.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace refs::testing {

/// The exit code of a run that a sanitizer stopped (ASAN_OPTIONS and
/// UBSAN_OPTIONS exitcode=), so that it cannot pass for an ordinary error.
/// A run that ends so, or whose stderr holds a sanitizer report, fails the
/// test that made it.
constexpr int k_sanitizer_exit_code = 86;

/// What a run of the refs binary printed and returned.
struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
  long peak_kb = 0; ///< peak resident memory, from run_refs_measured only
};

/// Who runs refs: as_nobody drops root privileges (setpriv) so file
/// permissions bite even in CI, which runs as root.
enum class As { user, nobody };

/// Runs the built refs binary with `args` in a fixed environment: no proxy
/// or REFS_* from outside, SOURCE_DATE_EPOCH=1764201600 (2025-11-27), HOME
/// under the working directory, and every host routed through a closed
/// loopback port, so a forgotten --offline fails fast instead of going out.
/// `env` holds NAME=VALUE pairs added to that environment. `out_path`, when
/// given, receives stdout instead of RunResult::out (e.g. /dev/full).
RunResult run_refs(const std::filesystem::path& cwd, const std::vector<std::string>& args,
                   const std::vector<std::string>& env = {}, As as = As::user,
                   const std::string& out_path = "");

/// run_refs with every file refs writes limited to `bytes` (RLIMIT_FSIZE,
/// SIGXFSZ ignored, so a write past it fails with EFBIG): a disk that
/// fills up during the run, without root or a small file system.
RunResult run_refs_with_file_limit(const std::filesystem::path& cwd, const std::vector<std::string>& args,
                                   long bytes);

/// run_refs with the peak resident memory of refs measured (GNU time).
RunResult run_refs_measured(const std::filesystem::path& cwd, const std::vector<std::string>& args,
                            const std::vector<std::string>& env = {});

/// refs started like run_refs but not waited for: to kill it at a chosen
/// moment, or to run several at once. A process still running when the
/// object dies is killed.
class RefsProcess {
public:
  RefsProcess(const std::filesystem::path& cwd, const std::vector<std::string>& args,
              const std::vector<std::string>& env = {});
  ~RefsProcess();
  RefsProcess(const RefsProcess&) = delete;
  RefsProcess& operator=(const RefsProcess&) = delete;

  pid_t pid() const { return m_pid; }
  /// Waits for the end (a signal's death is exit code 128 + signal).
  RunResult wait();

private:
  std::unique_ptr<TempDir> m_capture; ///< where stdout and stderr go
  std::vector<std::string> m_argv;
  pid_t m_pid = 0;
};

/// Runs refs with `args` (no quoting needed beyond spaces-free words) on a
/// pseudo-terminal of 80 columns made by script(1): what a user at a
/// terminal sees, stdout and stderr merged, with CRLF line ends.
RunResult run_refs_on_terminal(const std::filesystem::path& cwd, const std::vector<std::string>& args,
                               const std::vector<std::string>& env = {});

/// Runs `command` with /bin/sh in `cwd`; what it printed, stdout and
/// stderr together (for the tests that drive pandoc or a shell themselves).
std::string shell_output(const std::filesystem::path& cwd, const std::string& command);

/// The absolute path of a file in the source tree's tests/data.
std::string test_data(const std::string& name);

} // namespace refs::testing
