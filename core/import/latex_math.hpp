#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace refs::importing {

/// TeX math (what stands between `$` and `$`) as text, for CSL-JSON and
/// Markdown: Greek letters and common symbols as their characters,
/// `^{2+}` and `_2` as superscript and subscript characters, `\mathrm{x}`
/// and grouping braces as their text ("O(n^4)" → "O(n⁴)", "\mu" → "μ").
/// nullopt when a part has no such form (a fraction, `^{q}`, an unknown
/// command): the caller keeps the TeX source.
std::optional<std::string> math_as_text(std::string_view tex);

/// An mhchem formula (`\ch{...}`, `\ce{...}`) as text: digits after an
/// element are subscripts, `^{2+}` a superscript, `->` an arrow ("H2O" →
/// "H₂O", "Mg^{2+}" → "Mg²⁺"); the formula as written when a part has no
/// such form.
std::string chemistry_as_text(std::string_view formula);

} // namespace refs::importing
