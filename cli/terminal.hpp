#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace refs::cli {

/// Whether the stream is a terminal (then rows are cut to its width and
/// messages may be coloured).
bool is_terminal(std::FILE* stream);

/// The terminal's width in columns, or 0 when stdout is not a terminal.
int terminal_width();

/// Columns the text takes on a terminal: East Asian wide and fullwidth
/// characters take two, combining marks none.
int display_width(std::string_view text);

/// The text cut to at most `columns` display columns, ending in "…" when cut.
std::string cut_to_width(std::string_view text, int columns);

/// The text padded with spaces to `columns` display columns.
std::string pad_to_width(std::string_view text, int columns);

} // namespace refs::cli
