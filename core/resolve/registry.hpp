#pragma once

#include "core/classify/url.hpp"
#include "core/model/work_id.hpp"
#include "core/resolve/resolver.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace refs::resolve {

/// Which source claimed a URL, and the work it names.
struct Recognition {
  std::string source; ///< Resolver::name() of the claiming source
  model::WorkId id;
};

/// The sources in the order they are asked; the first claim wins.
class Registry {
public:
  explicit Registry(const SourceSettings& settings = {});

  /// nullopt when no source claims the URL (a scheme we never fetch).
  std::optional<Recognition> recognize(const classify::Url& url) const;

  /// The source with this name; nullptr when there is none.
  const Resolver* find(std::string_view name) const;

private:
  std::vector<std::unique_ptr<Resolver>> m_resolvers;
};

} // namespace refs::resolve
