#pragma once

#include <string>
#include <vector>

namespace refs::bench {

/// What one run of another program cost.
struct ChildRun {
  double seconds = 0;
  long max_rss_kib = 0;
  int status = -1;
};

/// `BENCH --measure PROGRAM ARGS...`: runs the program with its output
/// thrown away and prints its peak memory (KiB) and exit status. A bench's
/// main() hands `--measure` to this.
int measure_child(char** argv);

/// Runs `program args...` through a fresh `--measure` process of the
/// calling bench (a child forked from the bench itself would count the
/// bench's own pages, copied at fork, as its peak). Arguments hold no
/// spaces.
ChildRun run_measured(const std::string& program, const std::vector<std::string>& args);

} // namespace refs::bench
