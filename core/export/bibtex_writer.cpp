#include "core/export/bibtex_writer.hpp"

#include "core/export/latex_text.hpp"
#include "core/csl/csl_date.hpp"
#include "core/csl/csl_fields.hpp"

#include <array>

namespace refs::exporting {

// BibTeX (Patashnik, "BibTeXing", 1988; biblatex manual §2 for url and
// urldate). Every field value is braced, never quoted, so a `"` in a title
// needs no care; braces inside values always balance (see latex_text.cpp).
// `@misc` is the one entry type every style accepts without required
// fields, which is why arXiv's own export uses it for preprints.

namespace {

struct Field {
  std::string name;
  std::string value;
  bool bare = false; ///< a macro such as a month, written without braces
};
using Fields = std::vector<Field>;

constexpr std::array<const char*, 12> k_months = {"jan", "feb", "mar", "apr", "may", "jun",
                                                  "jul", "aug", "sep", "oct", "nov", "dec"};

std::string authors(const model::Citation& c) {
  std::string out;
  for (const model::Person& p : c.authors) {
    if (!out.empty()) {
      out += " and ";
    }
    if (!p.literal.empty()) {
      out += "{" + escape_latex(p.literal) + "}";
    } else {
      out += escape_latex(p.family) + (p.given.empty() ? "" : ", " + escape_latex(p.given));
    }
  }
  return out;
}

void add(Fields& fields, const std::string& name, const std::string& value) {
  if (!value.empty()) {
    fields.push_back({name, value});
  }
}

Fields fields_of(const model::Citation& c) {
  Fields f;
  const std::string eprint = csl::identifier(c, model::IdKind::arxiv);
  add(f, "title", protect_title(c.title));
  add(f, "author", authors(c));
  if (eprint.empty()) {
    add(f, "organization", escape_latex(c.container_title.empty() ? c.publisher : c.container_title));
  }
  if (c.issued.year > 0) {
    add(f, "year", std::to_string(c.issued.year));
  }
  if (c.issued.month >= 1 && c.issued.month <= 12) {
    f.push_back({"month", k_months[static_cast<std::size_t>(c.issued.month - 1)], true});
  }
  if (!eprint.empty()) {
    add(f, "eprint", eprint);
    add(f, "archivePrefix", "arXiv");
    add(f, "primaryClass", c.primary_class);
  }
  add(f, "doi", bibtex_url(c.doi));
  add(f, "url", bibtex_url(c.url));
  const std::string accessed = csl::format_date(c.accessed);
  if (eprint.empty() && !c.url.empty()) {
    add(f, "urldate", accessed);
    add(f, "howpublished", "\\url{" + url_argument(c.url) + "}");
  }
  std::string note = escape_latex(c.note);
  if (eprint.empty() && !c.url.empty() && !accessed.empty()) {
    note += (note.empty() ? "" : ". ") + std::string("Accessed: ") + accessed;
  }
  add(f, "note", note);
  return f;
}

} // namespace

std::string to_bibtex(const std::vector<model::Citation>& citations) {
  std::string out;
  for (const model::Citation& c : citations) {
    if (!out.empty()) {
      out += '\n';
    }
    out += "@misc{" + c.key + ",\n";
    for (const Field& field : fields_of(c)) {
      out += "  " + field.name + " = " + (field.bare ? field.value : "{" + field.value + "}") + ",\n";
    }
    out += "}\n";
  }
  return out;
}

} // namespace refs::exporting
