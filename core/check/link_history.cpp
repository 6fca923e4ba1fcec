#include "core/check/link_history.hpp"

#include <algorithm>

namespace refs::check {

std::string_view to_string(Verdict verdict) {
  switch (verdict) {
  case Verdict::ok:
    return "ok";
  case Verdict::moved:
    return "moved";
  case Verdict::blocked:
    return "blocked";
  case Verdict::throttled:
    return "throttled";
  case Verdict::soft_404:
    return "soft-404";
  case Verdict::dead:
    return "dead";
  case Verdict::suspect:
    return "suspect";
  case Verdict::unknown:
    return "unknown";
  }
  return "unknown";
}

Settled settle(Seen now, std::int64_t at, std::vector<PastCheck> history) {
  switch (now) {
  case Seen::ok:
    return {Verdict::ok, 0};
  case Seen::moved:
    return {Verdict::moved, 0};
  case Seen::blocked:
    return {Verdict::blocked, 0};
  case Seen::throttled:
    return {Verdict::throttled, 0};
  case Seen::soft_404:
    return {Verdict::soft_404, 0};
  case Seen::unknown:
    return {Verdict::unknown, 0};
  case Seen::failed:
    break;
  }
  std::sort(history.begin(), history.end(), [](const PastCheck& a, const PastCheck& b) { return a.at > b.at; });
  std::int64_t since = at;
  for (const PastCheck& past : history) {
    if (past.at >= at) {
      continue; // this check itself, or one from a clock that went back
    }
    if (past.seen == Seen::failed) {
      since = past.at;
    } else if (past.seen != Seen::unknown && past.seen != Seen::throttled) {
      break;
    }
  }
  return {at - since >= k_dead_after ? Verdict::dead : Verdict::suspect, since};
}

} // namespace refs::check
