#pragma once

#include "core/check/link_verdict.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

namespace refs::check {

/// What `refs check` says of a link.
enum class Verdict { ok, moved, blocked, throttled, soft_404, dead, suspect, unknown };

/// The word for a Verdict: "ok", "soft-404", "dead", ...
std::string_view to_string(Verdict verdict);

/// One earlier check of a link, as the library keeps it.
struct PastCheck {
  std::int64_t at = 0; ///< Unix time
  Seen seen = Seen::unknown;
};

/// A link's verdict after weighing its history.
struct Settled {
  Verdict verdict = Verdict::unknown;
  std::int64_t failing_since = 0; ///< for dead and suspect: the first failure of the run
};

/// Two checks at least this far apart must fail before a link is dead:
/// sites go down for a day, and a move may take a weekend to redirect.
inline constexpr std::int64_t k_dead_after = 3 * 24 * 60 * 60;

/// The verdict for a check that saw `now` at `at`, given the link's
/// earlier checks (any order). A failure is dead when the run of failures
/// it ends began at least k_dead_after earlier, else suspect; an answer
/// (ok, moved, blocked, soft-404) ends a run, while unknown and throttled
/// say nothing either way.
Settled settle(Seen now, std::int64_t at, std::vector<PastCheck> history);

} // namespace refs::check
