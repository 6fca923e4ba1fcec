#include "core/pipeline/clear_cache.hpp"

#include "core/store/cache_store.hpp"

namespace refs::pipeline {

int clear_cache(store::Library& library) {
  store::WriteTransaction tx(library);
  const int removed = store::clear_cache(library);
  tx.commit();
  return removed;
}

} // namespace refs::pipeline
