#pragma once

#include <cstddef>

// Counts the bytes a program has allocated with malloc (and so with new,
// and gumbo's and iconv's allocations), by replacing malloc and friends in
// the program: the peak of one piece of work is what it held at most at
// once. Meant for benchmarks only; off (zeros) under sanitizers, which
// replace malloc themselves.
namespace refs::bench {

/// True when the meter counts in this build.
bool allocation_meter_on();

/// Starts a new peak at what is held now; returns what is held now.
std::size_t reset_allocation_peak();

/// The most held at once since the last reset.
std::size_t allocation_peak();

} // namespace refs::bench
