// Every CSL style Debian ships (citation-style-language-styles) renders the
// sample post's citations through `refs export --markdown --csl`: each of
// the independent styles, and each dependent style's parent in each locale
// a dependent asks for (a dependent says nothing else). Every dependent must
// resolve to a parent that is there. Two refs processes at a time; some
// minutes. Under the sanitizers, which check refs' own code (the same for
// every style, while pandoc does the rendering), every 16th.
#include "core/citeproc/csl_style.hpp"
#include "tests/support/refs_runner.hpp"
#include "tests/support/temp_dir.hpp"

#include <algorithm>
#include <deque>
#include <filesystem>
#include <memory>
#include <set>

#include <gtest/gtest.h>

namespace refs::testing {
namespace {

namespace fs = std::filesystem;

const fs::path k_styles = "/usr/share/citation-style-language/styles";

#ifdef REFS_SANITIZED
constexpr std::size_t k_stride = 16;
#else
constexpr std::size_t k_stride = 1;
#endif

std::vector<std::string> styles_in(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".csl") {
      out.push_back(entry.path().stem().string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(CliAllStyles, EveryStyleDebianShipsRendersTheSamplePost) {
  ASSERT_TRUE(fs::is_directory(k_styles)) << "citation-style-language-styles is not installed (make test-deps)";
  TempDir dir;
  dir.write("post.md", slurp(test_data("ai-trends-2023-11.md")));
  ASSERT_EQ(run_refs(dir.path(), {"--db", "lib.sqlite", "--offline", "resolve", "post.md"}).exit_code, 0);

  std::vector<std::string> names = styles_in(k_styles);
  const std::size_t independent = names.size();
  std::set<std::pair<std::string, std::string>> combinations; // (parent, locale)
  std::vector<std::string> unresolved;
  const std::vector<std::string> dependents = styles_in(k_styles / "dependent");
  for (const std::string& name : dependents) {
    const auto style = citeproc::find_csl_style(name, k_styles);
    if (!style) {
      unresolved.push_back(style.error());
    } else if (combinations.insert({style->file.string(), style->locale}).second) {
      names.push_back(name);
    }
  }
  EXPECT_EQ(unresolved, std::vector<std::string>{});
  EXPECT_GT(independent, 2000u);
  EXPECT_GT(dependents.size(), 7000u);

  std::vector<std::string> failed;
  std::deque<std::pair<std::string, std::unique_ptr<RefsProcess>>> running;
  const auto finish_one = [&] {
    const RunResult r = running.front().second->wait();
    if (r.exit_code != 0 || r.out.empty()) {
      failed.push_back(running.front().first + ": " + r.err.substr(0, r.err.find('\n')));
    }
    running.pop_front();
  };
  std::size_t rendered = 0;
  for (std::size_t i = 0; i < names.size(); i += k_stride) {
    if (running.size() == 2) {
      finish_one();
    }
    running.emplace_back(names[i], std::make_unique<RefsProcess>(
                                       dir.path(), std::vector<std::string>{"--db", "lib.sqlite", "--offline", "export",
                                                                            "--markdown", "--csl", names[i], "--post",
                                                                            "post.md"}));
    ++rendered;
  }
  while (!running.empty()) {
    finish_one();
  }
  EXPECT_EQ(failed, std::vector<std::string>{});
  std::printf("rendered %zu styles: %zu independent, and %zu dependents' parent-and-locale pairs (of %zu dependents)\n",
              rendered, (independent + k_stride - 1) / k_stride, rendered - (independent + k_stride - 1) / k_stride,
              dependents.size());
}

} // namespace
} // namespace refs::testing
