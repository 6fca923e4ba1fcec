#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace refs::exporting {

/// Text for 8-bit BibTeX: every character outside ASCII that LaTeX can
/// write with its standard commands becomes them: accented letters
/// (`{\"u}`, `{\'e}`, `{\c c}`, `{\'\i}`), special letters (`{\ss}`,
/// `{\o}`, `{\l}`), typographic punctuation (`--`, `---`, `\ldots{}`,
/// quotes). Characters with no such form (Cyrillic, Hangul, Han) are kept
/// as UTF-8 and appended to `unmapped`, so nothing is dropped silently.
/// `text` is already LaTeX-escaped ASCII apart from such characters.
std::string to_latex_ascii(std::string_view text, std::vector<char32_t>& unmapped);

} // namespace refs::exporting
