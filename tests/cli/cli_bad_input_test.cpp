// End-to-end: every bad input gets one clear line and the right exit code,
// and the library is left as it was.
#include "tests/support/refs_runner.hpp"
#include "tests/support/temp_dir.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>

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
    m_dir.write("cite.md", "One [@nosuch2020].\n\nTwo [@arxiv2023yarn; @missing, p. 4].\n");
    m_dir.write("notes.sqlite", "my notes\n");
    m_dir.write("unbalanced.bib", "@article{x,\n title={A},\n");
    m_dir.write("latin.bib", "@misc{k2, title = {Caf\xe9}}\n");
    m_dir.write("nul.bib", std::string("@misc{k3, title = {N\0}}\n", 22));
    m_dir.write("dir.bib/x", "");
    m_dir.write("broken.json", "[1,2");
    m_dir.write("noid.json", "[{\"type\": \"book\", \"title\": \"T\"}]");
    m_dir.write("baddate.json", "[{\"id\": \"a\", \"type\": \"book\", \"issued\": {\"date-parts\": [[\"x\"]]}}]");
    m_dir.write("badauthor.json", "{\"id\": \"a\", \"type\": \"book\", \"author\": [{\"given\": \"x\"}]}");
    m_dir.write("number.json", "42");
    m_dir.write("strings.json", "[\"a\"]");
    ASSERT_EQ(run({"resolve", "--offline", "--db", "lib.sqlite", "good.md"}).exit_code, 0);
    m_before = dump();
  }

  RunResult run(const std::vector<std::string>& args, As as = As::user) { return run_refs(m_dir.path(), args, {}, as); }

  /// Every row of every table of the library, and every other file of the
  /// directory, byte for byte.
  std::string dump() {
    std::string out;
    {
      SQLite::Database db((m_dir / "lib.sqlite").string(), SQLite::OPEN_READONLY);
      SQLite::Statement tables(db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
      while (tables.executeStep()) {
        const std::string table = tables.getColumn(0).getString();
        SQLite::Statement rows(db, "SELECT * FROM \"" + table + "\"");
        std::vector<std::string> lines; // sorted: the order of rows is not the content
        while (rows.executeStep()) {
          std::string line = table + ":";
          for (int i = 0; i < rows.getColumnCount(); ++i) {
            line += '|';
            line += rows.getColumn(i).getString();
          }
          lines.push_back(line + "\n");
        }
        std::sort(lines.begin(), lines.end());
        for (const std::string& line : lines) {
          out += line;
        }
      }
    }
    for (const auto& entry : std::filesystem::recursive_directory_iterator(m_dir.path())) {
      const std::string name = entry.path().lexically_relative(m_dir.path()).string();
      if (entry.is_regular_file() && !name.starts_with("lib.sqlite") && !name.starts_with("home")) {
        out += name + ":" + slurp(entry.path()) + "\n";
      }
    }
    return out;
  }

  TempDir m_dir;
  std::string m_before;
};

TEST_F(CliBadInput, PostWithoutReadPermission) {
  m_dir.write("secret/locked.md", "X[^a]\n\n[^a]: [A](https://a.example/)\n");
  chmod((m_dir / "secret/locked.md").c_str(), 0);
  chmod((m_dir / "secret").c_str(), 0777);
  const RunResult r = run({"--db", "secret/lib.sqlite", "resolve", "secret/locked.md"}, As::nobody);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "refs: error: secret/locked.md: cannot read: permission denied\n");
}

TEST_F(CliBadInput, UnwritableLibraryLocation) {
  const RunResult r = run({"--db", "ro/lib.sqlite", "resolve", "good.md"}, As::nobody);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "refs: error: ro/lib.sqlite: cannot create the library's directory: permission denied\n");
}

TEST_F(CliBadInput, CorruptLibraryIsAnErrorAndNotRepaired) {
  run({"--db", "lib.sqlite", "list"}); // make sure the WAL is checkpointed before copying
  std::string bytes = slurp(m_dir / "lib.sqlite");
  // The page of the citations table is overwritten.
  SQLite::Database db((m_dir / "lib.sqlite").string());
  const auto page = static_cast<std::size_t>(
      db.execAndGet("SELECT rootpage FROM sqlite_schema WHERE name = 'citations'").getInt64());
  const auto page_size = static_cast<std::size_t>(db.execAndGet("PRAGMA page_size").getInt64());
  ASSERT_GE(bytes.size(), page * page_size);
  for (std::size_t i = (page - 1) * page_size; i < page * page_size; ++i) {
    bytes[i] = static_cast<char>(0xA5);
  }
  m_dir.write("corrupt.sqlite", bytes);
  const RunResult r = run({"--db", "corrupt.sqlite", "list"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "refs: error: corrupt.sqlite: cannot list citations: database disk image is malformed\n");
  EXPECT_EQ(slurp(m_dir / "corrupt.sqlite"), bytes);
}

// Not an error: the post is recorded as read, with no citation added.
TEST_F(CliBadInput, EmptyPostsAndPostsWithoutFootnotesAreANotice) {
  for (const std::string post : {"empty.md", "plain.md"}) {
    const RunResult r = run({"--db", "lib.sqlite", "resolve", post});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.err, "refs: note: " + post + ": no footnotes found\n");
    EXPECT_EQ(r.out, "0 references in 1 post; 0 new, 0 updated, 0 known\n");
  }
  const std::string listed = run({"--db", "lib.sqlite", "list"}).out;
  EXPECT_EQ(std::count(listed.begin(), listed.end(), '\n'), 1) << "still the one citation";
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

/// A bad input of any command, and what refs must answer.
struct BadInput {
  std::vector<std::string> args; ///< after --db lib.sqlite
  int code;
  std::string err;
};

const std::string k_unknown_keys_hint =
    "hint: `refs list` shows the keys; `refs resolve` or `refs import` adds works; the post is unchanged\n";

const std::vector<BadInput> k_bad_inputs = {
    // Posts
    {{"resolve", "missing.md"}, 1, "refs: error: missing.md: no such file or directory\n"},
    {{"resolve", "bin.md"}, 1, "refs: error: bin.md: binary file (NUL byte at byte 1), not a Markdown post\n"},
    {{"resolve", "latin.md"}, 1, "refs: error: latin.md: not valid UTF-8 at byte 3 (line 2)\n"},
    {{"resolve", "nomd"}, 1, "refs: error: nomd: no Markdown files (*.md, *.markdown) in this directory\n"},
    {{"resolve", "nomd/"}, 1, "refs: error: nomd/: no Markdown files (*.md, *.markdown) in this directory\n"},
    // Every bad argument is reported, and nothing is written for the good one.
    {{"resolve", "missing.md", "odd.md", "bin.md"}, 1,
     "refs: error: missing.md: no such file or directory\n"
     "refs: error: bin.md: binary file (NUL byte at byte 1), not a Markdown post\n"},
    {{"resolve", "."}, 1,
     "refs: error: bin.md: binary file (NUL byte at byte 1), not a Markdown post\n"
     "refs: error: latin.md: not valid UTF-8 at byte 3 (line 2)\n"},
    {{"cite", "missing.md"}, 1, "refs: error: missing.md: cannot read: no such file or directory\n"},
    {{"cite", "bin.md"}, 1, "refs: error: bin.md: binary file (NUL byte at byte 1), not a Markdown post\n"},
    {{"cite", "cite.md"}, 1,
     "refs: error: cite.md:1: unknown citation key 'nosuch2020'\n"
     "refs: error: cite.md:3: unknown citation key 'missing'\n" + k_unknown_keys_hint},
    {{"cite", "--write", "cite.md"}, 1,
     "refs: error: cite.md:1: unknown citation key 'nosuch2020'\n"
     "refs: error: cite.md:3: unknown citation key 'missing'\n" + k_unknown_keys_hint},
    {{"dedupe", "--post", "missing.md"}, 1, "refs: error: missing.md: cannot read: no such file or directory\n"},
    {{"dedupe", "--post", "latin.md", "--write"}, 1, "refs: error: latin.md: not valid UTF-8 at byte 3 (line 2)\n"},
    {{"export", "--post", "odd.md"}, 1, "refs: error: odd.md: not in the library; run 'refs resolve odd.md' first\n"},
    // BibTeX files
    {{"import", "missing.bib"}, 1, "refs: error: missing.bib: cannot read: no such file or directory\n"},
    {{"import", "dir.bib"}, 1, "refs: error: dir.bib: is a directory\n"},
    {{"import", "latin.bib"}, 1,
     "refs: error: latin.bib: not UTF-8 (byte 22); it looks like ISO-8859-2: convert it first, e.g. iconv -f "
     "ISO-8859-2 -t utf-8\n"},
    {{"import", "nul.bib"}, 1, "refs: error: nul.bib: holds a NUL byte; not a text file\n"},
    {{"import", "unbalanced.bib"}, 1,
     "refs: error: unbalanced.bib:1: expected a field name; entry skipped\n"
     "refs: note: unbalanced.bib: 0 entries: 0 new, 0 merged into the library, 0 known; 1 skipped\n"},
    // CSL-JSON files
    {{"import", "broken.json"}, 1,
     "refs: error: broken.json: not valid JSON; file skipped\n"
     "refs: note: broken.json: 0 entries: 0 new, 0 merged into the library, 0 known; 1 skipped\n"},
    {{"import", "noid.json"}, 1,
     "refs: error: noid.json: item 1: id: missing or not a string; item skipped\n"
     "refs: note: noid.json: 0 entries: 0 new, 0 merged into the library, 0 known; 1 skipped\n"},
    {{"import", "baddate.json"}, 1,
     "refs: error: baddate.json: item 1: issued: date part is not a number; item skipped\n"
     "refs: note: baddate.json: 0 entries: 0 new, 0 merged into the library, 0 known; 1 skipped\n"},
    {{"import", "badauthor.json"}, 1,
     "refs: error: badauthor.json: item 1: author: a name needs \"family\" or \"literal\"; item skipped\n"
     "refs: note: badauthor.json: 0 entries: 0 new, 0 merged into the library, 0 known; 1 skipped\n"},
    {{"import", "number.json"}, 1,
     "refs: error: number.json: not a CSL-JSON array or item; file skipped\n"
     "refs: note: number.json: 0 entries: 0 new, 0 merged into the library, 0 known; 1 skipped\n"},
    {{"import", "strings.json"}, 1,
     "refs: error: strings.json: item 1: expected a CSL-JSON object; item skipped\n"
     "refs: note: strings.json: 0 entries: 0 new, 0 merged into the library, 0 known; 1 skipped\n"},
    // Options
    {{}, 2, "refs: error: a subcommand is required\nhint: run 'refs --help'\n"},
    {{"frobnicate"}, 2, "refs: error: unknown command 'frobnicate'\nhint: run 'refs --help' for the list of commands\n"},
    {{"exprot"}, 2,
     "refs: error: unknown command 'exprot'\nhint: did you mean 'refs export'?\n"
     "hint: run 'refs --help' for the list of commands\n"},
    {{"resolve"}, 2, "refs: error: posts is required\nhint: run 'refs resolve --help'\n"},
    {{"export", "--bibtex", "--markdown"}, 2,
     "refs: error: requires at most 1 options be given from [--bibtex,--biblatex,--csl-json,--markdown,--html]\n"
     "hint: run 'refs export --help'\n"},
    {{"list", "--frob"}, 2, "refs: error: the following argument was not expected: --frob\nhint: run 'refs list --help'\n"},
    {{"--jobs", "0", "resolve", "good.md"}, 2,
     "refs: error: --jobs: must be a whole number of at least 1, not '0'\nhint: run 'refs resolve --help'\n"},
    {{"--timeout", "soon", "resolve", "good.md"}, 2,
     "refs: error: --timeout: must be a whole number of at least 1, not 'soon'\nhint: run 'refs resolve --help'\n"},
    {{"dedupe", "--undo", "abc"}, 2,
     "refs: error: --undo: must be a whole number of at least 1, not 'abc'\nhint: run 'refs dedupe --help'\n"},
    {{"export", "--sort", "bogus"}, 2, "refs: error: --sort: bogus not in {key,date}\nhint: run 'refs export --help'\n"},
    {{"export", "--template", "{title}"}, 2, "refs: error: --template requires --markdown\nhint: run 'refs export --help'\n"},
    {{"cite", "--style", "bogus", "good.md"}, 2, "refs: error: --style: bogus not in {full,link}\nhint: run 'refs cite --help'\n"},
    {{"cite", "--template", "{nosuch}", "good.md"}, 2,
     "refs: error: --template: unknown field {nosuch}; the fields are key, title, link, url, authors, author, year, "
     "date, site, container, publisher, doi, arxiv, note, archived\n"},
    {{"extract", "good.md", "--url", "notaurl"}, 2,
     "refs: error: --url: 'notaurl' is not an absolute http(s) URL\nhint: run 'refs extract --help'\n"},
    {{"extract", "missing.html"}, 1, "refs: error: missing.html: cannot read: no such file or directory\n"},
    {{"export", "-o", "nodir/out.bib"}, 1, "refs: error: nodir/out.bib: cannot write: no such file or directory\n"},
    // Database files
    {{"--db", "notes.sqlite", "resolve", "good.md"}, 1,
     "refs: error: notes.sqlite: not a SQLite database (refusing to use it as a refs library)\n"},
    {{"--db", "notes.sqlite", "list"}, 1,
     "refs: error: notes.sqlite: not a SQLite database (refusing to use it as a refs library)\n"},
    {{"--db", ".", "list"}, 1, "refs: error: .: is a directory, not a refs library\n"},
    {{"--db", "good.md/lib.sqlite", "resolve", "good.md"}, 1,
     "refs: error: good.md/lib.sqlite: cannot create the library: good.md is not a directory\n"},
    // Keys and fields
    {{"show", "nope"}, 1, "refs: error: unknown citation key 'nope'\nhint: run 'refs list' to see the keys in the library\n"},
    {{"export", "nope", "arxiv2023yarn", "nada"}, 1,
     "refs: error: unknown citation key 'nope'\nrefs: error: unknown citation key 'nada'\n"},
    {{"rm", "nope"}, 1, "refs: error: unknown citation key 'nope'\n"},
    {{"set", "nope", "title=x"}, 1, "refs: error: unknown citation key 'nope'\n"},
    {{"set", "arxiv2023yarn", "colour=red"}, 1, "refs: error: arxiv2023yarn: colour: unknown field 'colour'\n"},
    {{"set", "arxiv2023yarn", "title=Fine", "issued=2023-13"}, 1,
     "refs: error: arxiv2023yarn: issued: '2023-13' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)\n"},
    {{"set", "arxiv2023yarn", "notanassignment"}, 2,
     "refs: error: 'notanassignment': expected FIELD=VALUE\nhint: run 'refs set --help'\n"},
    {{"set", "arxiv2023yarn", "key=bad key"}, 1,
     "refs: error: arxiv2023yarn: 'bad key' is not a valid key (letters, digits, _ - : . only)\n"},
    {{"dedupe", "--undo", "999"}, 1,
     "refs: error: lib.sqlite: cannot undo merge 999: no such merge (`refs dedupe --history` lists them)\n"},
};

// Each bad input gets its one clear line (or one per problem) and its exit
// code, and neither the library nor any file changes.
TEST_F(CliBadInput, EveryCommandRefusesBadInputAndChangesNothing) {
  ASSERT_GE(k_bad_inputs.size(), 40U);
  for (const BadInput& bad : k_bad_inputs) {
    std::vector<std::string> args = bad.args;
    if (std::find(args.begin(), args.end(), "--db") == args.end()) {
      args.insert(args.begin(), {"--db", "lib.sqlite"});
    }
    std::string line;
    for (const std::string& a : args) {
      line += " " + a;
    }
    SCOPED_TRACE("refs" + line);
    const RunResult r = run(args);
    EXPECT_EQ(r.exit_code, bad.code);
    EXPECT_EQ(r.err, bad.err);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(dump(), m_before);
  }
}

TEST_F(CliBadInput, BadSourceDateEpoch) {
  const RunResult r = run_refs(m_dir.path(), {"--db", "lib.sqlite", "list"}, {"SOURCE_DATE_EPOCH=yesterday"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "refs: error: SOURCE_DATE_EPOCH: 'yesterday' is not a Unix time\n");
}

} // namespace
} // namespace refs::testing
