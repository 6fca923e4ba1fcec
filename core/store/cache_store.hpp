#pragma once

#include "core/store/library.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace refs::store {

/// What the library remembers of fetching one work (keyed by the work's
/// canonical URL): the metadata a source gave, or why it failed, and when.
struct CacheEntry {
  std::string key;
  std::int64_t fetched_at = 0; ///< Unix time
  std::string failure;         ///< empty for a success
  std::string metadata;        ///< the source's citation as CSL-JSON, for a success
  std::string etag;
  std::string last_modified;
  /// A failure of a page that is gone or walled: an archived copy may
  /// describe it (resolve::Answer::lost).
  bool lost = false;
};

// Every function throws refs::Error naming the library and the operation
// when SQLite fails. Writers must run inside a WriteTransaction.

/// The entry for `key`, if any.
std::optional<CacheEntry> cached(Library& library, const std::string& key);

/// Records a fetch (success or failure), replacing what was there.
void remember(Library& library, const CacheEntry& entry);

/// Forgets every fetch; returns how many entries there were.
int clear_cache(Library& library);

/// Reserves `count` request slots `interval` seconds apart for `host`,
/// starting no earlier than `now` nor than the slots other processes took,
/// and returns when the first may start (Unix time). Run it in its own
/// transaction, so concurrent processes queue instead of colliding.
double reserve_host_slots(Library& library, const std::string& host, int count, double interval, double now);

/// Pushes `host`'s next slot to no earlier than `when` (Unix time).
void hold_host(Library& library, const std::string& host, double when);

} // namespace refs::store
