#pragma once

#include "core/dedupe/merge.hpp"
#include "core/dedupe/same_work.hpp"
#include "core/dedupe/work_profile.hpp"
#include "core/model/citation.hpp"
#include "core/store/citation_store.hpp"
#include "core/store/library.hpp"
#include "core/store/merge_store.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace refs::pipeline {

/// A stored citation that is the same work as the one looked up, and why.
struct SameWork {
  std::int64_t id = 0;
  dedupe::Match match;
};

/// A stored citation that shares a DOI or URL with the one looked up and
/// is another work all the same (dedupe::tells_apart).
struct NotSame {
  std::int64_t id = 0;
  dedupe::Match match;
  std::string why; ///< what differs: "title", "volume (3, 4)"
};

struct Candidates {
  std::vector<SameWork> same;
  std::vector<NotSame> apart;
};

/// The stored citations that are the same work as `profile` describes
/// (other than `self`), through the indexed key tables: unique identifiers
/// first, then URLs, then the title rule within the profile's block, each
/// candidate read to check that its volume, issue, pages, edition or title
/// do not tell it apart. One entry per citation, with the first rule that
/// found it; those told apart that share a DOI or URL in `apart`.
Candidates find_candidates(store::Library& library, const dedupe::WorkProfile& profile, std::int64_t self = 0);

/// find_candidates's `same`.
std::vector<SameWork> find_same_works(store::Library& library, const dedupe::WorkProfile& profile,
                                      std::int64_t self = 0);

/// What join_same_works did.
struct Joined {
  std::int64_t id = 0;    ///< the surviving citation
  std::int64_t merge = 0; ///< the recorded merge, 0 when nothing was joined
  std::string key;        ///< the survivor's key
  std::vector<store::MergeEntry> absorbed;
};

/// Stores `content` as citation `self`, joined with every stored citation
/// that is the same work: the oldest of them survives with its key, and
/// each field comes from the best source among them (dedupe::merge_into,
/// ties kept by the older). Runs inside the caller's WriteTransaction.
Joined join_same_works(store::Library& library, std::int64_t self, const model::Citation& content,
                       const std::string& now);

/// One line per entry a merge absorbed, for people: "A and B are one work
/// (why): joined as C; `refs dedupe --undo N` separates them", where C is
/// the survivor's key now (it may have settled since).
std::vector<std::string> merge_notes(const Joined& joined, const std::string& survivor_now);

/// What store_incoming did.
struct Incoming {
  std::int64_t id = 0;
  std::string status; ///< "new" (inserted), "updated" or "known" (unchanged)
  Joined joined;      ///< the merge it caused, if any (joined.merge != 0)
  std::string key = {}; ///< for a new citation, the key it was stored under
  std::vector<NotSame> apart = {}; ///< works it shares a DOI or URL with and is not
};

/// How an incoming citation joins a stored work. A post's reference is
/// folded into the library's citation of it; an entry of an imported file
/// is another record of the work, whose join is recorded (undoable, in
/// `dedupe --history`) like dedupe's.
enum class JoinRecord { folded, recorded };

/// Stores a citation that came in (a post's reference, an imported entry):
/// merged into the oldest stored citation of the same work (joining any
/// other stored citations of it), with `ties(id)` deciding equal-rank
/// fields of that citation; or, when no stored citation is the work,
/// inserted under the first free key from `citation.key` (its base key).
/// `known` is a stored citation the caller knows to be the work (an
/// imported entry's own key), joined like those the rules find, and never
/// recorded: it is the same record again. Runs inside
/// the caller's WriteTransaction. `incoming` is left as it was stored, or
/// merged from (its key may have changed): the caller owns it, so that an
/// import can free it on the thread that made it.
Incoming store_incoming(store::Library& library, store::PreparedCitation& incoming,
                        const std::function<dedupe::Ties(std::int64_t)>& ties, const std::string& now,
                        const std::optional<SameWork>& known = std::nullopt, JoinRecord record = JoinRecord::folded);

} // namespace refs::pipeline
