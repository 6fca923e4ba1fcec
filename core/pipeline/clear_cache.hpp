#pragma once

#include "core/store/library.hpp"

namespace refs::pipeline {

/// Forgets every fetch the library remembers (metadata and failures), in
/// one transaction; citations keep what was merged into them. Returns how
/// many entries there were. Throws refs::Error when the library fails.
int clear_cache(store::Library& library);

} // namespace refs::pipeline
