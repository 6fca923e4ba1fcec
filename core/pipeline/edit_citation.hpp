#pragma once

#include "core/config.hpp"
#include "core/model/citation.hpp"
#include "core/store/library.hpp"

#include <string>
#include <utility>
#include <vector>

#include <tl/expected.hpp>

namespace refs::pipeline {

/// Applies the writer's corrections (`FIELD=VALUE`, CSL field names, plus
/// `key` to rename) in one transaction. Corrected fields take the source
/// "user", which outranks every other source, so no later resolution
/// overwrites them; the key becomes fixed. A renamed citation keeps its old
/// key as an alias. Fails, changing nothing, on an unknown key, an unknown
/// field, a malformed value, or a new key that is taken or not a valid key.
tl::expected<model::Citation, std::string>
set_fields(store::Library& library, const Config& config, const std::string& key,
           const std::vector<std::pair<std::string, std::string>>& assignments);

/// What `refs rm` removed.
struct Removal {
  std::string key;
  std::vector<std::string> posts; ///< posts that cited it; their references now have no citation
};

/// Deletes a citation (by key or alias) in one transaction. Fails on an
/// unknown key.
tl::expected<Removal, std::string> remove_citation(store::Library& library, const std::string& key);

} // namespace refs::pipeline
