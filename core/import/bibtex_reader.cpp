#include "core/import/bibtex_reader.hpp"

#include "core/util/string.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <optional>

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
  explicit Reader(std::string_view text) : m_text(text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') {
        m_line_starts.push_back(i + 1);
      }
    }
  }

  BibFile read();

private:
  int line_of(std::size_t at) const {
    return static_cast<int>(std::upper_bound(m_line_starts.begin(), m_line_starts.end(), at) - m_line_starts.begin());
  }
  void skip_space() {
    while (m_pos < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_pos])) != 0) {
      ++m_pos;
    }
  }
  bool at_end() const { return m_pos >= m_text.size(); }
  std::string identifier();
  std::string_view braced();
  std::string_view quoted();
  std::string value();
  void entry(std::size_t at);
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
  std::map<std::string, std::string> m_macros;
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

std::string Reader::value() {
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
      const std::string name = util::to_lower_ascii(identifier());
      if (name.empty()) {
        fail("expected a value");
      }
      const auto macro = m_macros.find(name);
      const auto month = std::find_if(k_months.begin(), k_months.end(), [&](const auto& m) { return m.first == name; });
      if (macro != m_macros.end()) {
        out += macro->second;
      } else if (month != k_months.end()) {
        out += month->second;
      } else {
        fail("unknown @string macro '" + name + "'");
      }
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

void Reader::entry(std::size_t at) {
  const std::string type = util::to_lower_ascii(identifier());
  if (type.empty()) {
    fail("expected an entry type after '@'");
  }
  skip_space();
  if (at_end() || (m_text[m_pos] != '{' && m_text[m_pos] != '(')) {
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
    const std::string text = value();
    expect(close, "the end of @string");
    m_macros[name] = text;
    return;
  }
  BibEntry e{type, "", {}, line_of(at)};
  skip_space();
  const std::size_t key_start = m_pos;
  while (!at_end() && m_text[m_pos] != ',' && m_text[m_pos] != close &&
         std::isspace(static_cast<unsigned char>(m_text[m_pos])) == 0) {
    ++m_pos;
  }
  e.key = std::string(m_text.substr(key_start, m_pos - key_start));
  if (e.key.empty()) {
    fail("entry without a key");
  }
  for (;;) {
    skip_space();
    if (!at_end() && m_text[m_pos] == close) {
      ++m_pos;
      break;
    }
    expect(',', "',' or the end of the entry");
    skip_space();
    if (!at_end() && m_text[m_pos] == close) {
      ++m_pos;
      break;
    }
    const std::string name = util::to_lower_ascii(identifier());
    if (name.empty()) {
      fail("expected a field name");
    }
    expect('=', "'=' after ", name);
    std::string text = value();
    if (std::none_of(e.fields.begin(), e.fields.end(), [&](const auto& f) { return f.first == name; })) {
      e.fields.emplace_back(name, std::move(text));
    }
  }
  m_file.entries.push_back(std::move(e));
}

/// Fields a paper shares with the volume it is in. Others name or describe
/// the volume alone: its DOI, URL, abstract or notes are not its papers'.
bool inherited(const std::string& name) {
  static constexpr std::array<std::string_view, 13> k_names = {
      "booktitle", "year", "month", "date", "publisher", "organization", "institution", "school",
      "volume", "series", "editor", "address", "location"};
  return std::find(k_names.begin(), k_names.end(), name) != k_names.end();
}

/// Fields an entry lacks come from the entry its crossref names.
void resolve_crossrefs(std::vector<BibEntry>& entries) {
  std::map<std::string, const BibEntry*> by_key; // made at the first crossref: most files have none
  for (BibEntry& e : entries) {
    const auto ref = std::find_if(e.fields.begin(), e.fields.end(), [](const auto& f) { return f.first == "crossref"; });
    if (ref == e.fields.end()) {
      continue;
    }
    if (by_key.empty()) {
      for (const BibEntry& any : entries) {
        by_key.emplace(util::to_lower_ascii(any.key), &any);
      }
    }
    const auto parent = by_key.find(util::to_lower_ascii(ref->second));
    if (parent == by_key.end()) {
      continue;
    }
    const std::vector<std::pair<std::string, std::string>> parent_fields = parent->second->fields;
    for (const auto& [name, text] : parent_fields) {
      const std::string as = name == "title" ? "booktitle" : name;
      const bool have = std::any_of(e.fields.begin(), e.fields.end(), [&](const auto& f) { return f.first == as; });
      if (!have && inherited(as)) {
        e.fields.emplace_back(as, text);
      }
    }
  }
}

std::size_t Reader::next_entry(std::size_t from) const {
  for (std::size_t p = m_text.find('@', from); p != std::string_view::npos; p = m_text.find('@', p + 1)) {
    std::size_t q = p;
    while (q > 0 && (m_text[q - 1] == ' ' || m_text[q - 1] == '\t')) {
      --q;
    }
    if (q == 0 || m_text[q - 1] == '\n') {
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

BibFile read_bibtex(std::string_view text) { return Reader(text).read(); }

} // namespace refs::importing
