#include "core/dedupe/folded_text.hpp"

#include "core/util/utf8.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include <array>
#include <utility>

namespace refs::dedupe {

namespace {

bool kept(UChar32 c) {
  if (c == '#') {
    return true;
  }
  const auto type = static_cast<UCharCategory>(u_charType(c));
  switch (type) {
  case U_MATH_SYMBOL:
    return c != '|' && c != '~'; // separators in titles ("Title | Site")
  case U_CURRENCY_SYMBOL:
  case U_UPPERCASE_LETTER:
  case U_LOWERCASE_LETTER:
  case U_TITLECASE_LETTER:
  case U_MODIFIER_LETTER:
  case U_OTHER_LETTER:
  case U_DECIMAL_DIGIT_NUMBER:
  case U_LETTER_NUMBER:
  case U_OTHER_NUMBER:
    return true;
  default:
    return false;
  }
}

/// NFKC_Casefold then NFD; empty on an ICU failure (no title then).
icu::UnicodeString folded(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* fold = icu::Normalizer2::getNFKCCasefoldInstance(status);
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) {
    return {};
  }
  const icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString out = nfd->normalize(fold->normalize(text, status), status);
  return U_FAILURE(status) ? icu::UnicodeString() : out;
}

// Words that name numbers in titles. Ordinals count: "Second Edition".
constexpr std::array<std::pair<std::u32string_view, std::string_view>, 40> k_number_words = {{
    {U"zero", "0"},      {U"one", "1"},       {U"two", "2"},       {U"three", "3"},    {U"four", "4"},
    {U"five", "5"},      {U"six", "6"},       {U"seven", "7"},     {U"eight", "8"},    {U"nine", "9"},
    {U"ten", "10"},      {U"eleven", "11"},   {U"twelve", "12"},   {U"thirteen", "13"}, {U"fourteen", "14"},
    {U"fifteen", "15"},  {U"sixteen", "16"},  {U"seventeen", "17"}, {U"eighteen", "18"}, {U"nineteen", "19"},
    {U"twenty", "20"},   {U"thirty", "30"},   {U"forty", "40"},    {U"fifty", "50"},   {U"sixty", "60"},
    {U"seventy", "70"},  {U"eighty", "80"},   {U"ninety", "90"},   {U"hundred", "100"}, {U"thousand", "1000"},
    {U"first", "1"},     {U"second", "2"},    {U"third", "3"},     {U"fourth", "4"},   {U"fifth", "5"},
    {U"sixth", "6"},     {U"seventh", "7"},   {U"eighth", "8"},    {U"ninth", "9"},    {U"tenth", "10"},
}};

int roman_value(char32_t c) {
  switch (c) {
  case U'i': return 1;
  case U'v': return 5;
  case U'x': return 10;
  case U'l': return 50;
  case U'c': return 100;
  default: return 0;
  }
}

/// The value of a well-formed Roman numeral up to 399 in lower case
/// (vii, xiv, xl), or 0. Words like "mix" or "civil" are not numerals here:
/// m and d are left out, and the form must read back the same.
int roman(std::u32string_view word) {
  // A lone c or l is a letter ("C", "L-shaped"), not 100 or 50.
  if (word.empty() || word.size() > 8 || word == U"c" || word == U"l") {
    return 0;
  }
  int total = 0;
  for (std::size_t i = 0; i < word.size(); ++i) {
    const int v = roman_value(word[i]);
    if (v == 0) {
      return 0;
    }
    const int next = i + 1 < word.size() ? roman_value(word[i + 1]) : 0;
    total += next > v ? -v : v;
  }
  // Canonical spelling check: rebuild the numeral and compare.
  static constexpr std::array<std::pair<int, std::u32string_view>, 9> k_parts = {{
      {100, U"c"}, {90, U"xc"}, {50, U"l"}, {40, U"xl"}, {10, U"x"}, {9, U"ix"}, {5, U"v"}, {4, U"iv"}, {1, U"i"},
  }};
  std::u32string rebuilt;
  int rest = total;
  for (const auto& [value, text] : k_parts) {
    while (rest >= value) {
      rebuilt += text;
      rest -= value;
    }
  }
  return rebuilt == word ? total : 0;
}

void add_word_number(const std::u32string& word, std::vector<std::string>& out) {
  for (const auto& [name, value] : k_number_words) {
    if (word == name) {
      out.emplace_back(value);
      return;
    }
  }
  if (const int value = roman(word); value > 0) {
    out.push_back(std::to_string(value));
  }
}

} // namespace

std::u32string fold_words(std::string_view utf8) {
  const icu::UnicodeString text = folded(utf8);
  std::u32string out;
  out.reserve(static_cast<std::size_t>(text.length()));
  bool gap = false;
  bool after_symbol = false;
  for (int32_t i = 0; i < text.length();) {
    const UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    const bool mark = u_charType(c) == U_NON_SPACING_MARK || u_charType(c) == U_ENCLOSING_MARK;
    if (mark && after_symbol) {
      out += static_cast<char32_t>(c); // ≠ is = with a stroke: the stroke is its meaning
    } else if (kept(c)) {
      if (gap && !out.empty()) {
        out += U' ';
      }
      gap = false;
      out += static_cast<char32_t>(c);
      after_symbol = u_charType(c) == U_MATH_SYMBOL;
    } else if (!mark) {
      gap = true;
      after_symbol = false;
    }
  }
  return out;
}

std::u32string fold_letters(std::string_view utf8) {
  std::u32string out = fold_words(utf8);
  std::erase(out, U' ');
  return out;
}

std::vector<std::string> title_numbers(std::string_view utf8) {
  const icu::UnicodeString text = folded(utf8);
  std::vector<std::string> out;
  std::string digits;
  std::u32string word;
  const auto flush = [&] {
    if (!digits.empty()) {
      const std::size_t first = digits.find_first_not_of('0');
      out.push_back(first == std::string::npos ? "0" : digits.substr(first));
      digits.clear();
    }
    if (!word.empty()) {
      add_word_number(word, out);
      word.clear();
    }
  };
  for (int32_t i = 0; i < text.length();) {
    const UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    const int32_t digit = u_charDigitValue(c);
    if (digit >= 0) {
      word.clear(); // "v2", "gpt4": letters joined to digits are a name, not a numeral
      digits += static_cast<char>('0' + digit);
    } else if (u_isalpha(c)) {
      if (!digits.empty()) {
        flush();
      }
      word += static_cast<char32_t>(c);
    } else if (u_charType(c) != U_NON_SPACING_MARK) {
      flush();
    }
  }
  flush();
  return out;
}

std::string to_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t c : text) {
    util::append_utf8(out, c);
  }
  return out;
}

std::u32string to_utf32(std::string_view utf8) {
  const icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  std::u32string out;
  out.reserve(static_cast<std::size_t>(text.length()));
  for (int32_t i = 0; i < text.length();) {
    const UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    out += static_cast<char32_t>(c);
  }
  return out;
}

} // namespace refs::dedupe
