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

/// CSL page ranges use one hyphen or an en dash; BibTeX wants "--".
std::string page_range(const std::string& page) {
  std::string out;
  for (std::size_t i = 0; i < page.size(); ++i) {
    if (page.compare(i, 3, "\u2013") == 0) {
      out += "--";
      i += 2;
    } else if (page[i] == '-' && (i + 1 >= page.size() || page[i + 1] != '-') && (i == 0 || page[i - 1] != '-')) {
      out += "--";
    } else {
      out += page[i];
    }
  }
  return escape_latex(out);
}

/// The entry type a work is written as (BibTeX's standard types, as the
/// classic styles know them). A journal article without a journal, or a
/// paper without its proceedings, falls back to @misc, which requires
/// nothing.
std::string entry_type(const model::Citation& c, bool preprint) {
  if (preprint) {
    return "misc";
  }
  const bool container = !c.container_title.empty();
  if ((c.type == "article-journal" || c.type == "article-magazine" || c.type == "article-newspaper") && container) {
    return "article";
  }
  if (c.type == "paper-conference" && container) {
    return "inproceedings";
  }
  if (c.type == "chapter" && container) {
    return "incollection";
  }
  if (c.type == "book") {
    return "book";
  }
  if (c.type == "report") {
    return "techreport";
  }
  if (c.type == "thesis") {
    return "phdthesis";
  }
  return "misc";
}

void add_date(Fields& f, const model::Citation& c) {
  if (c.issued.year > 0) {
    add(f, "year", std::to_string(c.issued.year));
  }
  if (c.issued.month >= 1 && c.issued.month <= 12) {
    f.push_back({"month", k_months[static_cast<std::size_t>(c.issued.month - 1)], true});
  }
}

/// A web page's link as every style prints it: url and urldate for
/// natbib and biblatex, howpublished and an access note for the classic
/// styles, which know neither.
void add_web_link(Fields& f, const model::Citation& c) {
  add(f, "url", bibtex_url(c.url));
  const std::string accessed = csl::format_date(c.accessed);
  if (!c.url.empty()) {
    add(f, "urldate", accessed);
    add(f, "howpublished", "\\url{" + url_argument(c.url) + "}");
  }
  std::string note = escape_latex(c.note);
  if (!c.url.empty() && !accessed.empty()) {
    note += (note.empty() ? "" : ". ") + std::string("Accessed: ") + accessed;
  }
  add(f, "note", note);
}

Fields fields_of(const model::Citation& c, const std::string& type, const std::string& eprint) {
  Fields f;
  add(f, "title", protect_title(c.title));
  add(f, "author", authors(c));
  const std::string container = escape_latex(c.container_title);
  if (type == "article") {
    add(f, "journal", container);
  } else if (type == "inproceedings" || type == "incollection") {
    add(f, "booktitle", container);
  } else if (type == "techreport" || type == "phdthesis") {
    add(f, type == "techreport" ? "institution" : "school",
        escape_latex(c.publisher.empty() ? c.container_title : c.publisher));
  } else if (type == "misc" && eprint.empty()) {
    add(f, "organization", escape_latex(c.container_title.empty() ? c.publisher : c.container_title));
  }
  if (type == "book" || type == "inproceedings" || type == "incollection") {
    add(f, "publisher", escape_latex(c.publisher));
  }
  add_date(f, c);
  if (type == "article" || type == "inproceedings" || type == "incollection" || type == "book") {
    add(f, "volume", escape_latex(c.volume));
  }
  if (type == "article" || type == "techreport") {
    add(f, "number", escape_latex(type == "article" ? c.issue : c.number));
  }
  if (type == "article" || type == "inproceedings" || type == "incollection") {
    add(f, "pages", page_range(c.page));
  }
  if (!eprint.empty()) {
    add(f, "eprint", eprint);
    add(f, "archivePrefix", "arXiv");
    add(f, "primaryClass", c.primary_class);
  }
  add(f, "doi", bibtex_url(c.doi));
  if (type == "misc" && eprint.empty()) {
    add_web_link(f, c);
  } else {
    add(f, "url", bibtex_url(c.url));
    add(f, "note", escape_latex(c.note));
  }
  return f;
}

} // namespace

std::string to_bibtex(const std::vector<model::Citation>& citations) {
  std::string out;
  for (const model::Citation& c : citations) {
    if (!out.empty()) {
      out += '\n';
    }
    const std::string eprint = csl::identifier(c, model::IdKind::arxiv);
    const std::string type = entry_type(c, !eprint.empty());
    out += "@" + type + "{" + c.key + ",\n";
    for (const Field& field : fields_of(c, type, eprint)) {
      out += "  " + field.name + " = " + (field.bare ? field.value : "{" + field.value + "}") + ",\n";
    }
    out += "}\n";
  }
  return out;
}

} // namespace refs::exporting
