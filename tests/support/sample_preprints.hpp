#pragma once

#include "tests/support/arxiv_feed_builder.hpp"

#include <map>
#include <string>

namespace refs::testing {

/// The 16 arXiv preprints the sample post (tests/data/ai-trends-2023-11.md)
/// cites, by id, as the fixture arXiv API describes them: their real
/// titles, first authors, dates and primary categories.
const std::map<std::string, FakePaper>& sample_preprints();

} // namespace refs::testing
