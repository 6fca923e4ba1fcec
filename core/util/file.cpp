#include "core/util/file.hpp"

#include "core/util/string.hpp"

#include <array>
#include <cerrno>
#include <fstream>
#include <system_error>

namespace refs::util {

tl::expected<std::string, std::string> read_file(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return tl::make_unexpected(path.string() + ": is a directory");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return tl::make_unexpected(path.string() + ": cannot read: " + util::errno_text(errno));
  }
  // Reserved to its size when it has one (a 28 MB .bib grown through a
  // stringstream cost two copies); a pipe or /proc file has none.
  std::string text;
  if (const auto size = std::filesystem::file_size(path, ec); !ec) {
    text.reserve(size);
  }
  std::array<char, 1 << 16> chunk;
  while (in.read(chunk.data(), chunk.size()) || in.gcount() > 0) {
    text.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) {
    return tl::make_unexpected(path.string() + ": read failed: " + util::errno_text(errno));
  }
  return text;
}

} // namespace refs::util
