#include "core/citeproc/pandoc_run.hpp"

#include "core/util/child_process.hpp"
#include "core/util/error.hpp"
#include "core/util/file.hpp"
#include "core/util/string.hpp"

#include <fstream>

namespace refs::citeproc {

void write_input(const std::filesystem::path& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out.flush()) {
    throw Error(path.string() + ": cannot write pandoc's input");
  }
}

tl::expected<std::vector<std::string>, std::string> run_pandoc(const std::vector<std::string>& args,
                                                               const std::filesystem::path& dir) {
  const std::string& pandoc = args.front();
  const auto ran = util::run_program(args, dir / "stdout", dir / "stderr");
  if (!ran) {
    return tl::make_unexpected(ran.error() == "not found" ? "--csl needs pandoc, which is not installed (apt install pandoc)"
                                                          : "cannot run " + pandoc + ": " + ran.error());
  }
  const std::string errors = util::read_file(dir / "stderr").value_or("");
  std::vector<std::string> lines;
  for (std::string_view line : util::split(errors, '\n')) {
    if (!util::trim(line).empty()) {
      lines.emplace_back(util::trim(line));
    }
  }
  if (*ran != 0) {
    std::string message = pandoc + " failed (exit " + std::to_string(*ran) + ")";
    if (!lines.empty()) {
      message += ": ";
      message += lines.front();
    }
    return tl::make_unexpected(message);
  }
  return lines;
}

} // namespace refs::citeproc
