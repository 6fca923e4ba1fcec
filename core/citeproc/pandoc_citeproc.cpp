#include "core/citeproc/pandoc_citeproc.hpp"

#include "core/util/child_process.hpp"
#include "core/util/error.hpp"
#include "core/util/file.hpp"
#include "core/util/string.hpp"

#include <fstream>

namespace refs::citeproc {

namespace {

namespace fs = std::filesystem;

void write(const fs::path& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out.flush()) {
    throw Error(path.string() + ": cannot write pandoc's input");
  }
}

std::vector<std::string> arguments(const CiteprocSetup& setup, const fs::path& dir, bool bibliography) {
  std::vector<std::string> args = {setup.pandoc, "--citeproc", "--lua-filter", (dir / "entries.lua").string(),
                                   "--csl", setup.style.file.string(), "--bibliography", (dir / "works.json").string(),
                                   "-f", "markdown", "-t", "gfm", "--wrap=none", "-o", (dir / "out.md").string()};
  const std::string lang = setup.lang.empty() ? setup.style.locale : setup.lang;
  if (!lang.empty()) {
    args.insert(args.end(), {"-M", "lang=" + lang});
  }
  if (!bibliography) {
    args.insert(args.end(), {"-M", "suppress-bibliography=true"});
  }
  args.push_back((dir / "in.md").string());
  return args;
}

} // namespace

tl::expected<Rendered, std::string> render_citations(const CiteprocSetup& setup, const std::string& csl_json,
                                                     const Rendering& rendering) {
  const util::TempFolder dir;
  write(dir.path() / "works.json", csl_json);
  write(dir.path() / "in.md", citeproc_document(rendering));
  write(dir.path() / "entries.lua", citeproc_filter());
  const auto ran = util::run_program(arguments(setup, dir.path(), rendering.bibliography), dir.path() / "stdout",
                                     dir.path() / "stderr");
  if (!ran) {
    return tl::make_unexpected(ran.error() == "not found"
                                   ? "--csl needs pandoc, which is not installed (apt install pandoc)"
                                   : "cannot run " + setup.pandoc + ": " + ran.error());
  }
  const std::string errors = util::read_file(dir.path() / "stderr").value_or("");
  std::vector<std::string> lines;
  for (std::string_view line : util::split(errors, '\n')) {
    if (!util::trim(line).empty()) {
      lines.emplace_back(util::trim(line));
    }
  }
  if (*ran != 0) {
    return tl::make_unexpected(setup.pandoc + " failed (exit " + std::to_string(*ran) +
                               ")" + (lines.empty() ? "" : ": " + lines.front()));
  }
  auto rendered = read_rendered(util::read_file(dir.path() / "out.md").value_or(""), rendering.citations.size());
  if (rendered) {
    rendered->warnings = std::move(lines);
  }
  return rendered;
}

} // namespace refs::citeproc
