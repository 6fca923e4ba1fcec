#include "core/pipeline/join_works.hpp"

#include "core/dedupe/merge.hpp"
#include "core/store/citation_store.hpp"
#include "core/store/match_key_store.hpp"

#include <algorithm>

namespace refs::pipeline {

namespace {

bool has_arxiv(const dedupe::WorkProfile& p) {
  return std::any_of(p.unique.begin(), p.unique.end(), [](const std::string& u) { return u.starts_with("arxiv:"); });
}

} // namespace

std::vector<SameWork> find_same_works(store::Library& library, const dedupe::WorkProfile& profile, std::int64_t self) {
  std::vector<SameWork> out;
  const auto add = [&](std::int64_t id, dedupe::Match match) {
    if (id != self && std::none_of(out.begin(), out.end(), [&](const SameWork& s) { return s.id == id; })) {
      out.push_back({id, std::move(match)});
    }
  };
  for (const std::string& key : profile.unique) {
    for (std::int64_t id : store::citations_with_unique_key(library, key)) {
      const bool preprint_doi = key.starts_with("doi:") && has_arxiv(profile) != store::has_arxiv_id(library, id);
      add(id, key.starts_with("arxiv:") ? dedupe::Match{"arxiv-id", 1.0, key.substr(6)}
                                        : dedupe::Match{preprint_doi ? "preprint-doi" : "doi", 1.0, key.substr(4)});
    }
  }
  for (const dedupe::UrlKey& url : profile.urls) {
    for (const store::UrlKeyHolder& holder : store::citations_with_url(library, url.identity)) {
      add(holder.id, {url.canonical || holder.canonical ? "canonical-url" : "url", 1.0, url.identity});
    }
  }
  if (profile.title) {
    for (const store::StoredTitleKey& other : store::titles_in_block(library, profile.title->block, profile.title->year)) {
      if (const auto score = dedupe::titles_match(*profile.title, other.key)) {
        add(other.id, dedupe::title_match(*profile.title, *score));
      }
    }
  }
  return out;
}

Joined join_same_works(store::Library& library, std::int64_t self, const model::Citation& content,
                       const std::string& now) {
  const std::vector<SameWork> same = find_same_works(library, dedupe::profile_of(content), self);
  if (same.empty()) {
    store::update_citation(library, self, content);
    return {self, 0, content.key, {}};
  }
  struct Member {
    std::int64_t id;
    model::Citation citation;
    dedupe::Match match;
  };
  std::vector<Member> members{{self, content, {}}};
  for (const SameWork& s : same) {
    if (auto stored = store::find_by_row_id(library, s.id)) {
      members.push_back({s.id, std::move(stored->citation), s.match});
    }
  }
  // Oldest first: it keeps its key, which posts and .bib files may use.
  std::stable_sort(members.begin(), members.end(), [](const Member& a, const Member& b) {
    return a.citation.created != b.citation.created ? a.citation.created < b.citation.created : a.id < b.id;
  });
  model::Citation merged = members.front().citation;
  std::vector<store::Absorbed> absorbed;
  Joined joined{members.front().id, 0, merged.key, {}};
  for (std::size_t i = 1; i < members.size(); ++i) {
    dedupe::merge_into(merged, members[i].citation, dedupe::Ties::keep);
    // `self` was found by no rule of its own: it joins by the rule that
    // found the survivor.
    const dedupe::Match& why = members[i].id == self ? members.front().match : members[i].match;
    absorbed.push_back({members[i].id, why});
    joined.absorbed.push_back({members[i].id, members[i].citation.key, why});
  }
  merged.updated = now;
  joined.merge = store::merge_citations(library, joined.id, merged, absorbed, now);
  return joined;
}

Incoming store_incoming(store::Library& library, model::Citation citation,
                        const std::function<dedupe::Ties(std::int64_t)>& ties, const std::string& now) {
  const std::vector<SameWork> same = find_same_works(library, dedupe::profile_of(citation));
  std::optional<store::StoredCitation> existing;
  for (const SameWork& s : same) {
    auto stored = store::find_by_row_id(library, s.id);
    if (stored && (!existing || stored->citation.created < existing->citation.created ||
                   (stored->citation.created == existing->citation.created && stored->id < existing->id))) {
      existing = std::move(stored);
    }
  }
  if (!existing) {
    citation.key = store::free_key(library, citation.key);
    return {store::insert_citation(library, citation), "new", {}};
  }
  model::Citation merged = existing->citation;
  if (!dedupe::merge_into(merged, citation, ties(existing->id)) && same.size() == 1) {
    return {existing->id, "known", {}};
  }
  merged.updated = now;
  Joined joined = join_same_works(library, existing->id, merged, now);
  return {joined.id, "updated", std::move(joined)};
}

} // namespace refs::pipeline
