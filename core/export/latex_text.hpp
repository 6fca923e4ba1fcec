#pragma once

#include <string>
#include <string_view>

namespace refs::exporting {

/// Escapes the LaTeX specials `& % $ # _ { } ~ ^ \` so the text prints as
/// written and its braces always balance (BibTeX counts braces even after a
/// backslash, so `{` and `}` become \textbraceleft{} and \textbraceright{}).
std::string escape_latex(std::string_view text);

/// escape_latex() plus braces around every word whose capitals a BibTeX
/// style must not lower (`{YaRN}`, `{GPT-4}`, `{LLM}`): any word with a
/// capital after its first character.
std::string protect_title(std::string_view title);

/// Makes a URL or DOI safe inside a braced BibTeX field without escaping it:
/// characters that would unbalance or end the field are percent-encoded.
std::string bibtex_url(std::string_view url);

/// bibtex_url() for the argument of `\url{}` inside another field, where
/// LaTeX reads `%` and `#` before \url can: those two are backslashed.
std::string url_argument(std::string_view url);

} // namespace refs::exporting
