#include "core/export/bib_entry.hpp"

#include "core/export/latex_text.hpp"

namespace refs::exporting {

BibKind bib_kind(const model::Citation& c, bool preprint) {
  if (preprint) {
    return BibKind::preprint;
  }
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

void add_field(std::vector<BibField>& fields, const std::string& name, const std::string& value) {
  if (!value.empty()) {
    fields.push_back({name, value, false});
  }
}

std::string format_entry(const std::string& type, const std::string& key, const std::vector<BibField>& fields) {
  std::string out = "@" + type + "{" + key + ",\n";
  for (const BibField& field : fields) {
    out += "  " + field.name + " = " + (field.bare ? field.value : "{" + field.value + "}") + ",\n";
  }
  return out + "}\n";
}

std::string bib_names(const std::vector<model::Person>& people) {
  std::string out;
  for (const model::Person& p : people) {
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

} // namespace refs::exporting
