#pragma once

#include "core/csl/csl_record_reader.hpp"
#include "core/dedupe/work_profile.hpp"
#include "core/model/citation.hpp"
#include "core/store/library.hpp"
#include "core/util/error.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace refs::store {

/// A stored record that does not read (a damaged file). The one refs::Error
/// callers may pass over: that citation alone fails, left out and named by
/// its key, never the whole library, an export or an import.
class DamagedRecord : public Error {
public:
  using Error::Error;
};

/// A citation as stored, with its row id.
struct StoredCitation {
  std::int64_t id = 0;
  model::Citation citation;
};

// Every function throws refs::Error naming the library and the operation
// when SQLite fails. Writers must run inside a WriteTransaction.

/// The citation an identifier belongs to; the oldest one when a
/// non-unique identifier (a URL) names several.
std::optional<StoredCitation> find_by_id(Library& library, const model::WorkId& id);

/// The citation with this key, or whose former key (alias) it is.
std::optional<StoredCitation> find_by_key(Library& library, std::string_view key);

/// Every citation, by key. With `damaged`, a record that does not read is
/// left out and its refs::Error message (naming the library and the key)
/// added there; without, it is thrown.
std::vector<StoredCitation> all_citations(Library& library, std::vector<std::string>* damaged = nullptr);

/// A citation's row as stored: its CSL-JSON record not yet read.
struct StoredRecord {
  std::int64_t id = 0;
  std::string key;
  bool key_fixed = false;
  std::string record;
  int year = 0; ///< the year it was issued, 0 when undated
};

/// How many citations the library holds.
std::size_t citation_count(Library& library);

/// How many citations each year has (0: undated).
std::map<int, std::size_t> citations_per_year(Library& library);

/// The order for_each_record() gives rows in: by key, or by year, newest
/// first and undated last, then by key.
enum class RecordOrder { key, newest_first };

/// Calls `f` with every citation's row, in `order`, holding one at a time.
/// `f` must not use the library.
void for_each_record(Library& library, const std::function<void(StoredRecord&&)>& f,
                     RecordOrder order = RecordOrder::key);

/// Makes the row's record what `export --csl-json` writes for the
/// citation, compact: `key-fixed` true, as it is once exported. False (and
/// nothing changed) when the record does not begin with the row's key as
/// its `id`: decode it instead.
bool make_record_exported(StoredRecord& row);

/// Reads a stored row into a citation with `reader` (one per thread);
/// `library` names the file in the refs::Error thrown when the record is
/// damaged. Touches no database, so it may run on any thread.
StoredCitation decode_record(const std::filesystem::path& library, const StoredRecord& row,
                             csl::CslRecordReader& reader);

/// Calls `f` with every citation in turn, in row order, holding one in
/// memory at a time, passing over records that do not read (list and
/// export name them). `f` may write other tables than `citations`.
void for_each_citation(Library& library, const std::function<void(const StoredCitation&)>& f);

/// Citations no post refers to any more, by key; `damaged` as for all_citations.
std::vector<StoredCitation> orphan_citations(Library& library, std::vector<std::string>* damaged = nullptr);

/// The first of `base`, `base`a, `base`b, ... that is neither a key nor an alias.
std::string free_key(Library& library, const std::string& base);

/// Every key (or, orphans_only, those of citations no post cites), in byte order.
std::vector<std::string> all_keys(Library& library, bool orphans_only);

/// The citation with this row id.
std::optional<StoredCitation> find_by_row_id(Library& library, std::int64_t id);

/// A citation with what storing it derives from it: its dedupe keys and
/// its record. prepare_citation touches no database, so an import makes
/// them on another thread than the one writing.
struct PreparedCitation {
  model::Citation citation;
  dedupe::WorkProfile profile; ///< dedupe::profile_of(citation)
  std::string record;          ///< the CSL-JSON stored for it
};
PreparedCitation prepare_citation(model::Citation citation);

/// Stores a new citation (its key must be free) with its identifiers and
/// dedupe keys; returns the row id: `id` when given (an undone merge gives
/// an entry its id back), else one above every row id in use or absorbed by
/// a merge, so such ids are never handed out again.
std::int64_t insert_citation(Library& library, const PreparedCitation& citation,
                             std::optional<std::int64_t> id = std::nullopt);
std::int64_t insert_citation(Library& library, const model::Citation& citation,
                             std::optional<std::int64_t> id = std::nullopt);

/// Rewrites a stored citation, its identifiers and its dedupe keys.
void update_citation(Library& library, std::int64_t id, const model::Citation& citation);

/// Records `alias` as a former key of the citation.
void add_alias(Library& library, std::int64_t id, const std::string& alias);

/// Forgets a former key (it becomes a citation's key again).
void remove_alias(Library& library, const std::string& alias);

/// Deletes a citation; its aliases and identifiers go with it, and the post
/// references to it are kept with no citation.
void delete_citation(Library& library, std::int64_t id);

} // namespace refs::store

namespace refs::store {

/// Former keys of a citation, sorted.
std::vector<std::string> aliases_of(Library& library, std::int64_t id);

/// Paths of the posts that cite the citation, sorted.
std::vector<std::string> posts_citing(Library& library, std::int64_t id);

/// Marks keys as fixed (exported or cited): they never change after this.
void fix_keys(Library& library, const std::vector<std::int64_t>& ids);

} // namespace refs::store
