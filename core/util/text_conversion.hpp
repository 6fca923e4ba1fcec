#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace refs::util {

/// `bytes` in `encoding` (an iconv name: "WINDOWS-1252", "UTF-16LE") as
/// UTF-8, each byte that does not decode becoming U+FFFD; nullopt when
/// iconv does not know the encoding.
std::optional<std::string> convert_to_utf8(std::string_view bytes, const std::string& encoding);

} // namespace refs::util
