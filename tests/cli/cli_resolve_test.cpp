// End-to-end: `refs resolve` on real files through the built binary.
#include "tests/support/refs_runner.hpp"
#include "tests/support/temp_dir.hpp"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

namespace refs::testing {
namespace {

TEST(CliResolve, SamplePostResolvesOfflineToItsThirtyEightReferences) {
  TempDir dir;
  const RunResult r = run_refs(dir.path(), {"--db", "lib.sqlite", "resolve", "--offline", test_data("ai-trends-2023-11.md")});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, slurp(test_data("ai-trends-2023-11.resolve.txt")));
}

TEST(CliResolve, RerunUpdatesNothingAndDuplicatesNothing) {
  TempDir dir;
  const std::vector<std::string> args = {"resolve", "--offline", "--db", "lib.sqlite", test_data("ai-trends-2023-11.md")};
  run_refs(dir.path(), args);
  const RunResult again = run_refs(dir.path(), args);
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_TRUE(again.out.ends_with("38 references in 1 post: 16 arxiv, 2 pdf, 20 web; 0 new, 0 updated, 38 known\n"
                                  "data from: 38 post\n"))
      << again.out;
  const RunResult list = run_refs(dir.path(), {"--db", "lib.sqlite", "list"});
  EXPECT_EQ(std::count(list.out.begin(), list.out.end(), '\n'), 38);
}

TEST(CliResolve, JsonPrintsTheCitationsAsCslJson) {
  TempDir dir;
  const RunResult r =
      run_refs(dir.path(), {"resolve", "--json", "--offline", "--db", "lib.sqlite", test_data("ai-trends-2023-11.md")});
  ASSERT_EQ(r.exit_code, 0);
  const auto json = nlohmann::json::parse(r.out);
  ASSERT_EQ(json.size(), 38u);
  EXPECT_EQ(json[0]["id"], "whitehouse2023executive");
  EXPECT_EQ(json[16]["id"], "arxiv2023yarn");
  EXPECT_EQ(json[16]["number"], "arXiv:2309.00071");
  EXPECT_EQ(json[16]["DOI"], "10.48550/arXiv.2309.00071");
  EXPECT_EQ(json[16]["custom"]["sources"]["title"], "post");
}

TEST(CliResolve, DirectoryMeansEveryMarkdownFileBelowInStableOrder) {
  TempDir dir;
  dir.write("posts/b.md", "B[^1]\n\n[^1]: [Bee](https://b.example/x)\n");
  dir.write("posts/2023/a.markdown", "A[^1]\n\n[^1]: [Ay](https://a.example/x)\n");
  dir.write("posts/.drafts/c.md", "C[^1]\n\n[^1]: [Sea](https://c.example/x)\n");
  dir.write("posts/notes.txt", "[^1]: [Text](https://t.example/x)\n");
  const RunResult r = run_refs(dir.path(), {"resolve", "--offline", "--db", "lib.sqlite", "posts"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "posts/2023/a.markdown:\n"
                   "1  aay  web  post  Ay\n"
                   "posts/b.md:\n"
                   "1  bbee  web  post  Bee\n"
                   "2 references in 2 posts: 2 web; 2 new, 0 updated, 0 known\n"
                   "data from: 2 post\n");
}

TEST(CliResolve, ChangedFootnotesUpdateTheReferences) {
  TempDir dir;
  dir.write("post.md", "X[^a][^b]\n\n[^a]: [Kept](https://kept.example/a)\n"
                                         "[^b]: [Dropped](https://dropped.example/b)\n");
  run_refs(dir.path(), {"resolve", "--offline", "--db", "lib.sqlite", "post.md"});
  dir.write("post.md", "X[^a]\n\n[^a]: [Kept, retitled](https://kept.example/a)\n[^c]: [New](https://new.example/c)\n");
  const RunResult r = run_refs(dir.path(), {"resolve", "--offline", "--db", "lib.sqlite", "post.md"});
  EXPECT_EQ(r.out, "a  keptkept  web  post  Kept, retitled\n"
                   "c  newnew    web  post  New\n"
                   "2 references in 1 post: 2 web; 1 new, 1 updated, 0 known\n"
                   "data from: 2 post\n");
  EXPECT_EQ(r.err, "refs: warning: post.md:4: footnote [^c] is defined but never referenced\n");
  // The dropped footnote's citation stays in the library, used by no post.
  EXPECT_EQ(run_refs(dir.path(), {"--db", "lib.sqlite", "list", "--orphans"}).out,
            "droppeddropped  webpage  -  0  Dropped\n");
}

TEST(CliResolve, GlobalOptionsGoBeforeOrAfterTheCommand) {
  TempDir dir;
  dir.write("p.md", "X[^a]\n\n[^a]: [A](https://a.example/)\n");
  EXPECT_EQ(run_refs(dir.path(), {"--db", "one.sqlite", "--offline", "resolve", "p.md"}).exit_code, 0);
  dir.write("q.md", "X[^a]\n\n[^a]: A note.\n");
  // --quiet drops warnings and notes, never the report that was asked for.
  const RunResult quiet = run_refs(dir.path(), {"resolve", "q.md", "--db", "two.sqlite", "--quiet", "--offline"});
  EXPECT_EQ(quiet.err, "");
  EXPECT_EQ(quiet.out, "a  anonnote  note  post  A note.\n1 reference in 1 post: 1 note; 1 new, 0 updated, 0 known\n"
                       "data from: 1 post\n");
  EXPECT_TRUE(std::filesystem::exists(dir / "one.sqlite"));
  EXPECT_TRUE(std::filesystem::exists(dir / "two.sqlite"));
}

TEST(CliResolve, LibraryLocationFromEnvironment) {
  TempDir dir;
  dir.write("p.md", "X[^a]\n\n[^a]: [A](https://a.example/)\n");
  EXPECT_EQ(run_refs(dir.path(), {"resolve", "--offline", "p.md"}, {"REFS_DB=" + (dir / "env.sqlite").string()})
                .exit_code,
            0);
  EXPECT_TRUE(std::filesystem::exists(dir / "env.sqlite"));
  EXPECT_EQ(run_refs(dir.path(), {"resolve", "--offline", "p.md"}, {"XDG_DATA_HOME=" + (dir / "xdg").string()})
                .exit_code,
            0);
  EXPECT_TRUE(std::filesystem::exists(dir / "xdg/refs/library.sqlite"));
  EXPECT_EQ(run_refs(dir.path(), {"resolve", "--offline", "p.md"}).exit_code, 0);
  EXPECT_TRUE(std::filesystem::exists(dir / "home/.local/share/refs/library.sqlite"));
}

} // namespace
} // namespace refs::testing
