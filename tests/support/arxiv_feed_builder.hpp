#pragma once

#include <map>
#include <string>
#include <vector>

namespace refs::testing {

/// A paper as the fixture arXiv API describes it.
struct FakePaper {
  std::string title;
  std::vector<std::string> authors;
  std::string published; ///< 2023-09-01T17:00:00Z
  std::string primary_class = "cs.CL";
  std::string doi = ""; ///< the published version's DOI (arxiv:doi), if any
};

/// An arXiv API feed in the current (2026) shape for the ids of an
/// `id_list` query, in that order; ids not in `papers` are left out, as the
/// current API does.
std::string arxiv_feed(const std::map<std::string, FakePaper>& papers, const std::string& id_list);

} // namespace refs::testing
