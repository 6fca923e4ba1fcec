#include "core/import/bibtex_names.hpp"

#include "core/csl/person_name.hpp"
#include "core/import/latex_decode.hpp"
#include "core/util/string.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

namespace refs::importing {

namespace {

// The grammar is BibTeX's (Patashnik, "BibTeXing", section 4; Tame the
// BeaST, section 11) with biber's extended name format.

/// Splits at `sep` (white space when ' ') outside braces; empty pieces kept
/// only for commas, where they mean something ("{, }").
std::vector<std::string_view> split_outside_braces(std::string_view text, char sep) {
  std::vector<std::string_view> out;
  int depth = 0;
  std::size_t start = 0;
  const auto is_sep = [sep](char c) { return sep == ' ' ? std::isspace(static_cast<unsigned char>(c)) != 0 || c == '~' : c == sep; };
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] == '{') {
      ++depth;
    } else if (i < text.size() && text[i] == '}') {
      depth = std::max(0, depth - 1);
    } else if (i == text.size() || (depth == 0 && is_sep(text[i]))) {
      const std::string_view piece = util::trim(text.substr(start, i - start));
      if (sep != ' ' || !piece.empty()) {
        out.push_back(piece);
      }
      start = i + 1;
    }
  }
  return out;
}

std::string join(const std::vector<std::string_view>& words, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) {
    if (!out.empty()) {
      out += ' ';
    }
    out += words[i];
  }
  return out;
}

/// The case of a special character, `{\"u}`, `{\L}`, `{\ss}`, from `\`
/// on: an accent's letter, or the command's own (\L is upper case).
bool lower_case_special(std::string_view rest) {
  static constexpr std::string_view k_accents = "'`^\"~=.uvHcdbtkr";
  std::size_t i = 1;
  std::size_t name_end = i;
  while (name_end < rest.size() && std::isalpha(static_cast<unsigned char>(rest[name_end])) != 0) {
    ++name_end;
  }
  const bool accent = name_end == i ? i < rest.size() && k_accents.find(rest[i]) != std::string_view::npos
                                    : name_end == i + 1 && k_accents.find(rest[i]) != std::string_view::npos;
  if (!accent) {
    return name_end > i && std::islower(static_cast<unsigned char>(rest[i])) != 0;
  }
  for (std::size_t j = std::max(name_end, i + 1); j < rest.size(); ++j) {
    if (std::isalpha(static_cast<unsigned char>(rest[j])) != 0) {
      return std::islower(static_cast<unsigned char>(rest[j])) != 0;
    }
  }
  return false;
}

/// Whether a word of a name begins in lower case, as BibTeX decides: its
/// first letter outside braces, or a special character's (`{\"u}ber`);
/// a word whose first letter is in plain braces has no case.
bool lower_case_word(std::string_view word) {
  for (std::size_t i = 0; i < word.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(word[i]);
    if (c == '{') {
      return i + 1 < word.size() && word[i + 1] == '\\' && lower_case_special(word.substr(i + 1));
    }
    if (std::isalpha(c) != 0) {
      return std::islower(c) != 0;
    }
    if (c >= 0x80) {
      return false; // a letter outside ASCII: capitals are the rule in names
    }
  }
  return false;
}

/// A braced value of the extended name format without its braces.
std::string_view unbraced(std::string_view v) {
  v = util::trim(v);
  return v.size() >= 2 && v.front() == '{' && v.back() == '}' ? v.substr(1, v.size() - 2) : v;
}

/// BibLaTeX's "family=Brown, prefix=de, given=Brian"; nullopt when the name
/// is not written so.
std::optional<model::Person> extended_name(const std::vector<std::string_view>& parts) {
  static constexpr std::array<std::string_view, 6> k_keys = {"family", "given", "prefix", "suffix", "useprefix", "gender"};
  std::string family;
  std::string prefix;
  std::string how_to_print; // useprefix, gender
  model::Person p;
  for (std::string_view part : parts) {
    const std::size_t eq = part.find('=');
    const std::string key = eq == std::string_view::npos ? "" : util::to_lower_ascii(util::trim(part.substr(0, eq)));
    if (std::find(k_keys.begin(), k_keys.end(), key) == k_keys.end()) {
      return std::nullopt;
    }
    const std::string value = decode_latex(unbraced(part.substr(eq + 1)));
    (key == "family" ? family : key == "given" ? p.given : key == "prefix" ? prefix : key == "suffix" ? p.suffix : how_to_print) = value;
  }
  p.family = prefix.empty() || family.empty() ? family : prefix + " " + family;
  return p;
}

/// One name without commas: "First von Last".
model::Person first_von_last(std::string_view name) {
  const std::vector<std::string_view> words = split_outside_braces(name, ' ');
  if (words.size() == 1) {
    const std::string_view w = words[0];
    const bool braced = w.size() >= 2 && w.front() == '{' && w.back() == '}' && (w.size() < 3 || w[1] != '\\');
    return braced ? model::Person{"", "", decode_latex(unbraced(w))} : model::Person{decode_latex(w), "", ""};
  }
  std::size_t von = 0;
  while (von + 1 < words.size() && !lower_case_word(words[von])) {
    ++von;
  }
  if (von + 1 < words.size()) {
    return {decode_latex(join(words, von, words.size())), decode_latex(join(words, 0, von)), ""};
  }
  if (words.back().find('{') != std::string_view::npos) { // "Ana {Garcia Lopez}": the braces say where Last is
    return {decode_latex(words.back()), decode_latex(join(words, 0, words.size() - 1)), ""};
  }
  return csl::person_from_name(decode_latex(name));
}

model::Person read_name(std::string_view name) {
  const std::vector<std::string_view> parts = split_outside_braces(name, ',');
  if (parts.size() == 1) {
    return first_von_last(name);
  }
  if (auto extended = extended_name(parts)) {
    return *extended;
  }
  model::Person p{decode_latex(parts[0]), "", ""};
  if (parts.size() == 2) {
    p.given = decode_latex(parts[1]);
  } else {
    p.suffix = decode_latex(parts[1]);
    std::vector<std::string_view> rest(parts.begin() + 2, parts.end());
    std::string given;
    for (std::string_view r : rest) {
      if (!given.empty()) {
        given += ", ";
      }
      given += r;
    }
    p.given = decode_latex(given);
  }
  return p;
}

} // namespace

NameList read_bibtex_names(std::string_view text) {
  NameList out;
  const std::vector<std::string_view> words = split_outside_braces(text, ' ');
  std::size_t start = 0;
  for (std::size_t i = 0; i <= words.size(); ++i) {
    if (i < words.size() && util::to_lower_ascii(words[i]) != "and") {
      continue;
    }
    if (i > start) {
      const std::string name = join(words, start, i);
      if (util::to_lower_ascii(name) == "others") {
        out.people.push_back({"", "", "others"});
      } else if (model::Person p = read_name(name); !p.family.empty() || !p.literal.empty()) {
        out.people.push_back(std::move(p));
      } else {
        out.dropped.push_back(name);
      }
    }
    start = i + 1;
  }
  return out;
}

} // namespace refs::importing
