#include "core/pipeline/html_listing.hpp"

#include "core/export/bibtex_writer.hpp"
#include "core/export/reference_parts.hpp"
#include "core/post/front_matter.hpp"
#include "core/post/post_file.hpp"
#include "core/store/post_store.hpp"
#include "core/util/string.hpp"

#include <algorithm>
#include <filesystem>
#include <set>
#include <tuple>

namespace refs::pipeline {

namespace {

/// A post's title from its front matter, else its file name (also when
/// the post is gone since it was resolved).
std::string post_name(const std::string& path) {
  if (const auto loaded = post::load_post(path)) {
    std::vector<std::string_view> lines = util::split(loaded->text, '\n');
    for (std::string_view& line : lines) {
      line = line.ends_with('\r') ? line.substr(0, line.size() - 1) : line;
    }
    if (std::string title = post::front_matter_field(lines, "title"); !title.empty()) {
      return title;
    }
  }
  return std::filesystem::path(path).filename().string();
}

/// The works read so far, each once.
class WorkSet {
public:
  explicit WorkSet(Listing& listing) : m_listing(listing) {}

  std::size_t add(store::StoredCitation&& c) {
    const auto [at, added] = m_index.emplace(c.id, m_listing.works.size());
    if (added) {
      m_listing.works.push_back(std::move(c));
    }
    return at->second;
  }
  std::optional<std::size_t> find(std::int64_t id) const {
    const auto at = m_index.find(id);
    return at == m_index.end() ? std::nullopt : std::optional(at->second);
  }

private:
  Listing& m_listing;
  std::map<std::int64_t, std::size_t> m_index;
};

/// A post's works, in its order, each once; read into `works` when `read`,
/// else only those already there.
std::vector<std::size_t> post_works(store::Library& library, std::int64_t post_id, WorkSet& works, bool read,
                                    Listing& listing) {
  std::vector<std::size_t> out;
  for (const store::ReferenceRow& row : store::post_references(library, post_id)) {
    if (!row.citation_id) {
      continue; // its citation was removed with 'refs rm'
    }
    std::optional<std::size_t> at = works.find(*row.citation_id);
    if (!at && read) {
      try {
        if (auto c = store::find_by_key(library, row.key)) {
          at = works.add(std::move(*c));
        }
      } catch (const store::DamagedRecord& e) {
        listing.damaged.push_back(e.what());
      }
    }
    if (at && std::find(out.begin(), out.end(), *at) == out.end()) {
      out.push_back(*at);
    }
  }
  return out;
}

void read_keys(store::Library& library, const std::vector<std::string>& keys, WorkSet& works, Listing& listing) {
  for (const std::string& key : keys) {
    try {
      if (auto c = store::find_by_key(library, key)) {
        works.add(std::move(*c));
      } else {
        listing.errors.push_back("unknown citation key '" + key + "'");
      }
    } catch (const store::DamagedRecord& e) {
      listing.damaged.push_back(e.what());
    }
  }
}

/// One group per post, then the works none of them cites.
void group_by_post(store::Library& library, const std::vector<std::string>& paths, WorkSet& works, bool read,
                   Listing& listing) {
  std::set<std::size_t> grouped;
  for (const std::string& path : paths) {
    const auto post_id = store::find_post(library, path);
    if (!post_id) {
      continue;
    }
    std::string id = "refs-post-";
    id += std::to_string(listing.groups.size() + 1);
    ListedGroup group{std::move(id), post_name(path), "", {}, path};
    group.entries = post_works(library, *post_id, works, read, listing);
    group.note = works_count(group.entries.size());
    grouped.insert(group.entries.begin(), group.entries.end());
    listing.groups.push_back(std::move(group));
  }
  ListedGroup rest{"refs-not-cited", "Not cited in a post", "", {}};
  for (std::size_t i = 0; i < listing.works.size(); ++i) {
    if (!grouped.contains(i)) {
      rest.entries.push_back(i);
    }
  }
  if (!rest.entries.empty()) {
    rest.note = works_count(rest.entries.size());
    listing.groups.push_back(std::move(rest));
  }
}

void group_by_year(Listing& listing) {
  std::vector<std::size_t> order(listing.works.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    order[i] = i;
  }
  const auto rank = [&](std::size_t i) {
    const model::Citation& c = listing.works[i].citation;
    return std::make_tuple(c.issued.year == 0, -c.issued.year, std::cref(c.key)); // newest first, undated last
  };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return rank(a) < rank(b); });
  for (std::size_t i : order) {
    ListedGroup group = year_group(listing.works[i].citation.issued.year);
    if (listing.groups.empty() || listing.groups.back().heading != group.heading) {
      listing.groups.push_back(std::move(group));
    }
    listing.groups.back().entries.push_back(i);
  }
  for (ListedGroup& group : listing.groups) {
    group.note = works_count(group.entries.size());
  }
}

/// Puts the works in the order the page first shows them (a numeric
/// style numbers them so).
void page_order(Listing& listing) {
  std::vector<std::size_t> renumbered(listing.works.size(), listing.works.size());
  std::vector<store::StoredCitation> works;
  works.reserve(listing.works.size());
  for (ListedGroup& group : listing.groups) {
    for (std::size_t& entry : group.entries) {
      if (renumbered[entry] == listing.works.size()) {
        renumbered[entry] = works.size();
        works.push_back(std::move(listing.works[entry]));
      }
      entry = renumbered[entry];
    }
  }
  listing.works = std::move(works);
}

} // namespace

std::string works_count(std::size_t works) {
  std::string out = std::to_string(works);
  out += works == 1 ? " work" : " works";
  return out;
}

ListedGroup year_group(int year) {
  if (year == 0) {
    return {"refs-undated", "Undated", "", {}};
  }
  std::string heading = std::to_string(year);
  std::string id = "refs-year-";
  id += heading;
  return {std::move(id), std::move(heading), "", {}};
}

CitingLinks citing_links(store::Library& library, const std::map<std::string, std::string>& anchors) {
  std::map<std::string, exporting::HtmlPostLink> posts; // by path
  CitingLinks out;
  for (const store::CitingPost& pair : store::citing_posts(library)) {
    auto post = posts.find(pair.path);
    if (post == posts.end()) {
      const auto anchor = anchors.find(pair.path);
      post = posts.emplace(pair.path, exporting::HtmlPostLink{post_name(pair.path), anchor == anchors.end() ? "" : anchor->second})
                 .first;
    }
    out[pair.citation_id].push_back(post->second);
  }
  return out;
}

exporting::HtmlEntry page_entry(const model::Citation& c, std::int64_t id, std::string reference, bool anchored,
                                const CitingLinks& citing) {
  exporting::HtmlEntry e{c.key, anchored, std::move(reference), exporting::reference_link(c), c.archive_url,
                         exporting::bibtex_entry(c), {}};
  if (const auto posts = citing.find(id); posts != citing.end()) {
    e.posts = posts->second;
  }
  return e;
}

Listing list_for_page(store::Library& library, const HtmlSelection& selection) {
  Listing listing;
  WorkSet works(listing);
  std::vector<std::string> paths;
  for (const std::string& post : selection.posts) {
    std::string path = post::post_identity(post);
    if (!store::find_post(library, path)) {
      listing.errors.push_back(post + ": not in the library; run 'refs resolve " + post + "' first");
    } else if (std::find(paths.begin(), paths.end(), path) == paths.end()) { // a post named twice is one post
      paths.push_back(std::move(path));
    }
  }
  if (!listing.errors.empty()) {
    return listing;
  }
  if (!selection.keys.empty()) {
    read_keys(library, selection.keys, works, listing);
  } else if (selection.posts.empty()) {
    for (store::StoredCitation& c : store::all_citations(library, &listing.damaged)) {
      works.add(std::move(c));
    }
  }
  const bool whole = selection.posts.empty();
  if (selection.group == HtmlGroup::post) {
    group_by_post(library, whole ? store::post_paths(library) : paths, works, !whole, listing);
  } else {
    for (const std::string& path : paths) {
      post_works(library, *store::find_post(library, path), works, true, listing);
    }
    if (selection.group == HtmlGroup::year) {
      group_by_year(listing);
    } else {
      listing.groups.push_back({"refs-all", "", works_count(listing.works.size()), {}});
      for (std::size_t i = 0; i < listing.works.size(); ++i) {
        listing.groups.back().entries.push_back(i);
      }
    }
  }
  page_order(listing);
  std::map<std::string, std::string> anchors; // post path -> the id of its group
  for (const ListedGroup& group : listing.groups) {
    if (!group.post.empty()) {
      anchors.emplace(group.post, group.id);
    }
  }
  listing.citing = citing_links(library, anchors);
  return listing;
}

} // namespace refs::pipeline
