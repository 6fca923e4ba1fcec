#include "core/import/csl_identifiers.hpp"

#include "core/classify/url.hpp"
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
  if (!c.doi.empty()) {
    add(c, {model::IdKind::doi, util::to_lower_ascii(c.doi)});
  }
  const auto url = classify::parse_url(c.url);
  if (c.url.empty() || !url || !url->is_web()) {
    return;
  }
  // The registry knows every URL shape refs reads (arXiv's /abs/ and /pdf/,
  // doi.org, Hugging Face papers), the same way a post's links are read.
  if (const auto named = registry.recognize(*url); named && named->id.kind != model::IdKind::url) {
    add(c, named->id);
  }
  add(c, {model::IdKind::url, url->normalised});
}

} // namespace refs::importing
