#pragma once

#include <filesystem>
#include <string>

#include <tl/expected.hpp>

namespace refs::util {

/// Reads a whole file. On failure returns "PATH: why" (no such file,
/// permission denied, is a directory, ...), ready to print.
tl::expected<std::string, std::string> read_file(const std::filesystem::path& path);

} // namespace refs::util
