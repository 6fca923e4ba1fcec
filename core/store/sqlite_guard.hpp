#pragma once

#include "core/store/library.hpp"

#include <SQLiteCpp/Exception.h>

namespace refs::store {

/// Runs `f`, turning a SQLite::Exception into refs::Error
/// "LIBRARY: OPERATION: WHAT": the one place store code meets SQLiteCpp's
/// exceptions (internal to core/store).
template <typename F> auto guarded(Library& library, const char* operation, F&& f) {
  try {
    return f();
  } catch (const SQLite::Exception& e) {
    library.fail(operation, e);
  }
}

} // namespace refs::store
