#include "core/export/bibtex_writer.hpp"

#include "core/export/bib_entry.hpp"
#include "core/export/export_text.hpp"
#include "core/export/latex_text.hpp"
#include "core/csl/csl_date.hpp"
#include "core/csl/csl_fields.hpp"

#include <array>

namespace refs::exporting {

// BibTeX (Patashnik, "BibTeXing", 1988; biblatex manual §2 for url and
// urldate). `@misc` is the one entry type every style accepts without required
// fields, which is why arXiv's own export uses it for preprints.

namespace {

using Fields = std::vector<BibField>;

constexpr std::array<const char*, 12> k_months = {"jan", "feb", "mar", "apr", "may", "jun",
                                                  "jul", "aug", "sep", "oct", "nov", "dec"};

/// The entry type a work is written as (BibTeX's standard types, as the
/// classic styles know them). A journal article without a journal, or a
/// paper without its proceedings, falls back to @misc, which requires
/// nothing.
std::string entry_type(const model::Citation& c, bool preprint) {
  switch (bib_kind(c, preprint)) {
  case BibKind::preprint:
    return "misc";
  case BibKind::article:
    return "article";
  case BibKind::inproceedings:
    return "inproceedings";
  case BibKind::incollection:
    return "incollection";
  case BibKind::book:
    return "book";
  case BibKind::report:
    return "techreport";
  case BibKind::thesis:
    return is_masters(c) ? "mastersthesis" : "phdthesis";
  case BibKind::other:
    break;
  }
  return c.type == "manuscript" ? "unpublished" : "misc";
}

void add_date(Fields& f, const model::Citation& c) {
  if (c.issued.year > 0) {
    add_field(f, "year", std::to_string(c.issued.year));
  }
  if (c.issued.month >= 1 && c.issued.month <= 12) {
    f.push_back({"month", k_months[static_cast<std::size_t>(c.issued.month - 1)], true});
  }
}

/// A web page's link as every style prints it: url and urldate for
/// natbib and biblatex, howpublished and an access note for the classic
/// styles, which know neither.
void add_web_link(Fields& f, const model::Citation& c) {
  add_field(f, "url", bibtex_url(c.url));
  const std::string accessed = csl::format_date(c.accessed);
  if (!c.url.empty()) {
    add_field(f, "urldate", accessed);
    add_field(f, "howpublished", "\\url{" + url_argument(c.url) + "}");
  }
  std::string note = escape_latex(c.note);
  if (!c.url.empty() && !accessed.empty()) {
    note += (note.empty() ? "" : ". ") + std::string("Accessed: ") + accessed;
  }
  if (const std::string archived = archive_note(c); !archived.empty()) {
    note += (note.empty() ? "" : ". ") + archived;
  }
  add_field(f, "note", note);
}

Fields fields_of(const model::Citation& c, const std::string& type, const std::string& eprint) {
  Fields f;
  add_field(f, "title", bib_title(c));
  add_field(f, "author", bib_names(c.authors));
  const bool volume_like = type == "book" || type == "inproceedings" || type == "incollection";
  add_field(f, "editor", bib_names(c.editors));
  const std::string container = escape_latex(c.container_title);
  if (type == "article") {
    add_field(f, "journal", container);
  } else if (type == "inproceedings" || type == "incollection") {
    add_field(f, "booktitle", container);
  } else if (type == "techreport" || type == "phdthesis" || type == "mastersthesis") {
    add_field(f, type == "techreport" ? "institution" : "school",
        escape_latex(c.publisher.empty() ? c.container_title : c.publisher));
  } else if (type == "misc" && eprint.empty()) {
    add_field(f, "organization", escape_latex(c.container_title.empty() ? c.publisher : c.container_title));
  }
  if (volume_like) {
    add_field(f, "series", escape_latex(c.collection_title));
    add_field(f, "edition", escape_latex(c.edition));
    add_field(f, "publisher", escape_latex(c.publisher));
  }
  if (volume_like || type == "techreport" || type == "phdthesis" || type == "mastersthesis") {
    add_field(f, "address", escape_latex(c.publisher_place));
  }
  add_date(f, c);
  if (type == "article" || type == "inproceedings" || type == "incollection" || type == "book") {
    add_field(f, "volume", escape_latex(c.volume));
  }
  if (type == "article" || type == "techreport") {
    add_field(f, "number", escape_latex(type == "article" ? c.issue : c.number));
  } else if (volume_like) {
    add_field(f, "number", escape_latex(series_number(c)));
  }
  if (type == "article" || type == "inproceedings" || type == "incollection") {
    add_field(f, "pages", bib_pages(c.page));
  }
  if (volume_like) {
    add_field(f, "isbn", escape_latex(c.isbn));
  }
  if (!eprint.empty()) {
    add_field(f, "eprint", eprint);
    add_field(f, "archivePrefix", "arXiv");
    add_field(f, "primaryClass", c.primary_class);
  }
  add_field(f, "doi", bibtex_url(c.doi));
  if (type == "misc" && eprint.empty()) {
    add_web_link(f, c);
  } else {
    add_field(f, "url", bibtex_url(c.url));
    std::string note = escape_latex(c.note);
    if (const std::string archived = archive_note(c); !archived.empty()) {
      note += (note.empty() ? "" : ". ") + archived;
    }
    add_field(f, "note", note);
  }
  return f;
}

} // namespace

std::string bibtex_entry(const model::Citation& c, const BibText& text) {
  const std::string eprint = csl::identifier(c, model::IdKind::arxiv);
  const std::string type = entry_type(c, !eprint.empty());
  Fields fields = fields_of(c, type, eprint);
  add_imported_fields(fields, c);
  add_kept_fields(fields, c);
  return format_entry(type, c.key, fields, text);
}

std::string to_bibtex(const std::vector<model::Citation>& citations, const BibText& text) {
  ExportText out(ExportText::Kind::bib);
  for (const model::Citation& c : citations) {
    out.add(bibtex_entry(c, text));
  }
  return std::move(out).finish();
}

} // namespace refs::exporting
