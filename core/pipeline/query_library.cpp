#include "core/pipeline/query_library.hpp"

#include "core/csl/csl_fields.hpp"
#include "core/store/citation_store.hpp"

namespace refs::pipeline {

CitationView view_of(store::Library& library, store::StoredCitation stored) {
  return {std::move(stored.citation), store::aliases_of(library, stored.id),
          store::posts_citing(library, stored.id)};
}

CitationList list_citations(store::Library& library, bool orphans_only) {
  CitationList out;
  for (store::StoredCitation& c : orphans_only ? store::orphan_citations(library, &out.damaged)
                                               : store::all_citations(library, &out.damaged)) {
    out.citations.push_back(view_of(library, std::move(c)));
  }
  return out;
}

std::vector<std::string> citation_keys(store::Library& library, bool orphans_only) {
  return store::all_keys(library, orphans_only);
}

std::optional<CitationView> show_citation(store::Library& library, const std::string& key) {
  auto stored = store::find_by_key(library, key);
  if (!stored) {
    return std::nullopt;
  }
  const std::int64_t id = stored->id;
  CitationView view = view_of(library, std::move(*stored));
  if (const std::string arxiv = csl::identifier(view.citation, model::IdKind::arxiv); !arxiv.empty()) {
    view.published = store::published_finding(library, arxiv);
    view.published_applied = store::change_in_effect(library, id).has_value();
  }
  return view;
}

} // namespace refs::pipeline
