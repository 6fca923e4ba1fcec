#pragma once

#include <cstdint>
#include <filesystem>

namespace refs {

/// Settings the core reads; cli/ fills it from flags, the environment and
/// defaults. The core never looks at argv, the environment or the clock.
struct Config {
  std::filesystem::path library;
  bool offline = false;
  /// Unix time of this run: stamps records and gives `accessed` dates
  /// (SOURCE_DATE_EPOCH makes it fixed, for reproducible output and tests).
  std::int64_t now = 0;
};

} // namespace refs
