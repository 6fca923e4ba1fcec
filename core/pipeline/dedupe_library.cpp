#include "core/pipeline/dedupe_library.hpp"

#include "core/dedupe/merge.hpp"
#include "core/dedupe/work_groups.hpp"
#include "core/store/citation_store.hpp"
#include "core/store/match_key_store.hpp"
#include "core/util/error.hpp"

#include <algorithm>
#include <optional>

namespace refs::pipeline {

namespace {

/// The groups, from the stored keys (which must be current).
DedupePlan find_groups(store::Library& library) {
  std::vector<store::StoredProfile> stored = store::all_profiles(library);
  std::vector<dedupe::WorkProfile> profiles;
  profiles.reserve(stored.size());
  for (store::StoredProfile& s : stored) {
    profiles.push_back(std::move(s.profile));
  }
  DedupePlan plan;
  plan.citations = stored.size();
  for (const dedupe::WorkGroup& group : dedupe::group_works(profiles)) {
    DedupeGroup out;
    bool damaged = false;
    for (std::size_t index : group.members) {
      std::optional<store::StoredCitation> citation;
      try {
        citation = store::find_by_row_id(library, stored[index].id);
      } catch (const store::DamagedRecord&) {
        damaged = true; // a record that does not read joins nothing; list names it
        break;
      }
      if (!citation) {
        throw Error(library.path().string() + ": citation row " + std::to_string(stored[index].id) +
                    " vanished while being read");
      }
      out.members.push_back({stored[index].id, citation->citation.key, citation->citation.title,
                             citation->citation.issued.year, {}, ""});
    }
    if (damaged) {
      continue;
    }
    const auto key_of = [&](std::size_t index) {
      const auto at = std::find(group.members.begin(), group.members.end(), index) - group.members.begin();
      return out.members[static_cast<std::size_t>(at)].key;
    };
    for (std::size_t m = 1; m < group.members.size(); ++m) {
      // Each member but the first is the newer side of a join, or else the
      // older side of one (a chain can join an old entry through a newer).
      const auto as_newer = std::find_if(group.joins.begin(), group.joins.end(),
                                         [&](const dedupe::Join& j) { return j.newer == group.members[m]; });
      const auto& join = as_newer != group.joins.end()
                             ? *as_newer
                             : *std::find_if(group.joins.begin(), group.joins.end(),
                                             [&](const dedupe::Join& j) { return j.older == group.members[m]; });
      out.members[m].match = join.match;
      out.members[m].with = key_of(join.newer == group.members[m] ? join.older : join.newer);
    }
    plan.groups.push_back(std::move(out));
  }
  return plan;
}

} // namespace

DedupePlan plan_dedupe(store::Library& library) {
  store::ensure_match_keys(library);
  return find_groups(library);
}

DedupeApplied apply_dedupe(store::Library& library, const std::string& now) {
  store::ensure_match_keys(library);
  DedupeApplied out;
  store::WriteTransaction tx(library);
  out.plan = find_groups(library);
  for (const DedupeGroup& group : out.plan.groups) {
    auto survivor = store::find_by_row_id(library, group.members.front().id);
    Joined joined{survivor->id, 0, survivor->citation.key, {}};
    std::vector<store::Absorbed> absorbed;
    model::Citation merged = survivor->citation;
    for (std::size_t i = 1; i < group.members.size(); ++i) {
      const auto member = store::find_by_row_id(library, group.members[i].id);
      dedupe::merge_into(merged, member->citation, dedupe::Ties::keep);
      absorbed.push_back({member->id, group.members[i].match});
      joined.absorbed.push_back({member->id, member->citation.key, group.members[i].match});
    }
    merged.updated = now;
    joined.merge = store::merge_citations(library, survivor->id, merged, absorbed, now);
    out.merges.push_back(std::move(joined));
  }
  tx.commit();
  return out;
}

std::vector<store::MergeRecord> dedupe_history(store::Library& library) { return store::merge_history(library); }

store::MergeRecord undo_dedupe(store::Library& library, std::int64_t merge, const std::string& now, bool force) {
  store::WriteTransaction tx(library);
  store::MergeRecord record = store::undo_merge(library, merge, now, force);
  tx.commit();
  return record;
}

} // namespace refs::pipeline
