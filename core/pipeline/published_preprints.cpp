#include "core/pipeline/published_preprints.hpp"

#include "core/csl/csl_fields.hpp"
#include "core/store/citation_store.hpp"
#include "core/store/published_store.hpp"

#include <algorithm>

namespace refs::pipeline {

namespace {

/// Whether a citation describes a published work (not a preprint) by its
/// own type and container.
bool is_published_work(const model::Citation& c) {
  return (c.type == "paper-conference" || c.type == "article-journal" || c.type == "chapter") && !c.container_title.empty();
}

std::optional<Preprint> preprint_of(store::Library& library, store::StoredCitation stored) {
  const std::string arxiv = csl::identifier(stored.citation, model::IdKind::arxiv);
  if (arxiv.empty()) {
    return std::nullopt;
  }
  const bool applied = store::change_in_effect(library, stored.id).has_value();
  return Preprint{stored.id, arxiv, std::move(stored.citation), applied};
}

} // namespace

tl::expected<std::vector<Preprint>, std::string> library_preprints(store::Library& library,
                                                                   const std::vector<std::string>& keys) {
  std::vector<Preprint> out;
  if (keys.empty()) {
    for (store::StoredCitation& s : store::all_citations(library)) {
      const bool published = is_published_work(s.citation);
      auto p = preprint_of(library, std::move(s));
      if (p && (p->applied || !published)) {
        out.push_back(std::move(*p));
      }
    }
    return out;
  }
  for (const std::string& key : keys) {
    auto p = one_preprint(library, key);
    if (!p) {
      return tl::make_unexpected(p.error());
    }
    if (std::none_of(out.begin(), out.end(), [&](const Preprint& q) { return q.id == p->id; })) {
      out.push_back(std::move(*p));
    }
  }
  return out;
}

std::vector<Preprint> preprints_among(store::Library& library, const std::vector<model::Citation>& citations) {
  std::vector<Preprint> out;
  for (const model::Citation& c : citations) {
    auto stored = store::find_by_key(library, c.key);
    if (!stored || is_published_work(stored->citation)) {
      continue;
    }
    auto p = preprint_of(library, std::move(*stored));
    if (p && !p->applied && std::none_of(out.begin(), out.end(), [&](const Preprint& q) { return q.id == p->id; })) {
      out.push_back(std::move(*p));
    }
  }
  return out;
}

tl::expected<Preprint, std::string> one_preprint(store::Library& library, const std::string& key) {
  auto stored = store::find_by_key(library, key);
  if (!stored) {
    return tl::make_unexpected("no citation has the key '" + key + "'");
  }
  auto p = preprint_of(library, std::move(*stored));
  if (!p) {
    return tl::make_unexpected(key + " is not an arXiv preprint (it has no arXiv id)");
  }
  return std::move(*p);
}

} // namespace refs::pipeline
