#include "core/export/reference_parts.hpp"

#include "core/csl/csl_date.hpp"
#include "core/csl/csl_fields.hpp"
#include "core/published/venue_label.hpp"

namespace refs::exporting {

namespace {

std::string person_text(const model::Person& p) {
  if (!p.literal.empty()) {
    return p.literal;
  }
  std::string out = p.given.empty() ? p.family : p.given + " " + p.family;
  return p.suffix.empty() ? out : out + " " + p.suffix;
}

/// The venue and date: "Site, 2023-11-02"; a preprint's published version
/// by its venue alone ("ICLR 2024"), as readers name it.
std::string venue(const model::Citation& c) {
  const auto short_source = c.sources.find("container-title-short");
  if (!c.container_title_short.empty() && short_source != c.sources.end() && short_source->second == "published") {
    return published::venue_label(c);
  }
  std::string where = c.container_title.empty() ? c.publisher : c.container_title;
  if (const std::string date = csl::format_date(c.issued); !date.empty()) {
    where += where.empty() ? "" : ", ";
    where += date;
  }
  return where;
}

} // namespace

std::string author_names(const model::Citation& c) {
  std::vector<const model::Person*> people;
  for (const model::Person& p : c.authors) {
    if (!model::is_et_al(p)) {
      people.push_back(&p);
    }
  }
  const bool et_al = people.size() > 3 || people.size() < c.authors.size();
  const std::size_t shown = people.size() > 3 ? 1 : people.size();
  std::string out;
  for (std::size_t i = 0; i < shown; ++i) {
    if (i > 0) {
      out += ", ";
    }
    out += person_text(*people[i]);
  }
  return et_al && shown > 0 ? out + " et al." : out;
}

std::string reference_link(const model::Citation& c) {
  if (!c.url.empty()) {
    return c.url;
  }
  if (!c.doi.empty()) {
    return "https://doi.org/" + c.doi;
  }
  const std::string arxiv = csl::identifier(c, model::IdKind::arxiv);
  return arxiv.empty() ? "" : "https://arxiv.org/abs/" + arxiv;
}

std::vector<ReferencePart> full_reference(const model::Citation& c) {
  using Kind = ReferencePart::Kind;
  std::vector<ReferencePart> parts;
  if (!c.authors.empty()) {
    parts.push_back({Kind::authors, author_names(c)});
  }
  const std::string link = reference_link(c);
  parts.push_back({Kind::title, c.title.empty() ? link : c.title, link});
  if (std::string where = venue(c); !where.empty()) {
    parts.push_back({Kind::venue, std::move(where)});
  }
  if (const std::string id = csl::identifier(c, model::IdKind::arxiv); !id.empty()) {
    parts.push_back({Kind::arxiv, "arXiv:" + id});
  }
  if (!c.note.empty()) {
    parts.push_back({Kind::note, c.note});
  }
  if (!c.archive_url.empty()) {
    parts.push_back({Kind::archived, "archived", c.archive_url});
  }
  return parts;
}

bool needs_period(const ReferencePart& part) { return !part.url.empty() || !part.text.ends_with('.'); }

} // namespace refs::exporting
