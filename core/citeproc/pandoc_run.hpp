#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

namespace refs::citeproc {

/// Writes one of pandoc's input files. Throws refs::Error naming it when
/// it cannot be written.
void write_input(const std::filesystem::path& path, std::string_view text);

/// Runs pandoc (`args[0]`) with its output streams kept in `dir`. Gives the
/// lines it wrote to stderr (its warnings), or one line saying why it
/// failed: not installed (naming the package), not runnable, or a non-zero
/// exit with its first line of error.
tl::expected<std::vector<std::string>, std::string> run_pandoc(const std::vector<std::string>& args,
                                                               const std::filesystem::path& dir);

} // namespace refs::citeproc
