#include "core/import/file_encoding.hpp"

#include "core/util/string.hpp"
#include "core/util/text_conversion.hpp"
#include "core/util/utf8.hpp"

#include <unicode/ucsdet.h>

#include <algorithm>
#include <memory>

namespace refs::importing {

namespace {

/// The encoding a file declares on its first lines, as iconv names it, or "".
std::string declared_encoding(std::string_view text) {
  std::size_t end = 0;
  for (int line = 0; line < 5 && end != std::string_view::npos; ++line) {
    end = text.find('\n', end == 0 ? 0 : end + 1);
  }
  const std::string head = util::to_lower_ascii(text.substr(0, end));
  std::string name;
  if (const std::size_t at = head.find("% encoding:"); at != std::string::npos) {
    name = std::string(util::trim(std::string_view(head).substr(at + 11, head.find('\n', at) - at - 11)));
  } else if (const std::size_t cookie = head.find("coding:"); cookie != std::string::npos && head.find("-*-") < cookie) {
    const std::size_t from = head.find_first_not_of(' ', cookie + 7);
    name = head.substr(from, head.find_first_of(" ;\n", from) - from);
    for (std::string_view eol : {"-unix", "-dos", "-mac"}) {
      if (name.ends_with(eol)) {
        name.resize(name.size() - eol.size());
      }
    }
    if (name.starts_with("latin-")) { // Emacs' names for ISO 8859
      static constexpr const char* k_parts[] = {"1", "2", "3", "4", "9", "10", "13", "14", "15", "16"};
      const int n = std::atoi(name.c_str() + 6);
      name = n >= 1 && n <= 10 ? std::string("iso-8859-") + k_parts[n - 1] : name;
    }
  }
  if (!name.empty() && name.back() == '\r') {
    name.pop_back();
  }
  return name;
}

/// What ICU's charset detector takes the bytes to be, or "".
std::string likely_encoding(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(ucsdet_open(&status), ucsdet_close);
  if (U_FAILURE(status)) {
    return "";
  }
  ucsdet_setText(detector.get(), bytes.data(), static_cast<int32_t>(std::min<std::size_t>(bytes.size(), 1 << 20)), &status);
  const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
  const char* name = U_SUCCESS(status) && match != nullptr ? ucsdet_getName(match, &status) : nullptr;
  return U_SUCCESS(status) && name != nullptr ? name : "";
}

/// UTF-16 without a byte-order mark: "UTF-16BE" when most NULs of the
/// first 4 KiB stand at even offsets, "UTF-16LE" at odd ones, else "".
std::string bomless_utf16(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, 4096);
  std::size_t even = 0;
  std::size_t odd = 0;
  for (std::size_t i = 0; i < head.size(); ++i) {
    if (head[i] == '\0') {
      ++(i % 2 == 0 ? even : odd);
    }
  }
  if ((even + odd) * 4 < head.size()) {
    return "";
  }
  return even > odd * 4 ? "UTF-16BE" : odd > even * 4 ? "UTF-16LE" : "";
}

std::string convert_hint(const std::string& encoding) {
  return "convert it first, e.g. iconv -f " + encoding + " -t utf-8";
}

} // namespace

tl::expected<std::string, std::string> bibliography_text(std::string bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    bytes.erase(0, 3);
  }
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    auto text = util::convert_to_utf8(std::string_view(bytes).substr(2), bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE");
    return text ? tl::expected<std::string, std::string>(std::move(*text)) : tl::make_unexpected("cannot read UTF-16");
  }
  const auto bad = util::find_invalid_utf8(bytes);
  if (!bad && bytes.find('\0') == std::string::npos) {
    return bytes;
  }
  if (const std::string utf16 = bomless_utf16(bytes); !utf16.empty()) {
    auto text = util::convert_to_utf8(bytes, utf16);
    if (text && util::to_lower_ascii(declared_encoding(*text)).starts_with("utf-16")) {
      return std::move(*text); // JabRef's header, in the file's own encoding
    }
    return tl::make_unexpected("holds NUL bytes: it looks like " + utf16 + " without a byte-order mark; " +
                               convert_hint(utf16));
  }
  if (!bad) {
    return tl::make_unexpected("holds a NUL byte; not a text file");
  }
  const std::string declared = declared_encoding(bytes);
  const std::string byte = std::to_string(*bad);
  const std::string where = " (byte " + byte + ")";
  if (!declared.empty() && declared != "utf-8" && declared != "utf8") {
    if (auto text = util::convert_to_utf8(bytes, declared)) {
      return std::move(*text);
    }
    return tl::make_unexpected("declares the encoding '" + declared + "', which iconv does not know");
  }
  const std::string likely = likely_encoding(bytes);
  const std::string guess = likely.empty() || likely == "UTF-8" ? "ISO-8859-1" : likely;
  return tl::make_unexpected((declared.empty() ? "not UTF-8" : "declares UTF-8 but is not") + where +
                             "; it looks like " + guess + ": " + convert_hint(guess));
}

} // namespace refs::importing
