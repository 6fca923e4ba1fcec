#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace refs::util {

/// Returns the byte offset of the first byte that does not begin a
/// well-formed UTF-8 sequence (overlongs, surrogates and code points above
/// U+10FFFF are ill-formed), or nullopt when the whole text is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

/// Decodes the code point starting at `pos` of valid UTF-8 and advances
/// `pos` past it. The caller guarantees `pos < text.size()`.
char32_t next_code_point(std::string_view text, std::size_t& pos);

/// Appends the UTF-8 encoding of `cp` to `out`.
void append_utf8(std::string& out, char32_t cp);

} // namespace refs::util
