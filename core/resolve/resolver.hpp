#pragma once

#include "core/classify/url.hpp"
#include "core/model/work_id.hpp"

#include <optional>
#include <string_view>

namespace refs::resolve {

/// One source of citations (arXiv, DOI, PDF, web page). A source is one
/// file: it claims the URLs that are its own and names the work each points
/// to. Resolvers never do I/O.
class Resolver {
public:
  virtual ~Resolver() = default;

  /// The source's stable name ("arxiv", "doi", "pdf", "web"): the kind of a
  /// reference it claims, and the provenance of fields it fills.
  virtual std::string_view name() const = 0;

  /// Claims a URL: returns the canonical id of the work it points to (all
  /// URL forms of one work give one id), or nullopt when the URL is not this
  /// source's. Never throws.
  virtual std::optional<model::WorkId> recognize(const classify::Url& url) const = 0;
};

} // namespace refs::resolve
