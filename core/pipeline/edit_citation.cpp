#include "core/pipeline/edit_citation.hpp"

#include "core/csl/csl_fields.hpp"
#include "core/store/citation_store.hpp"
#include "core/util/time.hpp"

#include <algorithm>

namespace refs::pipeline {

namespace {

/// Keys are what BibTeX, biber and pandoc all accept unquoted.
bool valid_key(const std::string& key) {
  return !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '-' || c == ':' || c == '.';
  });
}

tl::expected<void, std::string> rename(store::Library& library, store::StoredCitation& stored,
                                       const std::string& new_key) {
  if (!valid_key(new_key)) {
    return tl::make_unexpected("'" + new_key + "' is not a valid key (letters, digits, _ - : . only)");
  }
  if (new_key == stored.citation.key) {
    return {};
  }
  if (auto other = store::find_by_key(library, new_key); other && other->id != stored.id) {
    return tl::make_unexpected("key '" + new_key + "' is already used by another citation");
  }
  store::add_alias(library, stored.id, stored.citation.key);
  stored.citation.key = new_key;
  return {};
}

} // namespace

tl::expected<model::Citation, std::string>
set_fields(store::Library& library, const Config& config, const std::string& key,
           const std::vector<std::pair<std::string, std::string>>& assignments) {
  store::WriteTransaction tx(library);
  auto stored = store::find_by_key(library, key);
  if (!stored) {
    return tl::make_unexpected("unknown citation key '" + key + "'");
  }
  for (const auto& [field, value] : assignments) {
    if (field == "key" || field == "id") {
      if (auto renamed = rename(library, *stored, value); !renamed) {
        return tl::make_unexpected(key + ": " + renamed.error());
      }
      continue;
    }
    if (auto set = csl::set_field(stored->citation, field, value); !set) {
      return tl::make_unexpected(key + ": " + field + ": " + set.error());
    }
    // Also for an empty value: the writer cleared the field on purpose,
    // and no later resolution may fill it again.
    stored->citation.sources[field] = "user";
  }
  stored->citation.key_fixed = true;
  stored->citation.updated = util::iso_timestamp(config.now);
  store::update_citation(library, stored->id, stored->citation);
  tx.commit();
  return stored->citation;
}

tl::expected<Removal, std::string> remove_citation(store::Library& library, const std::string& key) {
  store::WriteTransaction tx(library);
  auto stored = store::find_by_key(library, key);
  if (!stored) {
    return tl::make_unexpected("unknown citation key '" + key + "'");
  }
  Removal removal{stored->citation.key, store::posts_citing(library, stored->id)};
  store::delete_citation(library, stored->id);
  tx.commit();
  return removal;
}

} // namespace refs::pipeline
