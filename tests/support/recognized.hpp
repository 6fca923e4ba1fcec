#pragma once

#include "core/classify/url.hpp"
#include "core/resolve/registry.hpp"

#include <string>

namespace refs::testing {

/// "SOURCE KIND VALUE" for the source that claims a URL, "none" when none
/// does, or "error: WHY" when the URL does not parse.
inline std::string recognized(const std::string& text) {
  auto url = classify::parse_url(text);
  if (!url) {
    return "error: " + url.error();
  }
  auto r = resolve::Registry().recognize(*url);
  return r ? r->source + " " + model::to_string(r->id.kind) + " " + r->id.value : "none";
}

} // namespace refs::testing
