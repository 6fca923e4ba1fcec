#include "tests/support/refs_runner.hpp"

#include "tests/support/temp_dir.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <regex>
#include <stdexcept>
#include <utility>

#include <gtest/gtest.h>

namespace refs::testing {

namespace {

std::vector<std::string> environment(const std::vector<std::string>& extra, const std::filesystem::path& cwd) {
  std::vector<std::string> env = {
      "PATH=/usr/local/bin:/usr/bin:/bin",
      "HOME=" + (cwd / "home").string(),
      "LANG=C.UTF-8",
      "SOURCE_DATE_EPOCH=1764201600",
      "http_proxy=http://127.0.0.1:9",
      "https_proxy=http://127.0.0.1:9",
      "ALL_PROXY=http://127.0.0.1:9",
      // A sanitizer report gets an exit code of its own: with the default,
      // 1, it would pass for an ordinary refs error.
      "ASAN_OPTIONS=exitcode=" + std::to_string(k_sanitizer_exit_code),
      "UBSAN_OPTIONS=exitcode=" + std::to_string(k_sanitizer_exit_code) + ":print_stacktrace=1",
      "LSAN_OPTIONS=exitcode=" + std::to_string(k_sanitizer_exit_code),
  };
  for (const std::string& e : extra) {
    const std::string name = e.substr(0, e.find('=') + 1);
    std::erase_if(env, [&](const std::string& have) { return have.starts_with(name); });
    env.push_back(e);
  }
  return env;
}


/// Starts `argv` in `cwd` with stdout and stderr going to files.
pid_t spawn(const std::filesystem::path& cwd, const std::vector<std::string>& argv, const std::vector<std::string>& env,
            const std::string& out_path, const std::string& err_path) {
  // Everything the child needs is made before fork(): the tests run
  // server threads, and a child of a threaded process may only call
  // async-signal-safe functions (a malloc could wait forever on a lock
  // another thread held at the fork).
  std::vector<char*> cargv;
  for (const auto& a : argv) {
    cargv.push_back(const_cast<char*>(a.c_str()));
  }
  cargv.push_back(nullptr);
  std::vector<char*> cenv;
  for (const auto& e : env) {
    cenv.push_back(const_cast<char*>(e.c_str()));
  }
  cenv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid < 0) {
    throw std::runtime_error("fork failed");
  }
  if (pid == 0) {
    const int in = open("/dev/null", O_RDONLY);
    const int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0666);
    const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0666);
    if (in < 0 || out < 0 || err < 0 || dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0 ||
        chdir(cwd.c_str()) != 0) {
      _exit(127);
    }
    execve(cargv[0], cargv.data(), cenv.data());
    _exit(127);
  }
  return pid;
}

/// Waits for `pid`; a signal's death is 128 + the signal, as shells say.
int reap(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/// Fails the running test when refs ended in a sanitizer report, whatever
/// else the test checks of the run.
void fail_on_sanitizer_report(const std::vector<std::string>& argv, const RunResult& result) {
  static const std::regex report("(ERROR|SUMMARY): [A-Za-z]+Sanitizer");
  // A run on a terminal (script) has its stderr in its stdout.
  if (result.exit_code == k_sanitizer_exit_code || std::regex_search(result.err, report) ||
      std::regex_search(result.out, report)) {
    std::string command;
    for (const std::string& a : argv) {
      if (!command.empty()) {
        command += ' ';
      }
      command += a;
    }
    ADD_FAILURE() << "sanitizer report (exit " << result.exit_code << ") from: " << command << "\n" << result.err;
  }
}

RunResult run_argv(const std::filesystem::path& cwd, const std::vector<std::string>& argv,
                   const std::vector<std::string>& env, const std::string& stdout_path = "") {
  TempDir capture;
  const std::string out_path = stdout_path.empty() ? (capture / "out").string() : stdout_path;
  const std::string err_path = (capture / "err").string();
  RunResult result;
  result.exit_code = reap(spawn(cwd, argv, env, out_path, err_path));
  result.out = stdout_path.empty() ? slurp(out_path) : "";
  result.err = slurp(err_path);
  fail_on_sanitizer_report(argv, result);
  return result;
}

std::vector<std::string> refs_argv(const std::vector<std::string>& args, As as) {
  std::vector<std::string> argv;
  if (as == As::nobody && geteuid() == 0) {
    argv = {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"};
  }
  argv.push_back(REFS_BINARY);
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

} // namespace

RunResult run_refs(const std::filesystem::path& cwd, const std::vector<std::string>& args,
                   const std::vector<std::string>& extra_env, As as, const std::string& out_path) {
  return run_argv(cwd, refs_argv(args, as), environment(extra_env, cwd), out_path);
}

RunResult run_refs_with_file_limit(const std::filesystem::path& cwd, const std::vector<std::string>& args,
                                   long bytes) {
  // An ignored signal stays ignored across exec.
  std::vector<std::string> argv = {"/bin/sh", "-c",
                                   "trap '' XFSZ; exec prlimit --fsize=" + std::to_string(bytes) + " -- \"$@\"", "sh"};
  const std::vector<std::string> refs = refs_argv(args, As::user);
  argv.insert(argv.end(), refs.begin(), refs.end());
  return run_argv(cwd, argv, environment({}, cwd));
}

RunResult run_refs_measured(const std::filesystem::path& cwd, const std::vector<std::string>& args,
                            const std::vector<std::string>& extra_env) {
  // GNU time forks refs from its own small process: a child forked from
  // the test would count the test's memory in its peak.
  TempDir capture;
  std::vector<std::string> argv = {"/usr/bin/time", "-f", "%M", "-o", (capture / "peak").string()};
  const std::vector<std::string> refs = refs_argv(args, As::user);
  argv.insert(argv.end(), refs.begin(), refs.end());
  RunResult result = run_argv(cwd, argv, environment(extra_env, cwd));
  // The last line; a failed command's status comes before it.
  std::string peak = slurp(capture / "peak");
  while (!peak.empty() && peak.back() == '\n') {
    peak.pop_back();
  }
  const std::string last = peak.substr(peak.rfind('\n') + 1);
  result.peak_kb = last.empty() ? 0 : std::stol(last);
  return result;
}

RefsProcess::RefsProcess(const std::filesystem::path& cwd, const std::vector<std::string>& args,
                         const std::vector<std::string>& env)
    : m_capture(std::make_unique<TempDir>()), m_argv(refs_argv(args, As::user)),
      m_pid(spawn(cwd, m_argv, environment(env, cwd), (*m_capture / "out").string(), (*m_capture / "err").string())) {}

RefsProcess::~RefsProcess() {
  if (m_pid > 0) {
    kill(m_pid, SIGKILL);
    reap(m_pid);
  }
}

RunResult RefsProcess::wait() {
  RunResult result;
  result.exit_code = reap(std::exchange(m_pid, 0));
  result.out = slurp(*m_capture / "out");
  result.err = slurp(*m_capture / "err");
  fail_on_sanitizer_report(m_argv, result);
  return result;
}

RunResult run_refs_on_terminal(const std::filesystem::path& cwd, const std::vector<std::string>& args,
                               const std::vector<std::string>& extra_env) {
  std::string command = REFS_BINARY;
  for (const std::string& a : args) {
    command += " " + a;
  }
  return run_argv(cwd, {"/usr/bin/script", "-qec", command, "/dev/null"}, environment(extra_env, cwd));
}

std::string test_data(const std::string& name) { return std::string(REFS_SOURCE_DIR) + "/tests/data/" + name; }

std::string shell_output(const std::filesystem::path& cwd, const std::string& command) {
  const std::string line = "cd '" + cwd.string() + "' && { " + command + "; } 2>&1";
  FILE* pipe = popen(line.c_str(), "r");
  std::string out;
  char buffer[4096];
  for (std::size_t n; pipe != nullptr && (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) {
    out.append(buffer, n);
  }
  if (pipe != nullptr) {
    pclose(pipe);
  }
  return out;
}

} // namespace refs::testing
