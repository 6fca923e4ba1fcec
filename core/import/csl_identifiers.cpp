#include "core/import/csl_identifiers.hpp"

#include "core/classify/url.hpp"
#include "core/import/doi_field.hpp"
#include "core/util/string.hpp"

#include <algorithm>

namespace refs::importing {

namespace {

void add(model::Citation& c, model::WorkId id) {
  if (std::find(c.ids.begin(), c.ids.end(), id) == c.ids.end()) {
    c.ids.push_back(std::move(id));
  }
}

} // namespace

void add_csl_identifiers(model::Citation& c, const resolve::Registry& registry) {
  const auto url = classify::parse_url(c.url);
  const bool web = !c.url.empty() && url && url->is_web();
  // The registry knows every URL shape refs reads (arXiv's /abs/ and /pdf/,
  // doi.org, Hugging Face papers), the same way a post's links are read.
  const auto named = web ? registry.recognize(*url) : std::nullopt;
  const bool arxiv = named && named->id.kind == model::IdKind::arxiv;
  const std::vector<std::string> dois = dois_in_field(c.doi);
  if (!dois.empty()) {
    c.doi = dois.front(); // CSL's DOI is the bare DOI, not "https://doi.org/…"
  }
  for (const std::string& written : dois) {
    // arXiv's own DataCite DOI names the preprint its arXiv id names.
    const std::string doi = util::to_lower_ascii(written);
    if (!(arxiv && doi == std::string("10.48550/arxiv.") + util::to_lower_ascii(named->id.value))) {
      add(c, {model::IdKind::doi, doi});
    }
  }
  if (named && named->id.kind != model::IdKind::url) {
    add(c, named->id);
  }
  if (web) {
    add(c, {model::IdKind::url, url->normalised});
  }
}

} // namespace refs::importing
