// End-to-end: the scripts `refs completion bash|zsh` prints, loaded into a
// real bash and zsh and asked what they offer on a command line, with keys
// read from a real library through the refs binary. Bash runs its own
// completion function as it would on TAB; zsh's completion builtins only
// work inside its line editor, so compadd, _describe, _files and compset
// are stand-ins that print what the script hands them.
#include "tests/support/refs_runner.hpp"
#include "tests/support/temp_dir.hpp"

#include <cstdio>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

namespace refs::testing {
namespace {

const std::string k_library = std::string(REFS_SOURCE_DIR) + "/tests/fixtures/search/library.json";

class CliCompletion : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_EQ(run_refs(m_dir.path(), {"--db", "lib.sqlite", "import", k_library}).exit_code, 0);
    m_dir.write("colon.bib", "@inproceedings{DBLP:conf/iclr/PengQFS24, title = {YaRN}, year = {2024}}\n");
    ASSERT_EQ(run_refs(m_dir.path(), {"--db", "lib.sqlite", "import", "colon.bib"}).exit_code, 0);
    m_dir.write("post.md", "A post.\n");
    m_dir.write("notes.txt", "not a post\n");
    m_dir.write("drafts/next.md", "Another.\n");
    for (const char* shell : {"bash", "zsh"}) {
      const RunResult r = run_refs(m_dir.path(), {"completion", shell});
      ASSERT_EQ(r.exit_code, 0) << r.err;
      m_dir.write(std::string("refs.") + shell, r.out);
    }
  }

  /// Runs `script` with `shell` in the test folder; what it printed.
  std::string run_script(const std::string& shell, const std::string& script) {
    // The C locale sorts alike everywhere; REFS_DB keeps the user's own
    // library out of what a command line without --db completes.
    m_dir.write("run." + shell, "export LC_ALL=C REFS_DB=\"$PWD/none.sqlite\" HOME=\"$PWD\"\n" + script);
    return shell_output(m_dir.path(), shell + " run." + shell);
  }

  /// What bash offers for `words` (COMP_WORDS as bash splits the line, the
  /// last one being completed), sorted, one per line.
  std::string bash_offers(const std::vector<std::string>& words) {
    const std::string array_head = std::string("'") + REFS_BINARY + "'";
    std::string array = array_head;
    std::string line = REFS_BINARY;
    for (std::size_t i = 1; i < words.size(); ++i) {
      array += " '" + words[i] + "'";
      // Pieces of one word, as bash splits it: no space between them.
      const bool glued = words[i] == ":" || words[i] == "=" || words[i - 1] == ":" || words[i - 1] == "=" ||
                         words[i - 1] == "[@" || words[i - 1] == "@";
      line += (glued ? "" : " ") + words[i];
    }
    return run_script("bash", "source ./refs.bash\nCOMP_WORDBREAKS=$' \\t\\n\"\\'@><=;|&(:'\nCOMP_WORDS=(" + array + ")\nCOMP_CWORD=" +
                                    std::to_string(words.size() - 1) + "\nCOMP_LINE='" + line +
                                    "'\nCOMP_POINT=${#COMP_LINE}\n_refs\nprintf '%s\\n' \"${COMPREPLY[@]}\" | sort\n");
  }

  /// What zsh's script hands its completion builtins for `words`.
  std::string zsh_offers(const std::vector<std::string>& words) {
    const std::string array_head = std::string("'") + REFS_BINARY + "'";
    std::string array = array_head;
    for (std::size_t i = 1; i < words.size(); ++i) {
      array += " '" + words[i] + "'";
    }
    return run_script("zsh", R"zsh(compdef() { :; }
compadd() {
  local -a out; local array=
  while (( $# )); do
    case $1 in
      -a) array=$2; shift 2 ;;
      -S|-P) shift 2 ;;
      --) shift; out+=("$@"); break ;;
      *) shift ;;
    esac
  done
  [[ -n $array ]] && out+=(${(P)array})
  print -l -- $out | sort
}
_describe() { local name=${@[-1]}; print -l -- ${${(P)name}%%:*} | sort; }
_files() { print -- "_files $*"; }
compset() { print -- "compset $*"; }
source ./refs.zsh
words=()zsh" + array + ")\nCURRENT=" + std::to_string(words.size()) + "\n_refs\n");
  }

  TempDir m_dir;
};

TEST_F(CliCompletion, BashCompletesCommandsOptionsAndValues) {
  EXPECT_EQ(bash_offers({"refs", "se"}), "search\nset\n");
  EXPECT_EQ(bash_offers({"refs", "search", "--l"}), "--limit\n");
  EXPECT_EQ(bash_offers({"refs", "export", "--bib"}), "--biblatex\n--bibtex\n");
  EXPECT_EQ(bash_offers({"refs", "export", "--style", ""}), "full\nlink\n");
  EXPECT_EQ(bash_offers({"refs", "--ti"}), "--timeout\n");
  EXPECT_EQ(bash_offers({"refs", "completion", ""}), "bash\nzsh\n");
  EXPECT_EQ(bash_offers({"refs", "search", "au"}), "author:\n");
  EXPECT_EQ(bash_offers({"refs", "resolve", ""}), "drafts\npost.md\n");
  EXPECT_EQ(bash_offers({"refs", "--db", "lib.sqlite", "export", "--post", "dr"}), "drafts\n");
}

TEST_F(CliCompletion, BashCompletesKeysFromTheLibraryNamed) {
  EXPECT_EQ(bash_offers({"refs", "--db", "lib.sqlite", "show", "t"}), "tanaka2022summary\ntay2022efficient\n");
  EXPECT_EQ(bash_offers({"refs", "--db", "lib.sqlite", "rm", "he2016residual", "h"}), "he2016residual\nho2020denoising\n");
  EXPECT_EQ(bash_offers({"refs", "--db", "lib.sqlite", "set", "peng2023yarn", "ti"}), "title=\n");
  EXPECT_EQ(bash_offers({"refs", "--db", "lib.sqlite", "export", "--bibtex", "ki"}), "kim2021korean\nkingma2015adam\n");
  // Bash splits words at '@' and ':' (COMP_WORDBREAKS): what it keeps
  // before the cursor's part of the word is not offered again.
  EXPECT_EQ(bash_offers({"refs", "--db", "lib.sqlite", "show", "[@", "pe"}), "peng2023yarn]\n");
  EXPECT_EQ(bash_offers({"refs", "--db", "lib.sqlite", "published", "@", "va"}), "vaswani2017attention\n");
  EXPECT_EQ(bash_offers({"refs", "--db", "lib.sqlite", "show", "DBLP", ":", "co"}), "conf/iclr/PengQFS24\n");
  EXPECT_EQ(bash_offers({"refs", "--db", "lib.sqlite", "set", "DBLP", ":", "co"}), "conf/iclr/PengQFS24\n");
  EXPECT_EQ(bash_offers({"refs", "--db", "=", "lib.sqlite", "show", "tay"}), "tay2022efficient\n");
  EXPECT_EQ(bash_offers({"refs", "--db", "~/lib.sqlite", "show", "tay"}), "tay2022efficient\n");
  // Without --db, the default library: none here, so no keys and no error.
  EXPECT_EQ(bash_offers({"refs", "show", "pe"}), "\n");
}

// A key is text from a file another tool wrote: completion never runs it.
TEST_F(CliCompletion, AKeyIsNeverRunAsShellCode) {
  m_dir.write("evil.bib", "@misc{x`touch>pwned`y, title = {Evil}}\n@misc{x$HOME, title = {Evil too}}\n");
  ASSERT_EQ(run_refs(m_dir.path(), {"--db", "lib.sqlite", "import", "evil.bib"}).exit_code, 0);
  EXPECT_EQ(bash_offers({"refs", "--db", "lib.sqlite", "show", "x"}), "x\\$HOME\nx\\`touch\\>pwned\\`y\n");
  EXPECT_FALSE(std::filesystem::exists(m_dir / "pwned"));
}

TEST_F(CliCompletion, ZshHandsItsBuiltinsTheSameWords) {
  EXPECT_EQ(zsh_offers({"refs", ""}), "cache\ncheck\ncite\ncompletion\ndedupe\nexport\nextract\nimport\nlist\n"
                                      "published\nresolve\nrm\nsearch\nset\nshow\n");
  const std::string keys = zsh_offers({"refs", "--db", "lib.sqlite", "show", "pe"});
  EXPECT_NE(keys.find("DBLP:conf/iclr/PengQFS24\n"), std::string::npos) << keys;
  EXPECT_NE(keys.find("peng2023yarn\n"), std::string::npos) << keys;
  EXPECT_EQ(zsh_offers({"refs", "--db", "lib.sqlite", "show", "[@pe"}).substr(0, 20), "compset -P *@\nDBLP:c");
  EXPECT_EQ(zsh_offers({"refs", "export", "--sort", ""}), "date\nkey\n");
  EXPECT_EQ(zsh_offers({"refs", "resolve", ""}), "_files -g *.(md|markdown)\n");
  EXPECT_EQ(zsh_offers({"refs", "--db", "lib.sqlite", "set", "peng2023yarn", "ti"}).find("title=\n") != std::string::npos,
            true);
  const std::string options = zsh_offers({"refs", "search", "--"});
  EXPECT_NE(options.find("--limit\n"), std::string::npos) << options;
  EXPECT_NE(options.find("--keys\n"), std::string::npos) << options;
}

TEST_F(CliCompletion, AnUnknownShellIsAUsageError) {
  const RunResult r = run_refs(m_dir.path(), {"completion", "fish"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.substr(0, r.err.find('\n')), "refs: error: shell: fish not in {bash,zsh}");
}

} // namespace
} // namespace refs::testing
