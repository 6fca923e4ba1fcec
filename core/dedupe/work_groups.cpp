#include "core/dedupe/work_groups.hpp"

#include "core/dedupe/title_similarity.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <string>
#include <unordered_map>

namespace refs::dedupe {

namespace {

/// Union-find over work indexes; the root of a set is its smallest index
/// and holds the unique keys of the whole set, so that no chain of joins
/// can make one group of two works with different identifiers.
class Sets {
public:
  explicit Sets(std::span<const WorkProfile> works) : m_parent(works.size()), m_keys(works.size()) {
    std::iota(m_parent.begin(), m_parent.end(), std::size_t{0});
    for (std::size_t i = 0; i < works.size(); ++i) {
      m_keys[i] = works[i].unique;
    }
  }

  std::size_t root(std::size_t i) {
    while (m_parent[i] != i) {
      m_parent[i] = m_parent[m_parent[i]];
      i = m_parent[i];
    }
    return i;
  }

  /// Joins the sets of a and b; false when they were one already or their
  /// identifiers name different works.
  bool join(std::size_t a, std::size_t b) {
    a = root(a);
    b = root(b);
    if (a == b || unique_ids_conflict(m_keys[a], m_keys[b])) {
      return false;
    }
    const std::size_t keep = std::min(a, b);
    const std::size_t gone = std::max(a, b);
    m_parent[gone] = keep;
    for (std::string& key : m_keys[gone]) {
      if (std::find(m_keys[keep].begin(), m_keys[keep].end(), key) == m_keys[keep].end()) {
        m_keys[keep].push_back(std::move(key));
      }
    }
    m_keys[gone].clear();
    return true;
  }

private:
  std::vector<std::size_t> m_parent;
  std::vector<std::vector<std::string>> m_keys;
};

class Grouping {
public:
  explicit Grouping(std::span<const WorkProfile> works) : m_works(works), m_sets(works) {}

  void by_unique_ids();
  void by_urls();
  void by_titles();
  std::vector<WorkGroup> groups();

private:
  /// Joins two works a rule matched, unless their volume, issue, pages,
  /// edition or (for a shared DOI or URL) titles tell them apart.
  void join(std::size_t a, std::size_t b, Match match) {
    if (tells_apart(m_works[a].parts, m_works[b].parts, match.rule).empty() && m_sets.join(a, b)) {
      m_joins.push_back({std::min(a, b), std::max(a, b), std::move(match)});
    }
  }
  void compare_block(std::vector<std::size_t>& block, bool other_year);

  std::span<const WorkProfile> m_works;
  Sets m_sets;
  std::vector<Join> m_joins;
};

void Grouping::by_unique_ids() {
  std::unordered_map<std::string_view, std::size_t> first;
  for (std::size_t i = 0; i < m_works.size(); ++i) {
    for (const std::string& key : m_works[i].unique) {
      const auto [it, fresh] = first.emplace(key, i);
      if (!fresh) {
        join(it->second, i, unique_match(key, m_works[it->second].unique, m_works[i].unique));
      }
    }
  }
}

/// A cited URL joins the works citing it and the works naming it as their
/// canonical URL; two canonical URLs alone join nothing (a site may name
/// one canonical page for many).
void Grouping::by_urls() {
  std::unordered_map<std::string_view, std::size_t> cited;
  for (std::size_t i = 0; i < m_works.size(); ++i) {
    for (const UrlKey& url : m_works[i].urls) {
      if (!url.canonical) {
        cited.emplace(url.identity, i);
      }
    }
  }
  for (std::size_t i = 0; i < m_works.size(); ++i) {
    for (const UrlKey& url : m_works[i].urls) {
      const auto it = cited.find(url.identity);
      if (it != cited.end() && it->second != i) {
        join(it->second, i, {url.canonical ? "canonical-url" : "url", 1.0, url.identity});
      }
    }
  }
}

/// Titles sorted by length: a title only needs comparing with the ones
/// after it that are short enough to reach the threshold. With `other_year`
/// only pairs of different years are compared (the same-year ones were).
void Grouping::compare_block(std::vector<std::size_t>& block, bool other_year) {
  const auto length = [&](std::size_t i) { return m_works[i].title->title.size(); };
  std::stable_sort(block.begin(), block.end(), [&](std::size_t a, std::size_t b) { return length(a) < length(b); });
  for (std::size_t x = 0; x < block.size(); ++x) {
    const TitleKey& a = *m_works[block[x]].title;
    for (std::size_t y = x + 1; y < block.size(); ++y) {
      const TitleKey& b = *m_works[block[y]].title;
      const double longest = static_cast<double>(b.title.size());
      if (static_cast<double>(b.title.size() - a.title.size()) > std::floor((1.0 - k_title_threshold) * longest + 1e-9)) {
        break;
      }
      if ((other_year && a.year == b.year) || m_sets.root(block[x]) == m_sets.root(block[y])) {
        continue;
      }
      if (const auto score = titles_match(a, b)) {
        join(block[x], block[y], title_match(a, *score));
      }
    }
  }
}

/// Blocks are split by year: titles are compared within a year, then
/// across neighbouring years (a preprint and its published version).
void Grouping::by_titles() {
  std::map<std::pair<std::string_view, int>, std::vector<std::size_t>> blocks;
  for (std::size_t i = 0; i < m_works.size(); ++i) {
    if (m_works[i].title) {
      blocks[{m_works[i].title->block, m_works[i].title->year}].push_back(i);
    }
  }
  for (auto& [name, block] : blocks) {
    if (block.size() > 1) {
      compare_block(block, false);
    }
  }
  for (const auto& [name, block] : blocks) {
    const auto next = blocks.find({name.first, name.second + 1});
    if (name.second == 0 || next == blocks.end()) {
      continue;
    }
    std::vector<std::size_t> both = block;
    both.insert(both.end(), next->second.begin(), next->second.end());
    compare_block(both, true);
  }
}

std::vector<WorkGroup> Grouping::groups() {
  std::map<std::size_t, WorkGroup> by_root;
  for (Join& j : m_joins) {
    by_root[m_sets.root(j.older)].joins.push_back(std::move(j));
  }
  for (auto& [root, group] : by_root) {
    for (const Join& j : group.joins) {
      group.members.push_back(j.older);
      group.members.push_back(j.newer);
    }
    std::sort(group.members.begin(), group.members.end());
    group.members.erase(std::unique(group.members.begin(), group.members.end()), group.members.end());
  }
  std::vector<WorkGroup> out;
  out.reserve(by_root.size());
  for (auto& [root, group] : by_root) {
    out.push_back(std::move(group));
  }
  return out;
}

} // namespace

std::vector<WorkGroup> group_works(std::span<const WorkProfile> works) {
  Grouping grouping(works);
  grouping.by_unique_ids();
  grouping.by_urls();
  grouping.by_titles();
  return grouping.groups();
}

} // namespace refs::dedupe
