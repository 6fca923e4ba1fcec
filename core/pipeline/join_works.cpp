#include "core/pipeline/join_works.hpp"

#include "core/dedupe/merge.hpp"
#include "core/store/citation_store.hpp"
#include "core/store/match_key_store.hpp"
#include "core/util/error.hpp"

#include <algorithm>

namespace refs::pipeline {

namespace {

/// The order in which citations of one work are older: by creation, then
/// row id. The oldest keeps its key, which posts and .bib files may use.
bool older(const model::Citation& a, std::int64_t a_id, const model::Citation& b, std::int64_t b_id) {
  return a.created != b.created ? a.created < b.created : a_id < b_id;
}

/// What tells the stored citation `id` apart from the work `profile`
/// describes, which a rule matched it with (dedupe::tells_apart), or "";
/// nullopt when its record does not read: it joins nothing (list and
/// export name it).
std::optional<std::string> told_apart(store::Library& library, std::int64_t id, const dedupe::WorkProfile& profile,
                                      const std::string& rule) {
  try {
    const auto stored = store::find_by_row_id(library, id);
    return stored ? dedupe::tells_apart(profile.parts, dedupe::parts_of(stored->citation), rule) : "";
  } catch (const store::DamagedRecord&) {
    return std::nullopt;
  }
}

} // namespace

Candidates find_candidates(store::Library& library, const dedupe::WorkProfile& profile, std::int64_t self) {
  Candidates found;
  std::vector<SameWork>& out = found.same;
  std::vector<std::string> keys = profile.unique; // of every work taken so far
  // In rule order; a citation whose identifiers name another work than
  // those taken is left out, whatever else matches.
  // `match` is told the candidate's unique keys, read once here.
  const auto add = [&](std::int64_t id, const auto& match) {
    if (id == self || std::any_of(out.begin(), out.end(), [&](const SameWork& s) { return s.id == id; }) ||
        std::any_of(found.apart.begin(), found.apart.end(), [&](const NotSame& s) { return s.id == id; })) {
      return;
    }
    const std::vector<std::string> theirs = store::unique_keys_of(library, id);
    if (dedupe::unique_ids_conflict(keys, theirs)) {
      return;
    }
    dedupe::Match why = match(theirs);
    const std::optional<std::string> apart = told_apart(library, id, profile, why.rule);
    if (!apart || !apart->empty()) {
      if (apart && (why.rule == "doi" || why.rule == "url" || why.rule == "canonical-url")) {
        found.apart.push_back({id, std::move(why), *apart});
      }
      return;
    }
    out.push_back({id, std::move(why)});
    keys.insert(keys.end(), theirs.begin(), theirs.end());
  };
  for (const std::string& key : profile.unique) {
    for (std::int64_t id : store::citations_with_unique_key(library, key)) {
      add(id, [&](const std::vector<std::string>& theirs) { return dedupe::unique_match(key, profile.unique, theirs); });
    }
  }
  for (const dedupe::UrlKey& url : profile.urls) {
    for (const store::UrlKeyHolder& holder : store::citations_with_url(library, url.identity)) {
      if (!url.canonical || !holder.canonical) { // two canonical URLs alone join nothing
        add(holder.id, [&](const auto&) {
          return dedupe::Match{url.canonical || holder.canonical ? "canonical-url" : "url", 1.0, url.identity};
        });
      }
    }
  }
  if (profile.title) {
    for (const store::StoredTitleKey& other : store::titles_in_block(library, profile.title->block, profile.title->year)) {
      if (const auto score = dedupe::titles_match(*profile.title, other.key)) {
        add(other.id, [&](const auto&) { return dedupe::title_match(*profile.title, *score); });
      }
    }
  }
  return found;
}

std::vector<SameWork> find_same_works(store::Library& library, const dedupe::WorkProfile& profile, std::int64_t self) {
  return find_candidates(library, profile, self).same;
}

namespace {

/// Leaves out of `c` the arXiv ids and DOIs held by citations other than
/// `members`: the rules found those to be other works, and the library
/// holds each such identifier once.
void drop_foreign_ids(store::Library& library, model::Citation& c, const std::vector<std::int64_t>& members) {
  std::erase_if(c.ids, [&](const model::WorkId& id) {
    if (id.kind != model::IdKind::arxiv && id.kind != model::IdKind::doi) {
      return false;
    }
    for (std::int64_t holder : store::citations_with_unique_key(library, dedupe::unique_key(id))) {
      if (std::find(members.begin(), members.end(), holder) == members.end()) {
        return true;
      }
    }
    return false;
  });
}

} // namespace

Joined join_same_works(store::Library& library, std::int64_t self, const model::Citation& content,
                       const std::string& now) {
  const std::vector<SameWork> same = find_same_works(library, dedupe::profile_of(content), self);
  std::vector<std::int64_t> ids{self};
  for (const SameWork& s : same) {
    ids.push_back(s.id);
  }
  if (same.empty()) {
    model::Citation own = content;
    drop_foreign_ids(library, own, ids);
    store::update_citation(library, self, own);
    return {self, 0, own.key, {}};
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
  std::stable_sort(members.begin(), members.end(),
                   [](const Member& a, const Member& b) { return older(a.citation, a.id, b.citation, b.id); });
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
  drop_foreign_ids(library, merged, ids);
  joined.merge = store::merge_citations(library, joined.id, merged, absorbed, now);
  return joined;
}

namespace {

/// Stores `incoming` as a new citation under the first free key from its
/// own, without the arXiv ids and DOIs other citations hold.
std::int64_t insert_new(store::Library& library, store::PreparedCitation& incoming) {
  model::Citation& citation = incoming.citation;
  std::string key = store::free_key(library, citation.key);
  const std::size_t ids = citation.ids.size();
  drop_foreign_ids(library, citation, {});
  if (key != citation.key || citation.ids.size() != ids) {
    citation.key = std::move(key);
    incoming = store::prepare_citation(std::move(citation));
  }
  return store::insert_citation(library, incoming);
}

} // namespace

Incoming store_incoming(store::Library& library, store::PreparedCitation& incoming,
                        const std::function<dedupe::Ties(std::int64_t)>& ties, const std::string& now,
                        const std::optional<SameWork>& known, JoinRecord record) {
  model::Citation& citation = incoming.citation;
  Candidates found = find_candidates(library, incoming.profile);
  std::vector<SameWork>& same = found.same;
  if (known && std::none_of(same.begin(), same.end(), [&](const SameWork& s) { return s.id == known->id; })) {
    same.push_back(*known);
  }
  std::optional<store::StoredCitation> existing;
  for (const SameWork& s : same) {
    auto stored = store::find_by_row_id(library, s.id);
    if (stored && (!existing || older(stored->citation, stored->id, existing->citation, existing->id))) {
      existing = std::move(stored);
    }
  }
  if (!existing) {
    const std::int64_t id = insert_new(library, incoming);
    return {id, "new", {}, incoming.citation.key, std::move(found.apart)};
  }
  if (record == JoinRecord::recorded && !known) {
    // Stored first, so that the join records it whole and can undo it.
    const model::Citation content = citation;
    const std::int64_t id = insert_new(library, incoming);
    Joined joined = join_same_works(library, id, content, now);
    const std::int64_t survivor = joined.id;
    return {survivor, "updated", std::move(joined), {}, std::move(found.apart)};
  }
  model::Citation merged = existing->citation;
  if (!dedupe::merge_into(merged, citation, ties(existing->id)) && same.size() == 1) {
    return {existing->id, "known", {}, {}, std::move(found.apart)};
  }
  merged.updated = now;
  Joined joined = join_same_works(library, existing->id, merged, now);
  return {joined.id, "updated", std::move(joined), {}, std::move(found.apart)};
}

std::vector<std::string> merge_notes(const Joined& joined, const std::string& survivor_now) {
  std::vector<std::string> out;
  for (const store::MergeEntry& e : joined.absorbed) {
    out.push_back(joined.key + " and " + e.key + " are one work (" + dedupe::describe(e.match) + "): joined as " +
                  survivor_now + "; `refs dedupe --undo " + std::to_string(joined.merge) + "` separates them");
  }
  return out;
}

} // namespace refs::pipeline
