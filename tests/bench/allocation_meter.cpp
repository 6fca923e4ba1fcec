#include "tests/bench/allocation_meter.hpp"

#include <atomic>
#include <cstdlib>
#include <malloc.h>

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#define REFS_SANITIZED 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define REFS_SANITIZED 1
#endif

#ifndef REFS_SANITIZED

// glibc's own allocator, under the names it exports for this purpose.
extern "C" {
void* __libc_malloc(std::size_t size);
void* __libc_calloc(std::size_t n, std::size_t size);
void* __libc_realloc(void* p, std::size_t size);
void* __libc_memalign(std::size_t alignment, std::size_t size);
void __libc_free(void* p);
}

namespace {

// The meter is process-wide by nature: malloc has no context to carry it.
std::atomic<std::size_t> g_held{0};
std::atomic<std::size_t> g_peak{0};

void add(void* p) {
  if (p != nullptr) {
    const std::size_t now = g_held += malloc_usable_size(p);
    std::size_t peak = g_peak.load();
    while (now > peak && !g_peak.compare_exchange_weak(peak, now)) {
    }
  }
}

void remove(void* p) {
  if (p != nullptr) {
    g_held -= malloc_usable_size(p);
  }
}

} // namespace

extern "C" {

void* malloc(std::size_t size) {
  void* p = __libc_malloc(size);
  add(p);
  return p;
}

void* calloc(std::size_t n, std::size_t size) {
  void* p = __libc_calloc(n, size);
  add(p);
  return p;
}

void* realloc(void* old, std::size_t size) {
  remove(old);
  void* p = __libc_realloc(old, size);
  add(p != nullptr ? p : (size == 0 ? nullptr : old));
  return p;
}

void* memalign(std::size_t alignment, std::size_t size) {
  void* p = __libc_memalign(alignment, size);
  add(p);
  return p;
}

void* aligned_alloc(std::size_t alignment, std::size_t size) { return memalign(alignment, size); }

int posix_memalign(void** out, std::size_t alignment, std::size_t size) {
  *out = memalign(alignment, size);
  return *out == nullptr ? 12 /* ENOMEM */ : 0;
}

void free(void* p) {
  remove(p);
  __libc_free(p);
}

} // extern "C"

namespace refs::bench {

bool allocation_meter_on() { return true; }

std::size_t reset_allocation_peak() {
  const std::size_t now = g_held.load();
  g_peak = now;
  return now;
}

std::size_t allocation_peak() { return g_peak.load(); }

} // namespace refs::bench

#else

namespace refs::bench {

bool allocation_meter_on() { return false; }
std::size_t reset_allocation_peak() { return 0; }
std::size_t allocation_peak() { return 0; }

} // namespace refs::bench

#endif
