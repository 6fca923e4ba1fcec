#include "core/resolve/web/charset.hpp"

#include "core/util/string.hpp"
#include "core/util/text_conversion.hpp"
#include "core/util/utf8.hpp"


#include <algorithm>
#include <array>
#include <cerrno>
#include <utility>

namespace refs::resolve::web {

// Character encodings of web pages (https://encoding.spec.whatwg.org/,
// "Names and labels"; HTML §13.2.3.2 for the prescan). The labels that
// matter in practice are the legacy ones whose real meaning differs from
// their name: a page that says iso-8859-1 is decoded as windows-1252 by
// every browser, euc-kr as Microsoft's superset CP949 (Korean news sites
// depend on it), shift_jis as CP932. Fixtures: tests/fixtures/web/*-euc-kr,
// *-shift_jis, and corpus pages that declare one charset and use another.

namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 40> k_labels = {{
    {"utf-8", "UTF-8"},          {"utf8", "UTF-8"},          {"unicode-1-1-utf-8", "UTF-8"},
    {"iso-8859-1", "WINDOWS-1252"}, {"iso8859-1", "WINDOWS-1252"}, {"latin1", "WINDOWS-1252"},
    {"l1", "WINDOWS-1252"},      {"us-ascii", "WINDOWS-1252"}, {"ascii", "WINDOWS-1252"},
    {"windows-1252", "WINDOWS-1252"}, {"cp1252", "WINDOWS-1252"}, {"x-cp1252", "WINDOWS-1252"},
    {"euc-kr", "CP949"},         {"ks_c_5601-1987", "CP949"}, {"korean", "CP949"},
    {"windows-949", "CP949"},    {"cp949", "CP949"},          {"shift_jis", "CP932"},
    {"shift-jis", "CP932"},      {"sjis", "CP932"},           {"ms_kanji", "CP932"},
    {"windows-31j", "CP932"},    {"x-sjis", "CP932"},         {"csshiftjis", "CP932"},
    {"euc-jp", "EUC-JP"},        {"iso-2022-jp", "ISO-2022-JP"}, {"gb2312", "GB18030"},
    {"gbk", "GB18030"},          {"x-gbk", "GB18030"},        {"gb18030", "GB18030"},
    {"big5", "BIG5-HKSCS"},      {"big5-hkscs", "BIG5-HKSCS"}, {"windows-1251", "WINDOWS-1251"},
    {"cp1251", "WINDOWS-1251"},  {"koi8-r", "KOI8-R"},        {"iso-8859-2", "ISO-8859-2"},
    {"iso-8859-15", "ISO-8859-15"}, {"windows-1250", "WINDOWS-1250"}, {"utf-16le", "UTF-16LE"},
    {"utf-16be", "UTF-16BE"},
}};

bool has_non_ascii(std::string_view bytes) {
  return std::any_of(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

/// The value after `charset=` in `text`, up to a quote, semicolon or space.
std::string charset_param(std::string_view text) {
  const std::string lower = util::to_lower_ascii(text);
  const std::size_t at = lower.find("charset");
  if (at == std::string::npos) {
    return "";
  }
  std::size_t i = lower.find_first_not_of(" \t", at + 7);
  if (i == std::string::npos || lower[i] != '=') {
    return "";
  }
  i = lower.find_first_not_of(" \t\"'", i + 1);
  if (i == std::string::npos) {
    return "";
  }
  const std::size_t end = lower.find_first_of(" \t\"';>/", i);
  return lower.substr(i, end == std::string::npos ? std::string::npos : end - i);
}

/// The bytes in UTF-8; as they are when iconv does not know the encoding.
std::string convert(std::string_view bytes, const std::string& encoding) {
  auto text = util::convert_to_utf8(bytes, encoding);
  return text ? std::move(*text) : std::string(bytes);
}

} // namespace

std::string encoding_for_label(std::string_view label) {
  const std::string key = util::to_lower_ascii(util::trim(label));
  for (const auto& [name, encoding] : k_labels) {
    if (key == name) {
      return std::string(encoding);
    }
  }
  return "";
}

std::string charset_of_content_type(std::string_view content_type) { return charset_param(content_type); }

std::string sniff_meta_charset(std::string_view bytes) {
  const std::string head = util::to_lower_ascii(bytes.substr(0, 1024));
  for (std::size_t at = head.find("<meta"); at != std::string::npos; at = head.find("<meta", at + 5)) {
    const std::size_t end = head.find('>', at);
    const std::string_view tag = std::string_view(head).substr(at, end == std::string::npos ? std::string::npos : end - at);
    if (tag.find("charset") != std::string_view::npos) {
      if (std::string label = charset_param(tag); !label.empty()) {
        return label;
      }
    }
  }
  return "";
}

DecodedPage decode_page(std::string_view bytes, std::string_view content_type) {
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    return {"", bytes.substr(3), false, "UTF-8"};
  }
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    const std::string encoding = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    return {convert(bytes.substr(2), encoding), {}, true, encoding};
  }
  std::string declared = encoding_for_label(charset_of_content_type(content_type));
  if (declared.empty()) {
    declared = encoding_for_label(sniff_meta_charset(bytes));
  }
  // A body cut at the size cap may end inside a character: that is no
  // reason to doubt the rest.
  const auto invalid = util::find_invalid_utf8(bytes);
  const bool valid_utf8 = !invalid || (*invalid + 4 > bytes.size() && !util::find_invalid_utf8(bytes.substr(0, *invalid)));
  if (declared == "UTF-16LE" || declared == "UTF-16BE") {
    declared = "UTF-8"; // a <meta> cannot truly declare UTF-16 (WHATWG): the bytes it sits in are ASCII
  }
  if (valid_utf8) {
    // Valid UTF-8 wins over a declaration it contradicts; pure ASCII reads
    // the same either way.
    if (declared.empty() || declared == "UTF-8" || has_non_ascii(bytes)) {
      return {"", bytes, false, "UTF-8"};
    }
  }
  if (declared.empty()) {
    declared = "WINDOWS-1252"; // what browsers assume for an undeclared legacy page
  }
  return {convert(bytes, declared), {}, true, declared};
}

} // namespace refs::resolve::web
