#include "core/import/latex_decode.hpp"

#include "core/import/latex_math.hpp"
#include "core/util/latex_characters.hpp"
#include "core/util/string.hpp"
#include "core/util/utf8.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace refs::importing {

namespace {

// Commands for characters that are syntax in BibTeX or LaTeX, and for
// punctuation; letters and symbols are in util/latex_characters.
constexpr std::array<std::pair<std::string_view, std::string_view>, 17> k_symbols = {{
    {"textasciicircum", "^"}, {"textasciitilde", "~"}, {"textbackslash", "\\"}, {"&", "&"}, {"%", "%"},
    {"$", "$"}, {"#", "#"}, {"_", "_"}, {"{", "{"}, {"}", "}"}, {" ", " "}, {"textbraceleft", "{"},
    {"textbraceright", "}"}, {"ldots", "…"}, {"dots", "…"}, {"textendash", "–"}, {"textemdash", "—"},
}};

// Commands whose (first) argument is dropped with them.
constexpr std::array<std::string_view, 2> k_dropped = {"noopsort", "nocite"};

// Deeper nesting than this is read as plain text: a hostile file must not
// exhaust the stack (each group is decoded by a Decoder of its own).
constexpr int k_max_depth = 64;

// Commands that only switch fonts or do nothing to the text: dropped.
constexpr std::array<std::string_view, 18> k_switches = {
    "em", "bf", "it", "sc", "rm", "tt", "sl", "sf", "relax", "protect", "newblock", "normalfont",
    "upshape", "itshape", "bfseries", "scshape", "mdseries", "ttfamily"};

// Commands that stand for a word.
constexpr std::array<std::pair<std::string_view, std::string_view>, 5> k_words = {{
    {"TeX", "TeX"}, {"LaTeX", "LaTeX"}, {"BibTeX", "BibTeX"}, {"LaTeXe", "LaTeX2e"}, {"XeTeX", "XeTeX"},
}};

class Decoder {
public:
  /// `lossy` is set when the text says less than the LaTeX (see decode_latex).
  Decoder(std::string_view text, bool& lossy, int depth = 0) : m_text(text), m_depth(depth), m_lossy(lossy) {}
  std::string run();

private:
  bool at_end() const { return m_pos >= m_text.size(); }
  std::string command_name();
  std::string argument();
  std::string_view raw_group();
  void math(std::string_view close);
  void command();

  std::string_view m_text;
  std::size_t m_pos = 0;
  std::string m_out;
  int m_depth = 0;
  bool& m_lossy;
};

std::string Decoder::command_name() {
  const std::size_t start = m_pos;
  if (!at_end() && std::isalpha(static_cast<unsigned char>(m_text[m_pos])) != 0) {
    while (!at_end() && std::isalpha(static_cast<unsigned char>(m_text[m_pos])) != 0) {
      ++m_pos;
    }
    std::string name(m_text.substr(start, m_pos - start));
    // A letter command eats the spaces after it (`\c c`, `\ss b`).
    while (!at_end() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\n')) {
      ++m_pos;
    }
    return name;
  }
  if (!at_end()) {
    ++m_pos;
  }
  return std::string(m_text.substr(start, m_pos - start));
}

/// The decoded text of a command's argument: a braced group, another
/// command (`\'\i`) or one character.
std::string Decoder::argument() {
  while (!at_end() && m_text[m_pos] == ' ') {
    ++m_pos;
  }
  if (at_end()) {
    return "";
  }
  std::size_t end = m_pos;
  if (m_text[m_pos] == '{') {
    int depth = 0;
    for (; end < m_text.size(); ++end) {
      depth += m_text[end] == '{' ? 1 : m_text[end] == '}' ? -1 : 0;
      if (depth == 0) {
        break;
      }
    }
    const std::string_view inner = m_text.substr(m_pos + 1, end - m_pos - 1);
    m_pos = std::min(end + 1, m_text.size());
    if (m_depth >= k_max_depth) {
      return std::string(inner);
    }
    return Decoder(inner, m_lossy, m_depth + 1).run();
  }
  if (m_text[m_pos] == '\\' && m_depth < k_max_depth) {
    Decoder sub(m_text.substr(m_pos), m_lossy, m_depth + 1);
    sub.m_pos = 1;
    sub.command();
    m_pos += sub.m_pos;
    return sub.m_out;
  }
  std::size_t next = m_pos;
  util::next_code_point(m_text, next);
  const std::string out(m_text.substr(m_pos, next - m_pos));
  m_pos = next;
  return out;
}

/// The text of the braced group at m_pos, as written; moved past it.
std::string_view Decoder::raw_group() {
  if (at_end() || m_text[m_pos] != '{') {
    return {};
  }
  int depth = 0;
  const std::size_t start = m_pos + 1;
  for (; m_pos < m_text.size(); ++m_pos) {
    depth += m_text[m_pos] == '{' ? 1 : m_text[m_pos] == '}' ? -1 : 0;
    if (depth == 0) {
      return m_text.substr(start, m_pos++ - start);
    }
  }
  return m_text.substr(start);
}

/// Math from m_pos up to `close` ("$", "$$", "\\)"): as text where every
/// part has a text form, else as written, dollars and all.
void Decoder::math(std::string_view close) {
  std::size_t end = m_pos;
  while ((end = m_text.find(close, end)) != std::string_view::npos && end > 0 && m_text[end - 1] == '\\' &&
         close != "\\)") {
    ++end; // \$ is a dollar sign inside the math
  }
  end = std::min(end, m_text.size());
  const std::string_view inner = m_text.substr(m_pos, end - m_pos);
  m_pos = std::min(end + close.size(), m_text.size());
  m_lossy = true; // Cu₂O does not print in 8-bit BibTeX as Cu$_2$O does
  if (const auto text = math_as_text(inner)) {
    m_out += *text;
  } else {
    m_out += close == "\\)" ? "\\(" : std::string(close);
    m_out += inner;
    m_out += close;
  }
}

std::string with_mark(std::string base, char32_t mark) {
  // \'{\i}: the dotless i was only there to carry the accent.
  if (base.starts_with("ı") || base.starts_with("ȷ")) {
    base.replace(0, 2, base.starts_with("ı") ? "i" : "j");
  }
  if (base.empty()) {
    std::string out;
    util::append_utf8(out, mark);
    return out;
  }
  // The mark goes on the first character; NFC composes the pair.
  std::size_t first = 0;
  util::next_code_point(base, first);
  std::string out = base.substr(0, first);
  util::append_utf8(out, mark);
  out += base.substr(first);
  return out;
}

void Decoder::command() {
  const std::string name = command_name();
  for (const util::LatexAccent& accent : util::latex_accents()) {
    if (name == accent.command) {
      m_out += with_mark(argument(), accent.mark);
      return;
    }
  }
  std::string text;
  for (const util::LatexCharacter& c : util::latex_characters()) {
    if (name == c.command) {
      util::append_utf8(text, c.character);
    }
  }
  for (const auto& [symbol, value] : k_symbols) {
    if (name == symbol) {
      text = value;
    }
  }
  if (!text.empty()) {
    m_out += text;
    if (m_text.substr(m_pos, 2) == "{}") {
      m_pos += 2; // \textbraceleft{}
    }
    return;
  }
  if (std::find(k_dropped.begin(), k_dropped.end(), name) != k_dropped.end()) {
    argument();
    return;
  }
  if (name == "href") {
    argument(); // the URL; the text follows
  }
  if (name == "\\") {
    m_out += ' ';
    return;
  }
  if (name == "(") {
    math("\\)");
    return;
  }
  if (name == "ch" || name == "ce") { // mhchem
    m_lossy = true;
    m_out += chemistry_as_text(raw_group());
    return;
  }
  for (const auto& [word, text] : k_words) {
    if (name == word) {
      m_lossy = true; // a logo, typeset as no text says
      m_out += text;
      if (m_text.substr(m_pos, 2) == "{}") {
        m_pos += 2; // \TeX{}
      }
      return;
    }
  }
  if (std::find(k_switches.begin(), k_switches.end(), name) != k_switches.end()) {
    return;
  }
  // \emph{x}, \url{x}, \textsc{x} and unknown commands: their argument.
  m_lossy = true;
  if (!at_end() && m_text[m_pos] == '{') {
    m_out += argument();
  }
}

std::string Decoder::run() {
  while (!at_end()) {
    const char c = m_text[m_pos];
    if (c == '\\') {
      ++m_pos;
      command();
    } else if (c == '$') {
      const std::string_view close = m_text.substr(m_pos, 2) == "$$" ? "$$" : "$";
      m_pos += close.size();
      math(close);
    } else if (c == '{' || c == '}') {
      ++m_pos;
    } else if (c == '~') {
      m_out += "\u00A0";
      ++m_pos;
    } else if (m_text.substr(m_pos, 3) == "---") {
      m_out += "—";
      m_pos += 3;
    } else if (m_text.substr(m_pos, 2) == "--") {
      m_out += "–";
      m_pos += 2;
    } else if (m_text.substr(m_pos, 2) == "``") {
      m_out += "“";
      m_pos += 2;
    } else if (m_text.substr(m_pos, 2) == "''") {
      m_out += "”";
      m_pos += 2;
    } else {
      m_out += c;
      ++m_pos;
    }
  }
  return m_out;
}

std::string nfc(std::string text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = icu::Normalizer2::getNFCInstance(status);
  // Most fields are NFC already: checked on the UTF-8 as it is, rather than
  // converted to UTF-16 and back for nothing. Bytes that are not UTF-8 (a
  // backslash before a letter outside ASCII leaves part of it) pass ICU's
  // check, so they take the conversion, which makes them U+FFFD.
  if (U_FAILURE(status) ||
      (!util::find_invalid_utf8(text) && normalizer->isNormalizedUTF8(text, status) && U_SUCCESS(status))) {
    return text;
  }
  icu::UnicodeString out = normalizer->normalize(icu::UnicodeString::fromUTF8(text), status);
  std::string utf8;
  return U_FAILURE(status) ? text : out.toUTF8String(utf8);
}

} // namespace

std::string decode_latex(std::string_view text, bool* lost) {
  bool lossy = false;
  std::string out = nfc(util::collapse_whitespace(util::trim(Decoder(text, lossy).run())));
  if (lost != nullptr) {
    *lost = lossy;
  }
  return out;
}

} // namespace refs::importing
