#pragma once

#include <string>

#include <tl/expected.hpp>

namespace refs::importing {

/// A bibliography file's text in UTF-8, or a one-line reason it cannot be
/// read, naming the encoding it looks like and the command that converts
/// it. Read: UTF-8 (a byte-order mark dropped), UTF-16 with a byte-order
/// mark, and any encoding the file declares on its first lines (JabRef's
/// "% Encoding: windows-1252", in UTF-16 too; Emacs' "-*- coding: latin-1
/// -*-"). A file that is valid UTF-8 is UTF-8, whatever it declares.
/// Anything else is refused rather than guessed: a wrong guess changes
/// every accented letter silently; the reason names what ICU's charset
/// detector finds likely.
tl::expected<std::string, std::string> bibliography_text(std::string bytes);

} // namespace refs::importing
