#pragma once

#include <functional>
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

/// The figures of a command run several times. A run that did not exit 0
/// measured nothing worth reporting: it counts in `failed` and nowhere else.
struct Runs {
  ChildRun median;  ///< the median of the runs that exited 0; status -1 when none did
  double best = 0;  ///< the fastest run that exited 0
  int failed = 0;   ///< runs that did not exit 0
};

/// Calls `run` `count` times; a shared machine's speed varies by a third
/// from one run to the next, so one run is no figure.
Runs repeated(const std::function<ChildRun()>& run, int count = 3);

} // namespace refs::bench
