// End-to-end: what refs looks like at a terminal (a pseudo-terminal made by
// script(1), 80 columns) and when NO_COLOR is set.
#include "tests/support/refs_runner.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

namespace refs::testing {
namespace {

TEST(CliTerminal, RowsAreCutToTheTerminalWidth) {
  TempDir dir;
  dir.write("p.md", "X[^a]\n\n[^a]: [An extraordinarily long title that cannot possibly fit in eighty columns of "
                    "terminal](https://long.example/a)\n");
  const RunResult r = run_refs_on_terminal(dir.path(), {"--db", "lib.sqlite", "resolve", "--offline", "p.md"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "a  longextraordinarily  web  post  An extraordinarily long title that cannot po…\r\n"
                   "1 reference in 1 post: 1 web; 1 new, 0 updated, 0 known\r\n"
                   "data from: 1 post\r\n");
}

TEST(CliTerminal, ErrorsAreColouredUnlessNoColorIsSet) {
  TempDir dir;
  EXPECT_EQ(run_refs_on_terminal(dir.path(), {"--db", "lib.sqlite", "show", "nope"}).out,
            "refs: \033[1;31merror:\033[0m unknown citation key 'nope'\r\n"
            "hint: run 'refs list' to see the keys in the library\r\n");
  EXPECT_EQ(run_refs_on_terminal(dir.path(), {"--db", "lib.sqlite", "show", "nope"}, {"NO_COLOR=1"}).out,
            "refs: error: unknown citation key 'nope'\r\n"
            "hint: run 'refs list' to see the keys in the library\r\n");
}

} // namespace
} // namespace refs::testing
