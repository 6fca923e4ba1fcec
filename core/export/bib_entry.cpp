#include "core/export/bib_entry.hpp"

#include "core/export/latex_ascii.hpp"
#include "core/export/latex_text.hpp"
#include "core/util/percent_encoding.hpp"
#include "core/util/string.hpp"
#include "core/util/utf8.hpp"

#include <algorithm>
#include <tuple>
#include <cstdio>

namespace refs::exporting {

namespace {

BibKind published_kind(const model::Citation& c) {
  const bool container = !c.container_title.empty();
  if ((c.type == "article-journal" || c.type == "article-magazine" || c.type == "article-newspaper") && container) {
    return BibKind::article;
  }
  if (c.type == "paper-conference" && container) {
    return BibKind::inproceedings;
  }
  if (c.type == "chapter" && container) {
    return BibKind::incollection;
  }
  if (c.type == "book") {
    return BibKind::book;
  }
  if (c.type == "report") {
    return BibKind::report;
  }
  return c.type == "thesis" ? BibKind::thesis : BibKind::other;
}

} // namespace

BibKind bib_kind(const model::Citation& c, bool preprint) {
  const BibKind kind = published_kind(c);
  return preprint && kind == BibKind::other ? BibKind::preprint : kind;
}

void add_field(std::vector<BibField>& fields, const std::string& name, const std::string& value) {
  if (!value.empty()) {
    fields.push_back({name, value, false});
  }
}

void add_imported_fields(std::vector<BibField>& fields, const model::Citation& c) {
  for (const auto& [name, csl, value] : {std::tuple{"isbn", "ISBN", &c.isbn}, std::tuple{"language", "language", &c.language},
                                         std::tuple{"abstract", "abstract", &c.abstract}}) {
    const auto source = c.sources.find(csl);
    const std::string field = name; // clang 14 captures no structured binding
    const bool written = std::any_of(fields.begin(), fields.end(), [&](const BibField& f) { return f.name == field; });
    if (!written && source != c.sources.end() && source->second == "import") {
      add_field(fields, field, escape_latex(*value));
    }
  }
}

std::string bib_title(const model::Citation& c) {
  const auto latex = c.bib_fields.find("title");
  return latex != c.bib_fields.end() ? latex->second : protect_title(c.title);
}

void add_kept_fields(std::vector<BibField>& fields, const model::Citation& c, bool (*keep)(std::string_view)) {
  for (const auto& [name, value] : c.bib_fields) {
    if (keep != nullptr && !keep(name)) {
      continue;
    }
    const std::string& kept = name; // clang 14 captures no structured binding
    const bool written = std::any_of(fields.begin(), fields.end(),
                                     [&](const BibField& f) { return util::to_lower_ascii(f.name) == kept; });
    if (!written && !value.empty()) {
      fields.push_back({name, value, false});
    }
  }
}

namespace {

/// Fields whose value is a URL or an identifier, never text.
bool url_like(const std::string& name) {
  return name == "url" || name == "doi" || name == "eprint" || name == "howpublished"; // \url{} is verbatim
}

std::string percent_encode_non_ascii(const std::string& value) {
  std::string out;
  for (unsigned char c : value) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else {
      util::append_percent_escaped(out, c);
    }
  }
  return out;
}

std::string code_point_name(char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
  std::string utf8;
  util::append_utf8(utf8, c);
  return "'" + utf8 + "' (" + buf + ")";
}

/// The field's value as the chosen text form writes it.
std::string written(const BibField& field, const std::string& key, const BibText& text) {
  if (!text.ascii) {
    return field.value;
  }
  if (url_like(field.name)) {
    return percent_encode_non_ascii(field.value);
  }
  std::vector<char32_t> unmapped;
  std::string out = to_latex_ascii(field.value, unmapped);
  if (text.problems != nullptr) {
    for (char32_t c : unmapped) {
      text.problems->push_back(key + ": " + field.name + ": no LaTeX form for " + code_point_name(c) +
                               "; kept as UTF-8");
    }
  }
  return out;
}

} // namespace

std::string format_entry(const std::string& type, const std::string& key, const std::vector<BibField>& fields,
                         const BibText& text) {
  std::string out = "@" + type + "{" + key + ",\n";
  for (const BibField& field : fields) {
    const std::string value = written(field, key, text);
    out += "  " + field.name + " = " + (field.bare ? value : "{" + value + "}") + ",\n";
  }
  return out + "}\n";
}

namespace {

/// One part of a name as BibTeX reads it back as that part: the word "and"
/// and commas in braces, or they would split the list or the name.
std::string name_part(const std::string& text) {
  const std::string escaped = escape_latex(text);
  std::string out;
  for (std::string_view word : util::split(escaped, ' ')) {
    const bool splits = util::to_lower_ascii(word) == "and" || word.find(',') != std::string_view::npos;
    // Appended piece by piece: g++ 12 -O3 sees a false -Wrestrict in "literal" + std::string&&.
    if (!out.empty()) {
      out += ' ';
    }
    if (splits) {
      out += '{';
    }
    out += word;
    if (splits) {
      out += '}';
    }
  }
  return out;
}

} // namespace

std::string bib_names(const std::vector<model::Person>& people) {
  std::string out;
  for (const model::Person& p : people) {
    if (!out.empty()) {
      out += " and ";
    }
    if (model::is_et_al(p)) {
      out += "others";
    } else if (!p.literal.empty()) {
      out += '{';
      out += escape_latex(p.literal);
      out += '}';
    } else {
      out += name_part(p.family);
      if (!p.suffix.empty()) {
        out += ", ";
        out += name_part(p.suffix);
      }
      if (!p.given.empty() || !p.suffix.empty()) {
        out += ", ";
        out += name_part(p.given);
      }
    }
  }
  return out;
}

std::string bib_pages(const std::string& page) {
  constexpr std::string_view en_dash = "\u2013";
  std::string out;
  for (std::size_t i = 0; i < page.size(); ++i) {
    if (page.compare(i, en_dash.size(), en_dash) == 0) {
      out += "--";
      i += en_dash.size() - 1;
    } else if (page[i] == '-' && (i + 1 >= page.size() || page[i + 1] != '-') && (i == 0 || page[i - 1] != '-')) {
      out += "--";
    } else {
      out += page[i];
    }
  }
  return escape_latex(out);
}

std::string series_number(const model::Citation& c) { return c.number.starts_with("arXiv:") ? "" : c.number; }

bool is_masters(const model::Citation& c) {
  return util::to_lower_ascii(c.genre).find("master") != std::string::npos;
}

std::string archive_note(const model::Citation& c) {
  if (c.archive_url.empty()) {
    return "";
  }
  std::string note = "Archived at \\url{" + url_argument(c.archive_url) + "}";
  if (c.archive_date.size() >= 10) {
    note += " on " + c.archive_date.substr(0, 10);
  }
  return note;
}

} // namespace refs::exporting
