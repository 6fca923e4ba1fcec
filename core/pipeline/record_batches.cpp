#include "core/pipeline/record_batches.hpp"

#include <deque>
#include <future>
#include <utility>

namespace refs::pipeline {

namespace {

constexpr std::size_t k_batch = 1024;
/// Batches rendering at once while this thread reads the next: with the
/// reading, enough to keep two cores busy.
constexpr std::size_t k_in_flight = 2;

/// A batch of rows and what they are becoming. The rows' storage does not
/// move when the batch does, so the renderer's span stays valid.
struct Batch {
  std::vector<store::StoredRecord> rows;
  std::future<RenderedBatch> rendered;
};

} // namespace

void render_library(store::Library& library, store::RecordOrder order, const BatchRenderer& render,
                    const BatchTaker& take) {
  std::deque<Batch> in_flight;
  std::vector<store::StoredRecord> rows;
  const auto take_oldest = [&] {
    Batch& oldest = in_flight.front();
    take(oldest.rows, oldest.rendered.get());
    in_flight.pop_front();
  };
  const auto launch = [&] {
    Batch batch{std::move(rows), {}};
    // Deferred too: rendered at get(), on this thread, when no thread can be had.
    batch.rendered = std::async(std::launch::async | std::launch::deferred, render,
                                std::span<const store::StoredRecord>(batch.rows));
    in_flight.push_back(std::move(batch));
    rows = {};
    rows.reserve(k_batch);
    if (in_flight.size() > k_in_flight) {
      take_oldest();
    }
  };
  rows.reserve(k_batch);
  store::for_each_record(
      library,
      [&](store::StoredRecord&& row) {
        rows.push_back(std::move(row));
        if (rows.size() == k_batch) {
          launch();
        }
      },
      order);
  if (!rows.empty()) {
    launch();
  }
  while (!in_flight.empty()) {
    take_oldest();
  }
}

} // namespace refs::pipeline
