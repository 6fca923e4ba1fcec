#pragma once

#include "core/dedupe/same_work.hpp"
#include "core/pipeline/join_works.hpp"
#include "core/store/library.hpp"
#include "core/store/merge_store.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace refs::pipeline {

/// A citation of a group `refs dedupe` found.
struct GroupMember {
  std::int64_t id = 0;
  std::string key;
  std::string title;
  int year = 0;
  dedupe::Match match; ///< why it joins the group (empty for the first member)
  std::string with;    ///< the key of the member the match is with
};

/// Citations that are one work; the first (the oldest) survives.
struct DedupeGroup {
  std::vector<GroupMember> members;
};

struct DedupePlan {
  std::size_t citations = 0; ///< in the library
  std::vector<DedupeGroup> groups;
};

/// Re-checks the whole library (making its dedupe keys again first when
/// older rules made them) and returns the groups of citations that are one
/// work, with why. Changes nothing else.
DedupePlan plan_dedupe(store::Library& library);

/// What `refs dedupe --apply` did: the groups it found, and their merges.
struct DedupeApplied {
  DedupePlan plan;
  std::vector<Joined> merges;
};

/// Finds the groups again inside one transaction (so no concurrent run can
/// make them stale) and joins each into its oldest citation, field by field
/// (dedupe::merge_into), recording each merge.
DedupeApplied apply_dedupe(store::Library& library, const std::string& now);

/// Every merge, oldest first.
std::vector<store::MergeRecord> dedupe_history(store::Library& library);

/// Undoes one merge (store::undo_merge) in its own transaction; throws
/// refs::Error with the reason, changing nothing, when it cannot.
store::MergeRecord undo_dedupe(store::Library& library, std::int64_t merge, const std::string& now, bool force);

} // namespace refs::pipeline
