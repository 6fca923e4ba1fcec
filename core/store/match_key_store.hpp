#pragma once

#include "core/dedupe/work_profile.hpp"
#include "core/store/library.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace refs::store {

// The keys the dedupe rules look up (schema 0003), kept beside each
// citation by citation_store. Writers run inside a WriteTransaction.

/// Replaces the stored keys of a citation with those of `profile`;
/// `replacing` false skips deleting them, for a row just inserted.
void write_match_keys(Library& library, std::int64_t id, const dedupe::WorkProfile& profile, bool replacing = true);

/// Citations holding a unique key ("arxiv:ID" or "doi:10.…").
std::vector<std::int64_t> citations_with_unique_key(Library& library, const std::string& key);

/// The unique keys a citation holds ("arxiv:ID", "doi:10.…").
std::vector<std::string> unique_keys_of(Library& library, std::int64_t id);

struct UrlKeyHolder {
  std::int64_t id = 0;
  bool canonical = false;
};

/// Citations known by a URL in identity form.
std::vector<UrlKeyHolder> citations_with_url(Library& library, const std::string& identity);

struct StoredTitleKey {
  std::int64_t id = 0;
  dedupe::TitleKey key;
};

/// The title keys of one block whose year is `year` or one apart (only
/// `year` itself when it is 0, unknown).
std::vector<StoredTitleKey> titles_in_block(Library& library, const std::string& block, int year);

struct StoredProfile {
  std::int64_t id = 0;
  dedupe::WorkProfile profile;
};

/// Every citation's profile as stored, oldest first (by creation, then
/// row id), read from the key tables without parsing the records.
std::vector<StoredProfile> all_profiles(Library& library);

/// Makes every citation's keys again when they were made by other rules
/// (an older refs, or a library from before schema 3); in its own
/// transaction. Returns whether it did.
bool ensure_match_keys(Library& library);

} // namespace refs::store
