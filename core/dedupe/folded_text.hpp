#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace refs::dedupe {

/// What two spellings of one title or name share, word by word: Unicode
/// NFKC with case folding (fullwidth letters, ligatures and case become one
/// form), then decomposed with the combining marks dropped (é → e). Words
/// are runs of letters, numbers, math and currency symbols and '#' (so
/// "C++" ≠ "C#", "P = NP" ≠ "P ≠ NP"), joined by one space; punctuation,
/// other symbols and spaces only separate them. Hangul stays as its
/// decomposed jamo. Invalid UTF-8 is read as U+FFFD, which is dropped.
std::u32string fold_words(std::string_view utf8);

/// fold_words without the spaces: what the title similarity compares
/// ("pre-training" and "pretraining" are one spelling).
std::u32string fold_letters(std::string_view utf8);

/// The numbers a title names, in order: runs of digits (any script, leading
/// zeros dropped), Roman numerals written as words (II, iv) and English
/// number words (two, third), each as decimal digits. "GPT-4 Part II" →
/// {"4", "2"}. Titles whose numbers differ are different works, however
/// alike the rest is.
std::vector<std::string> title_numbers(std::string_view utf8);

/// UTF-32 to UTF-8, for storing folded text.
std::string to_utf8(std::u32string_view text);

/// UTF-8 to UTF-32 without folding (U+FFFD for invalid bytes).
std::u32string to_utf32(std::string_view utf8);

} // namespace refs::dedupe
