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
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    return tl::make_unexpected(path.string() + ": read failed: " + util::errno_text(errno));
  }
  return buffer.str();
}

} // namespace refs::util
