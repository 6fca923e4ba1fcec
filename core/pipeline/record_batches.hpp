#pragma once

#include "core/store/citation_store.hpp"
#include "core/store/library.hpp"

#include <functional>
#include <span>
#include <string>
#include <vector>

namespace refs::pipeline {

/// What a batch of stored rows became: one entry per row ("" for a row
/// left out), and what could not be said.
struct RenderedBatch {
  std::vector<std::string> entries;
  std::vector<std::string> warnings;
  std::vector<std::string> damaged; ///< records that do not read, one line each
};

/// Renders rows; called on several threads at once, so it must only read
/// what it shares.
using BatchRenderer = std::function<RenderedBatch(std::span<const store::StoredRecord>)>;

/// Hands each batch's rows and what they became to `take`, in order.
using BatchTaker = std::function<void(std::span<const store::StoredRecord>, RenderedBatch&&)>;

/// Renders every citation of the library in `order`, a batch at a time:
/// batches render on other threads while this one reads the next, and are
/// taken here in order, so only a few batches of rows are held and a
/// 100,000-citation library is rendered on every core. Throws refs::Error
/// when the library fails (after the batches under way have ended).
void render_library(store::Library& library, store::RecordOrder order, const BatchRenderer& render,
                    const BatchTaker& take);

} // namespace refs::pipeline
