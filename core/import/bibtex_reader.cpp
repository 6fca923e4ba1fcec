#include "core/import/bibtex_reader.hpp"

#include "core/import/bibtex_crossref.hpp"

#include "core/util/string.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <utility>

namespace refs::importing {

// The grammar is BibTeX's own (Patashnik, "BibTeXing"; the btparse notes on
// lexical structure): an entry is `@type{key, name = value, ...}`, a value
// is parts joined by `#`, a part is {braced}, "quoted", a number or a macro.

namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 12> k_months = {{
    {"jan", "January"}, {"feb", "February"}, {"mar", "March"},     {"apr", "April"},   {"may", "May"},      {"jun", "June"},
    {"jul", "July"},    {"aug", "August"},   {"sep", "September"}, {"oct", "October"}, {"nov", "November"}, {"dec", "December"},
}};

constexpr std::size_t k_max_value = 1 << 20;

struct Failure {
  std::size_t at;
  std::string message;
};

class Reader {
public:
  Reader(std::string_view text, BibMacros& macros) : m_text(text), m_macros(macros) {
    for (std::size_t i = 0; i < text.size(); ++i) {
      // A line ends at LF, CRLF or, in old Mac files, CR alone.
      if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) {
        m_line_starts.push_back(i + 1);
      }
    }
  }

  BibFile read();

private:
  int line_of(std::size_t at) const {
    return static_cast<int>(std::upper_bound(m_line_starts.begin(), m_line_starts.end(), at) - m_line_starts.begin());
  }
  /// Skips white space and, as biber does, `%` comments to the end of
  /// their line: files comment out fields that way.
  void skip_space() {
    while (m_pos < m_text.size()) {
      if (m_text[m_pos] == '%') {
        m_pos = std::min(m_text.find_first_of("\r\n", m_pos), m_text.size());
      } else if (std::isspace(static_cast<unsigned char>(m_text[m_pos])) != 0) {
        ++m_pos;
      } else {
        break;
      }
    }
  }
  bool at_end() const { return m_pos >= m_text.size(); }
  std::string identifier();
  std::string_view braced();
  std::string_view quoted();
  std::string value(std::string_view field);
  std::string macro(const std::string& name, std::string_view field, std::size_t at);
  std::string key(char close);
  void fields(BibEntry& e, char close, bool keyless);
  void entry(std::size_t at);
  bool commented_out(std::size_t at) const;
  void skip_block(char close);
  std::size_t next_entry(std::size_t from) const;
  [[noreturn]] void fail(const std::string& message) const { throw Failure{m_pos, message}; }
  /// `what` and `after` name what was expected, for the message; views,
  /// as they are built for every field of a file and used at most once.
  void expect(char c, std::string_view what, std::string_view after = {}) {
    skip_space();
    if (at_end() || m_text[m_pos] != c) {
      fail("expected " + std::string(what) + std::string(after));
    }
    ++m_pos;
  }

  std::string_view m_text;
  std::size_t m_pos = 0;
  std::vector<std::size_t> m_line_starts{0};
  BibMacros& m_macros;
  BibFile m_file;
};

/// Letters, digits and the punctuation BibTeX allows in names and keys.
bool name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || std::string_view("_-:./+'!?*&;<>[]|$^`~").find(c) != std::string_view::npos ||
         static_cast<unsigned char>(c) >= 0x80;
}

std::string Reader::identifier() {
  skip_space();
  const std::size_t start = m_pos;
  while (!at_end() && name_char(m_text[m_pos])) {
    ++m_pos;
  }
  return std::string(m_text.substr(start, m_pos - start));
}

/// The text between a `{` at m_pos and its matching `}`.
std::string_view Reader::braced() {
  const std::size_t start = ++m_pos;
  int depth = 1;
  while (!at_end()) {
    const char c = m_text[m_pos++];
    if (c == '{') {
      ++depth;
    } else if (c == '}' && --depth == 0) {
      return m_text.substr(start, m_pos - 1 - start);
    }
  }
  fail("unbalanced braces");
}

/// The text between a `"` at m_pos and the next `"` outside braces.
std::string_view Reader::quoted() {
  const std::size_t start = ++m_pos;
  int depth = 0;
  while (!at_end()) {
    const char c = m_text[m_pos++];
    if (c == '{') {
      ++depth;
    } else if (c == '}') {
      if (--depth < 0) {
        fail("unbalanced braces in a quoted value");
      }
    } else if (c == '"' && depth == 0) {
      return m_text.substr(start, m_pos - 1 - start);
    }
  }
  fail("unterminated quoted value");
}

/// The text of a macro; an undefined one is empty, with a warning, as
/// BibTeX and biber read it. Full month names are read as months.
std::string Reader::macro(const std::string& name, std::string_view field, std::size_t at) {
  if (const auto defined = m_macros.find(name); defined != m_macros.end()) {
    return defined->second;
  }
  for (const auto& [abbreviation, month] : k_months) {
    if (name == abbreviation || name == util::to_lower_ascii(month)) {
      return std::string(month);
    }
  }
  m_file.warnings.push_back({line_of(at), "undefined @string macro '" + name + "' in " + std::string(field) +
                                                 "; read as empty, as BibTeX does"});
  return "";
}

std::string Reader::value(std::string_view field) {
  std::string out;
  for (;;) {
    // Macros of macros double at each step: a small file could ask for
    // gigabytes.
    if (out.size() > k_max_value) {
      fail("a value longer than 1 MiB");
    }
    skip_space();
    if (at_end()) {
      fail("missing value");
    }
    const char c = m_text[m_pos];
    if (c == '{') {
      out += braced();
    } else if (c == '"') {
      out += quoted();
    } else if (std::isdigit(static_cast<unsigned char>(c)) != 0) {
      const std::size_t start = m_pos;
      while (!at_end() && std::isdigit(static_cast<unsigned char>(m_text[m_pos])) != 0) {
        ++m_pos;
      }
      out += m_text.substr(start, m_pos - start);
    } else {
      const std::size_t start = m_pos;
      const std::string name = util::to_lower_ascii(identifier());
      if (name.empty()) {
        fail("expected a value");
      }
      out += macro(name, field, start);
    }
    skip_space();
    if (at_end() || m_text[m_pos] != '#') {
      return out;
    }
    ++m_pos;
  }
}

void Reader::skip_block(char close) {
  int depth = 1;
  const char open = close == '}' ? '{' : '(';
  while (!at_end()) {
    const char c = m_text[m_pos++];
    if (c == open || (close == ')' && c == '{')) {
      ++depth;
    } else if (c == close || (close == ')' && c == '}')) {
      if (--depth == 0) {
        return;
      }
    }
  }
  fail("unbalanced braces");
}

/// The key after `{`: up to a comma, the entry's end or white space.
/// "" when the entry has none (`@article{,` or a field straight away).
std::string Reader::key(char close) {
  skip_space();
  const std::size_t start = m_pos;
  while (!at_end() && m_text[m_pos] != ',' && m_text[m_pos] != close &&
         std::isspace(static_cast<unsigned char>(m_text[m_pos])) == 0) {
    ++m_pos;
  }
  std::string out(m_text.substr(start, m_pos - start));
  skip_space();
  if (!at_end() && m_text[m_pos] == '=') { // `@article{author = ...`: a field, not a key
    m_pos = start;
    return "";
  }
  return out;
}

/// The fields up to the entry's end. Runs of commas are empty fields,
/// which Better BibTeX and JabRef write and read.
void Reader::fields(BibEntry& e, char close, bool keyless) {
  bool first = keyless && !at_end() && m_text[m_pos] != ',';
  for (;;) {
    skip_space();
    if (!at_end() && m_text[m_pos] == close) {
      ++m_pos;
      return;
    }
    if (!std::exchange(first, false)) {
      expect(',', "',' or the end of the entry");
    }
    while (skip_space(), !at_end() && m_text[m_pos] == ',') {
      ++m_pos;
    }
    if (!at_end() && m_text[m_pos] == close) {
      ++m_pos;
      return;
    }
    const std::string name = util::to_lower_ascii(identifier());
    if (name.empty()) {
      fail("expected a field name");
    }
    expect('=', "'=' after ", name);
    std::string text = value(name);
    if (std::none_of(e.fields.begin(), e.fields.end(), [&](const auto& f) { return f.first == name; })) {
      e.fields.emplace_back(name, std::move(text));
    }
  }
}

void Reader::entry(std::size_t at) {
  const std::string type = util::to_lower_ascii(identifier());
  if (type.empty()) {
    fail("expected an entry type after '@'");
  }
  skip_space();
  const bool block = !at_end() && (m_text[m_pos] == '{' || m_text[m_pos] == '(');
  if (type == "comment" && !block) {
    return; // `@comment` and free text after it, to be skipped like any text outside entries
  }
  if (!block) {
    fail("expected '{' or '(' after @" + type);
  }
  const char close = m_text[m_pos] == '{' ? '}' : ')';
  ++m_pos;
  if (type == "comment" || type == "preamble") {
    skip_block(close);
    return;
  }
  if (type == "string") {
    const std::string name = util::to_lower_ascii(identifier());
    expect('=', "'=' in @string");
    std::string text = value(name);
    expect(close, "the end of @string");
    m_macros[name] = std::move(text);
    return;
  }
  BibEntry e{type, key(close), {}, line_of(at)};
  fields(e, close, e.key.empty());
  m_file.entries.push_back(std::move(e));
}

/// Whether the `@` at `at` follows a `%` on its line: an entry commented
/// out, or a mail address in a comment.
bool Reader::commented_out(std::size_t at) const {
  const std::size_t line = m_text.find_last_of("\r\n", at);
  const std::size_t from = line == std::string_view::npos ? 0 : line + 1;
  return m_text.substr(from, at - from).find('%') != std::string_view::npos;
}

std::size_t Reader::next_entry(std::size_t from) const {
  for (std::size_t p = m_text.find('@', from); p != std::string_view::npos; p = m_text.find('@', p + 1)) {
    std::size_t q = p;
    while (q > 0 && (m_text[q - 1] == ' ' || m_text[q - 1] == '\t')) {
      --q;
    }
    if (q == 0 || m_text[q - 1] == '\n' || m_text[q - 1] == '\r') {
      return p;
    }
  }
  return m_text.size();
}

BibFile Reader::read() {
  while (!at_end()) {
    const std::size_t at = m_text.find('@', m_pos);
    if (at == std::string_view::npos) {
      break;
    }
    m_pos = at + 1;
    if (commented_out(at)) {
      continue;
    }
    try {
      entry(at);
    } catch (const Failure& f) {
      m_file.problems.push_back({line_of(at), f.message});
      m_pos = next_entry(at + 1); // go on at the next '@' that starts a line
    }
  }
  resolve_crossrefs(m_file.entries);
  return std::move(m_file);
}

} // namespace

BibFile read_bibtex(std::string_view text, BibMacros& macros) { return Reader(text, macros).read(); }

BibFile read_bibtex(std::string_view text) {
  BibMacros macros;
  return read_bibtex(text, macros);
}

} // namespace refs::importing
