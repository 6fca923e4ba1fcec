#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace refs::util {

/// Removes ASCII whitespace at both ends.
std::string_view trim(std::string_view text);

/// Lower-cases ASCII letters only; other bytes are kept as they are.
std::string to_lower_ascii(std::string_view text);

/// Replaces every run of ASCII whitespace with one space and trims the ends.
std::string collapse_whitespace(std::string_view text);

/// Case-insensitive (ASCII) prefix test.
bool starts_with_ci(std::string_view text, std::string_view prefix);

/// Case-insensitive (ASCII) suffix test.
bool ends_with_ci(std::string_view text, std::string_view suffix);

/// Splits on `sep`, keeping empty fields.
std::vector<std::string_view> split(std::string_view text, char sep);

/// The text with its first letter lower-cased (ASCII), for messages built
/// from library texts such as strerror() ("Permission denied"); a first
/// word with more capitals ("SSL:", "I/O", "OpenSSL") is left as it is.
std::string lower_first(std::string text);

/// strerror(errnum) in message form: "permission denied".
std::string errno_text(int errnum);

/// True for ASCII digits only, and false for the empty string.
bool all_digits(std::string_view text);

} // namespace refs::util
