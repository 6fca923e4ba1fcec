#include "core/resolve/offline.hpp"

#include "core/classify/url_date.hpp"
#include "core/resolve/arxiv.hpp"
#include "core/util/string.hpp"

namespace refs::resolve {

// The last resort, and the first draft of every citation: what the post
// itself says. A blogger's link text is usually the work's title, the host
// names the site, and an arXiv id or a dated news URL states when the work
// appeared. Nothing is invented: a field the post does not support stays
// empty. Network sources (issue #3) overwrite these fields, which is why
// each one is marked with the source "post".

namespace {

constexpr const char* k_source = "post";

void set(model::Citation& c, std::string model::Citation::*field, const std::string& name,
         std::string value) {
  if (value.empty()) {
    return;
  }
  c.*field = std::move(value);
  c.sources[name] = k_source;
}

void set_date(model::Citation& c, model::Date model::Citation::*field, const std::string& name,
              const model::Date& value) {
  if (!value.known()) {
    return;
  }
  c.*field = value;
  c.sources[name] = k_source;
}

bool after(const model::Date& a, const model::Date& b) {
  return a.year != b.year ? a.year > b.year : a.month > b.month;
}

void fill_arxiv(model::Citation& c, const std::string& id, const model::Date& today) {
  c.type = "article";
  set(c, &model::Citation::publisher, "publisher", "arXiv");
  set(c, &model::Citation::number, "number", "arXiv:" + id);
  set(c, &model::Citation::doi, "DOI", "10.48550/arXiv." + id);
  set(c, &model::Citation::url, "URL", "https://arxiv.org/abs/" + id);
  // The grammar allows ids up to 2099; one "issued" after today is a typo,
  // and a date we would invent.
  if (const model::Date issued = arxiv_id_date(id); !after(issued, today)) {
    set_date(c, &model::Citation::issued, "issued", issued);
  }
}

void fill_from_url(model::Citation& c, const Classified& k, const classify::SiteNamer& sites,
                   const model::Date& today) {
  const classify::Url& url = *k.url;
  const std::string& id = k.recognition->id.value;
  if (k.kind == "arxiv") {
    fill_arxiv(c, id, today);
  } else if (k.kind == "doi") {
    c.type = "document";
    set(c, &model::Citation::doi, "DOI", id);
    set(c, &model::Citation::url, "URL", "https://doi.org/" + id);
  } else if (k.kind == "pdf") {
    c.type = "document";
    set(c, &model::Citation::url, "URL", url.normalised);
    set(c, &model::Citation::publisher, "publisher", sites.site_name(url.host));
    set_date(c, &model::Citation::issued, "issued", classify::date_in_path(url.path));
  } else {
    c.type = "webpage";
    set(c, &model::Citation::url, "URL", url.normalised);
    set(c, &model::Citation::container_title, "container-title", sites.site_name(url.host));
    set_date(c, &model::Citation::issued, "issued", classify::date_in_path(url.path));
  }
  c.ids.push_back(k.recognition->id);
  if (k.recognition->id.kind != model::IdKind::url) {
    c.ids.push_back({model::IdKind::url, url.normalised});
  }
}

} // namespace

Classified classify_reference(const model::Reference& reference, const Registry& registry) {
  Classified k;
  if (reference.url.empty()) {
    k.kind = "note";
    return k;
  }
  auto url = classify::parse_url(reference.url);
  if (!url) {
    k.kind = "unsupported";
    k.problem = url.error();
    return k;
  }
  k.recognition = registry.recognize(*url);
  if (!k.recognition) {
    k.kind = "unsupported";
    k.problem = "unsupported URL scheme '" + url->scheme + "'";
    return k;
  }
  k.kind = k.recognition->source;
  k.url = std::move(*url);
  return k;
}

model::Citation offline_citation(const model::Reference& reference, const Classified& k,
                                 const classify::SiteNamer& sites, const model::Date& today,
                                 const std::string& now) {
  model::Citation c;
  c.created = now;
  c.updated = now;
  set(c, &model::Citation::title, "title", reference.text);
  if (k.recognition && k.url) {
    fill_from_url(c, k, sites, today);
    set_date(c, &model::Citation::accessed, "accessed", today);
    c.sources["type"] = k_source;
    return c;
  }
  c.type = "document";
  c.sources["type"] = k_source;
  if (k.kind == "unsupported") {
    set(c, &model::Citation::note, "note", "Cited as " + reference.url);
  }
  const std::string text = util::collapse_whitespace(reference.footnote_text);
  c.ids.push_back({model::IdKind::note, text.empty() ? reference.url : text});
  return c;
}

} // namespace refs::resolve
