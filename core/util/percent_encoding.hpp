#pragma once

#include <string>

namespace refs::util {

/// An RFC 3986 unreserved character: ALPHA, DIGIT, '-', '.', '_', '~'.
bool is_unreserved(unsigned char c);

/// Appends `c` as a percent-escape with upper-case hex digits ("%2F").
void append_percent_escaped(std::string& out, unsigned char c);

/// The value of a hex digit, or -1.
int hex_digit_value(char c);

} // namespace refs::util
