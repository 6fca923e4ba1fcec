#include "core/citeproc/pandoc_html.hpp"

#include "core/citeproc/pandoc_run.hpp"
#include "core/util/child_process.hpp"
#include "core/util/concat.hpp"
#include "core/util/file.hpp"
#include "core/util/string.hpp"

namespace refs::citeproc {

// One document holds every piece, each after a paragraph that names it
// (REFSPIECE0, REFSPIECE1, ...): pandoc writes each Markdown paragraph as one
// line of HTML with --wrap=none, so the output splits at `<p>REFSPIECEn</p>`.

namespace {

std::string marker(std::size_t i) { return util::concat({"REFSPIECE", std::to_string(i)}); }

} // namespace

tl::expected<std::vector<std::string>, std::string> markdown_to_html(const std::string& pandoc,
                                                                     const std::vector<std::string>& pieces) {
  std::string document;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    document += util::concat({marker(i), "\n\n", pieces[i], "\n\n"});
  }
  const util::TempFolder dir;
  write_input(dir.path() / "in.md", document);
  const std::vector<std::string> args = {pandoc, "-f", "gfm", "-t", "html", "--wrap=none", "-o",
                                         (dir.path() / "out.html").string(), (dir.path() / "in.md").string()};
  if (auto ran = run_pandoc(args, dir.path()); !ran) {
    return tl::make_unexpected(ran.error());
  }
  const std::string html = util::read_file(dir.path() / "out.html").value_or("");
  std::vector<std::string> out;
  for (std::string_view line : util::split(html, '\n')) {
    if (line == util::concat({"<p>", marker(out.size()), "</p>"})) {
      out.emplace_back();
    } else if (!out.empty() && !line.empty()) {
      out.back() += out.back().empty() ? "" : "\n";
      out.back() += line;
    }
  }
  if (out.size() != pieces.size()) {
    return tl::make_unexpected(util::concat({"pandoc's HTML lacks entry ", std::to_string(out.size() + 1)}));
  }
  return out;
}

} // namespace refs::citeproc
