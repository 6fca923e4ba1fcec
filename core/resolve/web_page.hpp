#pragma once

#include "core/resolve/resolver.hpp"

#include <memory>

namespace refs::resolve {

std::unique_ptr<Resolver> make_web_page_resolver();

} // namespace refs::resolve
