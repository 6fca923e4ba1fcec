#pragma once

#include "core/model/citation.hpp"
#include "core/resolve/dblp.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace refs::published {

/// Which search hit is a preprint's published version, and why the others
/// are not.
struct HitChoice {
  std::optional<resolve::DblpHit> hit;
  std::vector<std::string> refused; ///< "KEY: why", for hits that were publications
};

/// Of DBLP's `hits` for `preprint`, the publications (resolve::is_publication)
/// that pass the gates as title-search results and that the user did not
/// reject (`rejected(key)`): the first main-conference or journal version,
/// else the first workshop version (a workshop paper is never taken for
/// the main conference).
HitChoice choose_hit(const model::Citation& preprint, const std::vector<resolve::DblpHit>& hits,
                     const std::function<bool(const std::string& key)>& rejected);

} // namespace refs::published
