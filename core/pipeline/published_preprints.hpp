#pragma once

#include "core/pipeline/find_published.hpp"
#include "core/store/library.hpp"

#include <string>
#include <vector>

#include <tl/expected.hpp>

namespace refs::pipeline {

/// The library's preprints, by key: citations with an arXiv id, except
/// published works imported with their eprint (a paper-conference,
/// article-journal or chapter with a container that no look-up made).
/// With `keys`, those citations only (by key or former key, each once): an
/// unknown key or a work without an arXiv id fails, naming it.
tl::expected<std::vector<Preprint>, std::string> library_preprints(store::Library& library,
                                                                   const std::vector<std::string>& keys);

/// The preprints among `citations` (a resolved post's) that have no
/// published version applied and are not published works themselves.
std::vector<Preprint> preprints_among(store::Library& library, const std::vector<model::Citation>& citations);

/// The one preprint `key` names (by key or former key).
tl::expected<Preprint, std::string> one_preprint(store::Library& library, const std::string& key);

} // namespace refs::pipeline
