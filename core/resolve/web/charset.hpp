#pragma once

#include <string>
#include <string_view>

namespace refs::resolve::web {

/// A page's bytes as UTF-8, and which encoding they were read as. Bytes
/// that were UTF-8 already are not copied: `text()` then points into the
/// bytes given to decode_page, which must outlive it.
struct DecodedPage {
  std::string converted;   ///< the text, when it had to be converted
  std::string_view input;  ///< the text, when it did not
  bool was_converted = false;
  std::string encoding; ///< the iconv name used ("UTF-8", "CP949", ...)

  std::string_view text() const { return was_converted ? std::string_view(converted) : input; }
};

/// The iconv name for a charset label as the WHATWG Encoding Standard maps
/// it (labels are matched case-insensitively, surrounding space ignored):
/// iso-8859-1, latin1 and us-ascii are windows-1252, euc-kr is CP949,
/// shift_jis is CP932, gb2312 and gbk are GB18030. "" for an unknown label.
std::string encoding_for_label(std::string_view label);

/// The charset parameter of a Content-Type header value, or "".
std::string charset_of_content_type(std::string_view content_type);

/// The charset a page declares in its first 1024 bytes, by `<meta charset>`
/// or `<meta http-equiv="Content-Type" content="...; charset=...">`, or "".
std::string sniff_meta_charset(std::string_view bytes);

/// Decodes a page as browsers do: a BOM wins, then the HTTP header, then
/// the <meta> prescan, else UTF-8. A declared charset that the bytes
/// contradict (they are valid UTF-8 with non-ASCII in them) is overruled by
/// UTF-8, since servers and CMSs mislabel pages far more often than pages
/// happen to be valid UTF-8 by accident. Bytes that do not decode become
/// U+FFFD. Never fails.
DecodedPage decode_page(std::string_view bytes, std::string_view content_type);

} // namespace refs::resolve::web
