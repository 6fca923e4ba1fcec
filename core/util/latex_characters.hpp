#pragma once

#include <span>
#include <string_view>

namespace refs::util {

// The characters LaTeX writes with commands of its own, in one table for
// both directions: the BibTeX writer's --ascii form and the .bib reader's
// decoding must agree, or a round trip changes the text.

/// An accent command and the combining mark it puts on its argument.
struct LatexAccent {
  std::string_view command; ///< without the backslash: "'", "c"
  char32_t mark;
};

/// A command that stands for one character (`\ss` for ß, `\S` for §).
struct LatexCharacter {
  std::string_view command; ///< without the backslash
  char32_t character;
};

/// Every accent command of standard LaTeX (text mode).
std::span<const LatexAccent> latex_accents();

/// Letters and symbols with a command of their own.
std::span<const LatexCharacter> latex_characters();

/// Whether a command name is letters (`\c`, `\ss`): written with a space or
/// braces before what follows, where a symbol command (`\'`) needs neither.
bool is_letter_command(std::string_view command);

} // namespace refs::util
