#pragma once

#include "core/dedupe/same_work.hpp"
#include "core/model/citation.hpp"
#include "core/store/library.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace refs::store {

/// A citation joined into another, and why.
struct Absorbed {
  std::int64_t id = 0;
  dedupe::Match match;
};

/// Joins the `absorbed` citations into `survivor`, whose record becomes
/// `merged` (its key unchanged): their post references name the survivor,
/// their keys and former keys become its former keys, and each is recorded
/// whole, with the survivor as it was, so that undo_merge can restore them.
/// Returns the merge's id. Runs inside the caller's WriteTransaction.
std::int64_t merge_citations(Library& library, std::int64_t survivor, const model::Citation& merged,
                             const std::vector<Absorbed>& absorbed, const std::string& now);

struct MergeEntry {
  std::int64_t id = 0;
  std::string key;
  dedupe::Match match;
};

/// One merge as recorded.
struct MergeRecord {
  std::int64_t id = 0;
  std::string merged_at;
  std::int64_t survivor_id = 0;
  std::string survivor_key; ///< the survivor's key when merged
  std::vector<MergeEntry> entries;
  std::string undone_at; ///< "" while in effect
};

/// Every merge, oldest first.
std::vector<MergeRecord> merge_history(Library& library);

/// Restores the entries of a merge as they were: the survivor's record and
/// former keys (keeping former keys it gained since, which exports may
/// use), each absorbed entry with its row id, key, former keys and post
/// references. Throws refs::Error with the reason when the merge is
/// unknown, undone already, followed by a merge of the same entry that is
/// still in effect (undo that first), its survivor was removed, or the
/// survivor changed since (a correction, newer data) unless `force`: the
/// undo would lose that change. Runs inside the caller's WriteTransaction;
/// returns the merge as it was.
MergeRecord undo_merge(Library& library, std::int64_t merge_id, const std::string& now, bool force);

} // namespace refs::store
