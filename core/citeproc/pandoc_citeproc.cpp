#include "core/citeproc/pandoc_citeproc.hpp"

#include "core/citeproc/pandoc_run.hpp"
#include "core/util/child_process.hpp"
#include "core/util/file.hpp"

namespace refs::citeproc {

namespace {

namespace fs = std::filesystem;

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
  write_input(dir.path() / "works.json", csl_json);
  write_input(dir.path() / "in.md", citeproc_document(rendering));
  write_input(dir.path() / "entries.lua", citeproc_filter());
  auto warnings = run_pandoc(arguments(setup, dir.path(), rendering.bibliography), dir.path());
  if (!warnings) {
    return tl::make_unexpected(warnings.error());
  }
  auto rendered = read_rendered(util::read_file(dir.path() / "out.md").value_or(""), rendering.citations.size());
  if (rendered) {
    rendered->warnings = std::move(*warnings);
  }
  return rendered;
}

} // namespace refs::citeproc
