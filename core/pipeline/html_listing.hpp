#pragma once

#include "core/export/html_page.hpp"
#include "core/store/citation_store.hpp"
#include "core/store/library.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace refs::pipeline {

/// How the bibliography page groups its entries.
enum class HtmlGroup { post, year, none };

/// What the page lists: the library, some posts' citations, or some keys.
struct HtmlSelection {
  std::vector<std::string> posts; ///< as the user named them
  std::vector<std::string> keys;  ///< aliases work too
  HtmlGroup group = HtmlGroup::year;
};

/// For each citation, the posts that cite it as the page links them.
using CitingLinks = std::map<std::int64_t, std::vector<exporting::HtmlPostLink>>;

/// Every citation's citing posts, by post path: each named by its front
/// matter's title (else its file name) and linked to the group whose id
/// `anchors` gives for its path.
CitingLinks citing_links(store::Library& library, const std::map<std::string, std::string>& anchors);

/// A group of the page: its section id and heading, and its entries as
/// indexes into Listing::works, in the group's order.
struct ListedGroup {
  std::string id;
  std::string heading; ///< "" for the one group of a page not grouped
  std::string note;    ///< "3 works"
  std::vector<std::size_t> entries;
  std::string post = {}; ///< the library's name of the post it lists ("" for other groups)
};

/// The page's works, each once in the order the page first shows them,
/// its groups, and for each work the posts that cite it.
struct Listing {
  std::vector<store::StoredCitation> works;
  std::vector<ListedGroup> groups;
  CitingLinks citing;
  std::vector<std::string> errors;  ///< unknown keys and posts: nothing is written then
  std::vector<std::string> damaged; ///< records that do not read, left out
};

/// "1 work", "38 works": a group's note and the page's summary.
std::string works_count(std::size_t works);

/// The group of a year's works (0: undated): its section id and heading.
ListedGroup year_group(int year);

/// A work's entry on the page: its reference (HTML), link, archived copy,
/// BibTeX and citing posts; `anchored` when it holds the key's id.
exporting::HtmlEntry page_entry(const model::Citation& citation, std::int64_t id, std::string reference, bool anchored,
                                const CitingLinks& citing);

/// Reads what the page lists from the library and groups it. By post: one
/// group per post (given, or every post of the library by path) in the
/// post's order, a work cited by several in each, then the works no post
/// cites; by year: newest first, undated last, by key within a year.
/// Throws refs::Error when the library fails.
Listing list_for_page(store::Library& library, const HtmlSelection& selection);

} // namespace refs::pipeline
