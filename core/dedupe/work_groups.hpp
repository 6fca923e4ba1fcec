#pragma once

#include "core/dedupe/same_work.hpp"
#include "core/dedupe/work_profile.hpp"

#include <cstddef>
#include <span>
#include <vector>

namespace refs::dedupe {

/// Two works joined, and why; `older` comes first in the input.
struct Join {
  std::size_t older = 0;
  std::size_t newer = 0;
  Match match;
};

/// Works found to be one: `members` ascending (so the first is the oldest
/// when the input is in age order), and the joins that made the group, one
/// fewer than its members.
struct WorkGroup {
  std::vector<std::size_t> members;
  std::vector<Join> joins;
};

/// Groups the works that are one, by shared unique identifiers, URLs and
/// the title rules, transitively. Identifiers and URLs are looked up in
/// hash maps; titles are compared only within a block, and there only
/// between titles whose lengths allow the threshold. Groups come in the
/// order of their first member.
std::vector<WorkGroup> group_works(std::span<const WorkProfile> works);

} // namespace refs::dedupe
