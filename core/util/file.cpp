#include "core/util/file.hpp"

#include "core/util/string.hpp"

#include <cerrno>
#include <fstream>
#include <sstream>
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
  // Read whole in one call when the size is known (a 28 MB .bib copied
  // through a stringstream cost two copies); a pipe or /proc file has none.
  std::string text;
  if (const auto size = std::filesystem::file_size(path, ec); !ec && size > 0) {
    text.resize(size);
    in.read(text.data(), static_cast<std::streamsize>(size));
    text.resize(static_cast<std::size_t>(in.gcount()));
  }
  if (!in.eof()) {
    std::ostringstream rest;
    rest << in.rdbuf();
    text += rest.str();
  }
  if (in.bad()) {
    return tl::make_unexpected(path.string() + ": read failed: " + util::errno_text(errno));
  }
  return text;
}

} // namespace refs::util
