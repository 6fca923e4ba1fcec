#include "tests/bench/child_run.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace refs::bench {

int measure_child(char** argv) {
  const pid_t pid = fork();
  if (pid == 0) {
    std::freopen("/dev/null", "w", stdout);
    std::freopen("/dev/null", "w", stderr);
    execv(argv[0], argv);
    _exit(127);
  }
  int status = 0;
  struct rusage usage {};
  wait4(pid, &status, 0, &usage);
  std::printf("%ld %d\n", usage.ru_maxrss, WIFEXITED(status) ? WEXITSTATUS(status) : -1);
  return 0;
}

ChildRun run_measured(const std::string& program, const std::vector<std::string>& args) {
  std::fflush(stdout);
  std::string command = std::filesystem::read_symlink("/proc/self/exe").string() + " --measure " + program;
  for (const std::string& a : args) {
    command += " " + a;
  }
  const auto start = std::chrono::steady_clock::now();
  FILE* pipe = popen(command.c_str(), "r");
  ChildRun out;
  if (pipe == nullptr || std::fscanf(pipe, "%ld %d", &out.max_rss_kib, &out.status) != 2) {
    out.status = -1;
  }
  if (pipe != nullptr) {
    pclose(pipe);
  }
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return out;
}

Runs repeated(const std::function<ChildRun()>& run, int count) {
  std::vector<ChildRun> ok;
  Runs out;
  for (int i = 0; i < count; ++i) {
    ChildRun r = run();
    if (r.status == 0) {
      ok.push_back(r);
    } else {
      ++out.failed;
    }
  }
  if (ok.empty()) {
    return out;
  }
  std::sort(ok.begin(), ok.end(), [](const ChildRun& a, const ChildRun& b) { return a.seconds < b.seconds; });
  out.median = ok[ok.size() / 2];
  out.best = ok.front().seconds;
  return out;
}

} // namespace refs::bench
