#pragma once

#include "core/store/library.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace refs::store {

/// What one `refs check` saw of a link.
struct LinkCheck {
  std::string url;
  std::int64_t at = 0; ///< Unix time of the run
  std::string seen;    ///< ok, moved, blocked, throttled, soft-404, failed, unknown
  std::string detail;
};

// Every function throws refs::Error naming the library and the operation
// when SQLite fails. Writers must run inside a WriteTransaction.

/// Records a check (one per URL and time: a second replaces the first).
void record_check(Library& library, const LinkCheck& check);

/// Every check of `url`, oldest first.
std::vector<LinkCheck> link_history(Library& library, const std::string& url);

} // namespace refs::store
