#pragma once

#include <string_view>

namespace refs::cli {

/// Writes the output a command was asked for to stdout and flushes it.
/// Throws refs::Error ("stdout: cannot write: ...") when that fails (a full
/// disk, a closed pipe), so a failed write is never a success.
void write_stdout(std::string_view text);

} // namespace refs::cli
