#pragma once

#include <string>
#include <string_view>

namespace refs::importing {

/// The text a BibTeX value stands for, in UTF-8 (NFC): accent commands in
/// every spelling (`{\"u}`, `\"{u}`, `\"u`, `\c{c}`, `{\c c}`, `\'{\i}`),
/// special letters (`\ss`, `\o`, `\aa`, `\l`), escaped specials (`\&`, `\%`,
/// `\_`, `\$`, `\#`, `\{`, `\}`, `\textbraceleft{}`), `--` and `---` as
/// dashes, `~` as a no-break space, ``` `` ``` and `''` as curly quotes, the
/// argument of formatting commands (`\emph{x}`, `\url{x}`, `\textsc{x}`),
/// and grouping braces dropped (`{GPT-4}` → GPT-4). Whitespace runs become
/// one space. Unknown commands give their argument, or nothing. Math
/// (`$...$`, `\(...\)`) and mhchem's `\ch{}` become text where Unicode
/// has it (latex_math.hpp). `lost`, when given, tells whether the text says
/// less than the LaTeX: math, a formula, a formatting or unknown command.
std::string decode_latex(std::string_view text, bool* lost = nullptr);

} // namespace refs::importing
