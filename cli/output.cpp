#include "cli/output.hpp"

#include "core/util/error.hpp"
#include "core/util/string.hpp"

#include <cerrno>
#include <cstdio>

namespace refs::cli {

void write_stdout(std::string_view text) {
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0) {
    throw Error("stdout: cannot write: " + util::errno_text(errno));
  }
}

} // namespace refs::cli
