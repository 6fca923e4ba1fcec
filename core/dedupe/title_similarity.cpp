#include "core/dedupe/title_similarity.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace refs::dedupe {

double title_similarity(std::u32string_view a, std::u32string_view b, double floor) {
  if (a.size() < b.size()) {
    std::swap(a, b);
  }
  const std::size_t longest = a.size();
  if (longest == 0) {
    return 1.0;
  }
  // The largest distance that still reaches `floor`.
  const auto limit = static_cast<std::size_t>(std::floor((1.0 - floor) * static_cast<double>(longest) + 1e-9));
  if (a.size() - b.size() > limit) {
    return 0.0;
  }
  // Levenshtein restricted to the diagonal band |i − j| ≤ limit (Ukkonen):
  // cells outside it cost more than `limit` anyway.
  const std::size_t big = longest + 1;
  std::vector<std::size_t> previous(b.size() + 1, big);
  std::vector<std::size_t> current(b.size() + 1, big);
  for (std::size_t j = 0; j <= std::min(b.size(), limit); ++j) {
    previous[j] = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    const std::size_t from = i > limit ? i - limit : 0;
    const std::size_t to = std::min(b.size(), i + limit);
    std::fill(current.begin(), current.end(), big);
    if (from == 0) {
      current[0] = i;
    }
    std::size_t best = big;
    for (std::size_t j = std::max<std::size_t>(from, 1); j <= to; ++j) {
      const std::size_t substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      const std::size_t remove = previous[j] + 1;
      const std::size_t insert = current[j - 1] + 1;
      current[j] = std::min({substitute, remove, insert});
      best = std::min(best, current[j]);
    }
    if (from == 0) {
      best = std::min(best, current[0]);
    }
    if (best > limit) {
      return 0.0;
    }
    std::swap(previous, current);
  }
  const std::size_t distance = previous[b.size()];
  if (distance > limit) {
    return 0.0;
  }
  return 1.0 - static_cast<double>(distance) / static_cast<double>(longest);
}

} // namespace refs::dedupe
