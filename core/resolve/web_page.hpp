#pragma once

#include "core/resolve/resolver.hpp"

#include <memory>

namespace refs::resolve {

/// The source for Web pages: claims every other http(s) URL (the catch-all).
std::unique_ptr<Resolver> make_web_page_resolver(const SourceSettings& settings);

} // namespace refs::resolve
