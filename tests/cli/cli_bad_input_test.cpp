// End-to-end: every bad input gets one clear line and the right exit code,
// and the library is left as it was.
#include "tests/support/refs_runner.hpp"
#include "tests/support/temp_dir.hpp"

#include <sys/stat.h>

#include <gtest/gtest.h>

namespace refs::testing {
namespace {

class CliBadInput : public ::testing::Test {
protected:
  void SetUp() override {
    m_dir.write("bin.md", std::string("x\0y", 3));
    m_dir.write("latin.md", "ok\n\xff\xfe bad\n");
    m_dir.write("empty.md", "");
    m_dir.write("plain.md", "# Title\nNo notes.\n");
    m_dir.write("nomd/a.txt", "hi\n");
    m_dir.write("odd.md", "X[^n][^f][^j][^r]\n\n[^n]: Personal conversation.\n"
                          "[^f]: [Old](ftp://ftp.example.org/a.ps)\n"
                          "[^j]: [Click](javascript:alert(1))\n"
                          "[^r]: [Local](/relative/page)\n");
    m_dir.write("good.md", "X[^a]\n\n[^a]: [YaRN](https://arxiv.org/abs/2309.00071)\n");
    ASSERT_EQ(run({"resolve", "--offline", "--db", "lib.sqlite", "good.md"}).exit_code, 0);
    m_before = dump();
  }

  RunResult run(const std::vector<std::string>& args, As as = As::user) { return run_refs(m_dir.path(), args, {}, as); }

  /// What the library holds, as `refs export --csl-json` and `list` say.
  std::string dump() {
    return run({"--db", "lib.sqlite", "list"}).out + run({"--db", "lib.sqlite", "show", "arxiv2023yarn"}).out;
  }

  void expect(const std::vector<std::string>& args, int code, const std::string& err, const std::string& out = "") {
    const RunResult r = run(args);
    EXPECT_EQ(r.exit_code, code) << args.back();
    EXPECT_EQ(r.err, err) << args.back();
    EXPECT_EQ(r.out, out) << args.back();
    EXPECT_EQ(dump(), m_before) << args.back();
  }

  TempDir m_dir;
  std::string m_before;
};

TEST_F(CliBadInput, UnreadablePosts) {
  expect({"--db", "lib.sqlite", "resolve", "missing.md"}, 1, "refs: error: missing.md: no such file or directory\n");
  expect({"--db", "lib.sqlite", "resolve", "bin.md"}, 1,
         "refs: error: bin.md: binary file (NUL byte at byte 1), not a Markdown post\n");
  expect({"--db", "lib.sqlite", "resolve", "latin.md"}, 1, "refs: error: latin.md: not valid UTF-8 at byte 3 (line 2)\n");
  expect({"--db", "lib.sqlite", "resolve", "nomd"}, 1,
         "refs: error: nomd: no Markdown files (*.md, *.markdown) in this directory\n");
  expect({"--db", "lib.sqlite", "resolve", "nomd/"}, 1,
         "refs: error: nomd/: no Markdown files (*.md, *.markdown) in this directory\n");
  // Every bad argument is reported, and nothing is written for the good one.
  expect({"--db", "lib.sqlite", "resolve", "missing.md", "odd.md", "bin.md"}, 1,
         "refs: error: missing.md: no such file or directory\n"
         "refs: error: bin.md: binary file (NUL byte at byte 1), not a Markdown post\n");
  expect({"--db", "lib.sqlite", "resolve", "."}, 1,
         "refs: error: bin.md: binary file (NUL byte at byte 1), not a Markdown post\n"
         "refs: error: latin.md: not valid UTF-8 at byte 3 (line 2)\n");
}

TEST_F(CliBadInput, PostWithoutReadPermission) {
  m_dir.write("secret/locked.md", "X[^a]\n\n[^a]: [A](https://a.example/)\n");
  chmod((m_dir / "secret/locked.md").c_str(), 0);
  chmod((m_dir / "secret").c_str(), 0777);
  const RunResult r = run({"--db", "secret/lib.sqlite", "resolve", "secret/locked.md"}, As::nobody);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "refs: error: secret/locked.md: cannot read: permission denied\n");
}

TEST_F(CliBadInput, UnwritableLibraryLocation) {
  expect({"--db", "good.md/lib.sqlite", "resolve", "good.md"}, 1,
         "refs: error: good.md/lib.sqlite: cannot create the library: good.md is not a directory\n");
  const RunResult r = run({"--db", "ro/lib.sqlite", "resolve", "good.md"}, As::nobody);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "refs: error: ro/lib.sqlite: cannot create the library's directory: permission denied\n");
}

TEST_F(CliBadInput, LibraryFilesThatAreNotLibraries) {
  m_dir.write("notes.sqlite", "my notes\n");
  expect({"--db", "notes.sqlite", "resolve", "good.md"}, 1,
         "refs: error: notes.sqlite: not a SQLite database (refusing to use it as a refs library)\n");
  EXPECT_EQ(slurp(m_dir / "notes.sqlite"), "my notes\n");
  expect({"--db", "notes.sqlite", "list"}, 1,
         "refs: error: notes.sqlite: not a SQLite database (refusing to use it as a refs library)\n");
  expect({"--db", ".", "list"}, 1, "refs: error: .: is a directory, not a refs library\n");
}

TEST_F(CliBadInput, CorruptLibraryIsAnErrorAndNotRepaired) {
  std::string bytes = slurp(m_dir / "lib.sqlite");
  ASSERT_GT(bytes.size(), 8192u);
  for (std::size_t i = 4096; i < 8192; ++i) {
    bytes[i] = static_cast<char>(0xA5);
  }
  run({"--db", "lib.sqlite", "list"}); // make sure the WAL is checkpointed before copying
  m_dir.write("corrupt.sqlite", bytes);
  const RunResult r = run({"--db", "corrupt.sqlite", "list"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "refs: error: corrupt.sqlite: cannot list citations: database disk image is malformed\n");
  EXPECT_EQ(slurp(m_dir / "corrupt.sqlite"), bytes);
}

TEST_F(CliBadInput, EmptyPostsAndPostsWithoutFootnotesAreANotice) {
  expect({"--db", "lib.sqlite", "resolve", "empty.md"}, 0, "refs: note: empty.md: no footnotes found\n",
         "0 references in 1 post; 0 new, 0 updated, 0 known\n");
  expect({"--db", "lib.sqlite", "resolve", "plain.md"}, 0, "refs: note: plain.md: no footnotes found\n",
         "0 references in 1 post; 0 new, 0 updated, 0 known\n");
}

TEST_F(CliBadInput, OddFootnotesAreWarningsAndStillCitations) {
  const RunResult r = run({"--db", "odd.sqlite", "resolve", "odd.md"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err,
            "refs: warning: odd.md:3: footnote [^n] has no URL; kept as a note\n"
            "refs: warning: odd.md:4: footnote [^f]: unsupported URL scheme 'ftp' in ftp://ftp.example.org/a.ps; "
            "not fetched, kept as a note\n"
            "refs: warning: odd.md:5: footnote [^j]: unsupported URL scheme 'javascript' in javascript:alert(1); "
            "not fetched, kept as a note\n"
            "refs: warning: odd.md:6: footnote [^r]: not an absolute URL in /relative/page; not fetched, kept as a note\n");
  EXPECT_EQ(r.out, "n  anonpersonal  note         post  Personal conversation.\n"
                   "f  anonold       unsupported  post  Old\n"
                   "j  anonclick     unsupported  post  Click\n"
                   "r  anonlocal     unsupported  post  Local\n"
                   "4 references in 1 post: 1 note, 3 unsupported; 4 new, 0 updated, 0 known\n"
                   "data from: 4 post\n");
}

TEST_F(CliBadInput, UnknownKeys) {
  expect({"--db", "lib.sqlite", "show", "nope"}, 1,
         "refs: error: unknown citation key 'nope'\nhint: run 'refs list' to see the keys in the library\n");
  expect({"--db", "lib.sqlite", "export", "nope", "arxiv2023yarn", "nada"}, 1,
         "refs: error: unknown citation key 'nope'\nrefs: error: unknown citation key 'nada'\n");
  expect({"--db", "lib.sqlite", "rm", "nope"}, 1, "refs: error: unknown citation key 'nope'\n");
  expect({"--db", "lib.sqlite", "set", "nope", "title=x"}, 1, "refs: error: unknown citation key 'nope'\n");
  expect({"--db", "lib.sqlite", "export", "--post", "odd.md"}, 1,
         "refs: error: odd.md: not in the library; run 'refs resolve odd.md' first\n");
}

TEST_F(CliBadInput, BadCorrections) {
  expect({"--db", "lib.sqlite", "set", "arxiv2023yarn", "colour=red"}, 1,
         "refs: error: arxiv2023yarn: colour: unknown field 'colour'\n");
  expect({"--db", "lib.sqlite", "set", "arxiv2023yarn", "title=Fine", "issued=2023-13"}, 1,
         "refs: error: arxiv2023yarn: issued: '2023-13' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)\n");
  expect({"--db", "lib.sqlite", "set", "arxiv2023yarn", "notanassignment"}, 2,
         "refs: error: 'notanassignment': expected FIELD=VALUE\nhint: run 'refs set --help'\n");
  expect({"--db", "lib.sqlite", "set", "arxiv2023yarn", "key=bad key"}, 1,
         "refs: error: arxiv2023yarn: 'bad key' is not a valid key (letters, digits, _ - : . only)\n");
}

TEST_F(CliBadInput, UsageErrorsExitTwo) {
  expect({}, 2, "refs: error: a subcommand is required\nhint: run 'refs --help'\n");
  expect({"frobnicate"}, 2,
         "refs: error: unknown command 'frobnicate'\nhint: run 'refs --help' for the list of commands\n");
  expect({"--db", "lib.sqlite", "exprot"}, 2,
         "refs: error: unknown command 'exprot'\nhint: did you mean 'refs export'?\n"
         "hint: run 'refs --help' for the list of commands\n");
  expect({"resolve"}, 2, "refs: error: posts is required\nhint: run 'refs resolve --help'\n");
  expect({"export", "--bibtex", "--markdown"}, 2,
         "refs: error: requires at most 1 options be given from [--bibtex,--biblatex,--csl-json,--markdown]\n"
         "hint: run 'refs export --help'\n");
  expect({"list", "--frob"}, 2,
         "refs: error: the following argument was not expected: --frob\nhint: run 'refs list --help'\n");
}

TEST_F(CliBadInput, BadSourceDateEpoch) {
  const RunResult r = run_refs(m_dir.path(), {"--db", "lib.sqlite", "list"}, {"SOURCE_DATE_EPOCH=yesterday"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "refs: error: SOURCE_DATE_EPOCH: 'yesterday' is not a Unix time\n");
}

} // namespace
} // namespace refs::testing
