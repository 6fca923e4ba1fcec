#pragma once

#include "core/model/citation.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace refs::exporting {

/// A post that cites an entry: its name, and the id of its section on the
/// page ("" when the page has none, then it is not a link).
struct HtmlPostLink {
  std::string name;
  std::string anchor;
};

/// One entry of the bibliography page.
struct HtmlEntry {
  std::string key;
  bool anchored = true;  ///< carries `id=key` (false where the work is listed again, in another post's group)
  std::string reference; ///< the formatted reference, as HTML blocks (a <p>)
  std::string url;       ///< the work (linked only when safe_link())
  std::string archive_url;
  std::string bibtex;
  std::vector<HtmlPostLink> posts;
};

/// The page around the entries.
struct HtmlPage {
  std::string title;
  std::string summary;   ///< "38 works cited in 1 post"
  bool fragment = false; ///< no document around it: to include in a site's page
  std::string generator; ///< "refs 1.2.0", for <meta name=generator>
  std::size_t entries = 0; ///< from k_lazy_entries on, entries are laid out only near the viewport
};

/// The size of page from which entries are laid out only when near the
/// viewport: below it, a page is laid out whole and an anchor lands where
/// it should without the script's help.
constexpr std::size_t k_lazy_entries = 1000;

/// The page up to its first group: for a whole document the head (style
/// inline), for a fragment its style sheet as a data: URL (a <style> may
/// not stand in a body); then the heading, summary and the search box
/// (shown by the script).
std::string html_page_start(const HtmlPage& page);

/// A group's section with its heading ("2023", a post's title), `id` for
/// linking to it, and `note` after the heading ("" for none); an empty
/// heading gives a section without one (a page that is not grouped).
std::string html_group_start(const HtmlPage& page, const std::string& id, const std::string& heading,
                             const std::string& note);
std::string html_group_end();

/// One entry: its reference, then the key (a link to itself), the work's
/// link, the archived copy, the citing posts and the copy button, then its
/// BibTeX in a <details> that opens without JavaScript.
std::string html_entry(const HtmlEntry& entry);

/// The "nothing matches" line, the script and the closing tags.
std::string html_page_end(const HtmlPage& page);

/// A citation in refs' `full` shape (full_reference()) as an HTML
/// paragraph, the title in <cite> and linked.
std::string html_reference(const model::Citation& citation);

/// The id the page gives a key: the key, with whitespace (which an id
/// cannot hold) as `_`.
std::string html_id(const std::string& key);

} // namespace refs::exporting
