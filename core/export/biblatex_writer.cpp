#include "core/export/biblatex_writer.hpp"

#include "core/csl/csl_date.hpp"
#include "core/csl/csl_fields.hpp"
#include "core/export/bib_entry.hpp"
#include "core/export/biblatex_fields.hpp"
#include "core/export/export_text.hpp"
#include "core/export/latex_text.hpp"

#include <array>

namespace refs::exporting {

// BibLaTeX's data model (biblatex manual §2.1, §2.2): entry types and fields
// as biber validates them with --validate-datamodel.

namespace {

using Fields = std::vector<BibField>;

std::string entry_type(const model::Citation& c, bool preprint) {
  switch (bib_kind(c, preprint)) {
  case BibKind::preprint:
    return "online";
  case BibKind::article:
    return "article";
  case BibKind::inproceedings:
    return "inproceedings";
  case BibKind::incollection:
    return "incollection";
  case BibKind::book:
    // biblatex wants a book's author; one made by its editors is a collection.
    return c.authors.empty() && !c.editors.empty() ? "collection" : "book";
  case BibKind::report:
    return "report";
  case BibKind::thesis:
    return "thesis";
  case BibKind::other:
    break;
  }
  // biber flags an @online without a URL; these types have their own.
  static constexpr std::array<std::pair<std::string_view, const char*>, 5> k_own = {
      {{"manuscript", "unpublished"}, {"patent", "patent"}, {"software", "software"}, {"motion_picture", "video"},
       {"dataset", "dataset"}}};
  for (const auto& [csl, biblatex] : k_own) {
    if (c.type == csl) {
      return biblatex;
    }
  }
  return c.url.empty() ? "misc" : "online";
}

/// Whether biber takes the volume as an integer: arabic or roman numerals.
bool integer_volume(std::string_view volume) {
  if (volume.empty()) {
    return true;
  }
  const bool arabic = volume.find_first_not_of("0123456789") == std::string_view::npos;
  const bool roman = volume.find_first_not_of("IVXLCDMivxlcdm") == std::string_view::npos;
  return arabic || roman;
}

Fields fields_of(const model::Citation& c, const std::string& type, const std::string& eprint) {
  Fields f;
  add_field(f, "title", bib_title(c));
  add_field(f, "author", bib_names(c.authors));
  const bool volume_like = (type == "book" || type == "collection") || type == "inproceedings" || type == "incollection";
  add_field(f, "editor", bib_names(c.editors));
  const std::string container = escape_latex(c.container_title);
  if (type == "article") {
    add_field(f, "journaltitle", container);
  } else if (type == "inproceedings" || type == "incollection") {
    add_field(f, "booktitle", container);
  } else if (type == "report" || type == "thesis") {
    add_field(f, "type", type == "report" ? "techreport" : is_masters(c) ? "mathesis" : "phdthesis");
    add_field(f, "institution", escape_latex(c.publisher.empty() ? c.container_title : c.publisher));
  } else if ((type == "online" || type == "misc" || type == "video") && eprint.empty()) {
    add_field(f, "organization", escape_latex(c.container_title.empty() ? c.publisher : c.container_title));
  }
  if (volume_like) {
    add_field(f, "series", escape_latex(c.collection_title));
    add_field(f, "edition", escape_latex(c.edition));
    add_field(f, "publisher", escape_latex(c.publisher));
  }
  if (volume_like || type == "report" || type == "thesis") {
    add_field(f, "location", escape_latex(c.publisher_place));
  }
  add_field(f, "date", csl::format_date(c.issued));
  // biber reads `volume` as an integer (arabic or roman); a book's "Volume
  // A" of a series is its `number` there.
  const bool counted = integer_volume(c.volume);
  if (type == "article" || (volume_like && counted)) {
    add_field(f, "volume", escape_latex(c.volume));
  }
  if (type == "article" || type == "report" || type == "patent") {
    add_field(f, "number", escape_latex(type == "article" ? c.issue : c.number));
  } else if (volume_like) {
    add_field(f, "number", escape_latex(counted ? series_number(c) : c.volume));
  }
  if (type == "article" || type == "inproceedings" || type == "incollection") {
    add_field(f, "pages", bib_pages(c.page));
  }
  if (volume_like) {
    add_field(f, "isbn", escape_latex(c.isbn));
  }
  if (!eprint.empty()) {
    add_field(f, "eprinttype", "arxiv");
    add_field(f, "eprint", eprint);
    add_field(f, "eprintclass", c.primary_class);
  }
  add_field(f, "doi", bibtex_url(c.doi));
  add_field(f, "url", bibtex_url(c.url));
  if (!c.url.empty()) {
    add_field(f, "urldate", csl::format_date(c.accessed));
  }
  add_field(f, "note", escape_latex(c.note));
  if (!c.bib_fields.contains("addendum")) { // an imported addendum is the writer's own
    add_field(f, "addendum", archive_note(c));
  }
  return f;
}

} // namespace

std::string biblatex_entry(const model::Citation& c, const BibText& text) {
  const std::string eprint = csl::identifier(c, model::IdKind::arxiv);
  const std::string type = entry_type(c, !eprint.empty());
  Fields fields = fields_of(c, type, eprint);
  add_imported_fields(fields, c);
  add_kept_fields(fields, c, biblatex_knows);
  return format_entry(type, c.key, fields, text);
}

std::string to_biblatex(const std::vector<model::Citation>& citations, const BibText& text) {
  ExportText out(ExportText::Kind::bib);
  for (const model::Citation& c : citations) {
    out.add(biblatex_entry(c, text));
  }
  return std::move(out).finish();
}

} // namespace refs::exporting
