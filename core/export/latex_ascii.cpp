#include "core/export/latex_ascii.hpp"

#include "core/util/latex_characters.hpp"
#include "core/util/string.hpp"
#include "core/util/utf8.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <array>
#include <utility>

namespace refs::exporting {

namespace {

// Typographic punctuation LaTeX writes with ASCII ligatures of its own.
constexpr std::array<std::pair<char32_t, std::string_view>, 10> k_punctuation = {{
    {U'–', "--"}, {U'—', "---"}, {U'‘', "`"}, {U'’', "'"}, {U'“', "``"},
    {U'”', "''"}, {U'…', "\\ldots{}"}, {0x00A0, "~"}, {U'¡', "!`"}, {U'¿', "?`"},
}};

/// `\'` for a symbol command, `\c ` for a letter one (it needs a space
/// before its argument: `{\c c}`); "" for a mark LaTeX has no command for.
std::string accent_command(char32_t mark) {
  for (const util::LatexAccent& a : util::latex_accents()) {
    if (a.mark == mark) {
      std::string command = "\\";
      command += a.command;
      if (util::is_letter_command(a.command)) {
        command += ' ';
      }
      return command;
    }
  }
  return "";
}

/// `{\ss}` for a character with a command, its ligature for punctuation.
std::string letter_command(char32_t c) {
  for (const util::LatexCharacter& l : util::latex_characters()) {
    if (l.character == c) {
      return "{\\" + std::string(l.command) + "}";
    }
  }
  for (const auto& [character, text] : k_punctuation) {
    if (character == c) {
      return std::string(text);
    }
  }
  return "";
}

/// A base letter with its marks, written with accent commands; "" when a
/// mark has no command. i and j lose their dot under an accent.
std::string accented(char32_t base, const std::u32string& marks) {
  std::string letter = letter_command(base);
  if (base == U'i' || base == U'j') {
    letter = base == U'i' ? "\\i" : "\\j";
  } else if (base < 0x80) {
    letter.assign(1, static_cast<char>(base));
  }
  if (letter.empty()) {
    return "";
  }
  // Commands wrap outwards: the first mark sits next to the letter, each
  // further one takes the accented letter as a braced argument (`\~{\^e}`).
  std::string accented_letter(letter);
  for (std::size_t i = 0; i < marks.size(); ++i) {
    const std::string command = accent_command(marks[i]);
    if (command.empty()) {
      return "";
    }
    accented_letter = i == 0 ? std::string(command) + accented_letter
                             : std::string(util::trim(command)) + "{" + accented_letter + "}";
  }
  return "{" + accented_letter + "}";
}

} // namespace

std::string to_latex_ascii(std::string_view text, std::vector<char32_t>& unmapped) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    const char32_t c = util::next_code_point(text, pos);
    if (c < 0x80) {
      out += static_cast<char>(c);
      continue;
    }
    if (const std::string command = letter_command(c); !command.empty()) {
      out += command;
      continue;
    }
    // Decompose the character (é → e + ◌́) and write its marks as commands.
    std::string written;
    if (U_SUCCESS(status)) {
      icu::UnicodeString decomposed;
      UErrorCode error = U_ZERO_ERROR;
      nfd->normalize(icu::UnicodeString(static_cast<UChar32>(c)), decomposed, error);
      if (U_SUCCESS(error) && decomposed.length() > 0) {
        const UChar32 base = decomposed.char32At(0);
        std::u32string marks;
        for (int32_t i = U16_LENGTH(base); i < decomposed.length();) {
          const UChar32 m = decomposed.char32At(i);
          marks += static_cast<char32_t>(m);
          i += U16_LENGTH(m);
        }
        if (!marks.empty()) {
          written = accented(static_cast<char32_t>(base), marks);
        }
      }
    }
    if (written.empty()) {
      unmapped.push_back(c);
      written = std::string(text.substr(start, pos - start));
    }
    out += written;
  }
  return out;
}

} // namespace refs::exporting
