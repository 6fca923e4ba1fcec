#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace refs::post {

/// A line of a post and the bytes that end it ("\n", "\r\n", "\r", or
/// none for a last line without an end).
struct LineSpan {
  std::string_view text;
  std::string_view end;
};

/// Splits a post into lines as split_lines does, keeping each line's end,
/// so that a rewrite can give back every byte it does not change (a UTF-8
/// byte order mark is left out; the caller keeps it).
std::vector<LineSpan> split_line_spans(std::string_view text);

/// Splits a post into lines, dropping a UTF-8 byte order mark and accepting
/// LF, CRLF and lone CR endings. Line i of the result is line i+1 of the file.
std::vector<std::string_view> split_lines(std::string_view text);

/// The column after the leading spaces and tabs of a line (tabs stop every 4).
int indent_width(std::string_view line);

/// Removes up to `columns` columns of leading indentation; a tab that
/// crosses the limit is removed whole.
std::string_view strip_indent(std::string_view line, int columns);

/// True for a line holding only spaces and tabs.
bool is_blank(std::string_view line);

} // namespace refs::post
