#include "core/resolve/web/page_zones.hpp"

#include "core/resolve/web/gumbo_tree.hpp"
#include "core/util/string.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace refs::resolve::web {

namespace {

// Class and id words of page furniture, as themes and CMSs name it
// (WordPress, Drupal, Blogger, Ghost, news CMSs). Whole words only:
// "comment-author" is in comments, "commentary" is not.
constexpr std::array<std::string_view, 33> k_furniture = {
    "caption",
    "nav",        "navbar",     "navigation", "menu",        "breadcrumb", "breadcrumbs", "sidebar",
    "widget",     "comment",    "comments",   "discussion",  "related",    "recommended", "recommendations",
    "popular",    "trending",   "most",       "share",       "sharing",    "social",      "newsletter",
    "subscribe",  "cookie",     "consent",    "modal",       "popup",      "teaser",      "teasers",
    "ad",         "advert",     "footer",      "masthead"};

constexpr std::array<std::string_view, 9> k_article_words = {"article", "post", "entry", "story", "hentry",
                                                             "content", "articlebody", "post-header", "entry-header"};

// Class words of the page's main part; an element named with one of them
// is not furniture whatever else its class says (Readability's rule).
constexpr std::array<std::string_view, 11> k_main_words = {"main", "content", "article", "post", "entry", "story",
                                                          "body", "column", "blog", "hentry", "single"};

bool has_word(const std::vector<std::string>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

const GumboNode* parent_element(const GumboNode* node) {
  const GumboNode* p = node->parent;
  return p != nullptr && p->type == GUMBO_NODE_ELEMENT ? p : nullptr;
}

} // namespace

/// The class and id names of an element, each split at '-' and '_'
/// ("entry-meta" -> entry, meta).
std::vector<std::vector<std::string>> split_names(const GumboNode* n) {
  std::vector<std::vector<std::string>> names;
  for (const char* attr : {"class", "id"}) {
    const std::string value = util::to_lower_ascii(attribute(n, attr));
    for (std::string_view name : util::split(value, ' ')) {
      std::vector<std::string> parts;
      std::size_t from = 0;
      for (std::size_t i = 0; i <= name.size(); ++i) {
        if (i == name.size() || name[i] == '-' || name[i] == '_') {
          if (i > from) {
            parts.emplace_back(name.substr(from, i - from));
          }
          from = i + 1;
        }
      }
      if (!parts.empty()) {
        names.push_back(std::move(parts));
      }
    }
  }
  return names;
}

bool is_main_word(std::string_view w) { return std::find(k_main_words.begin(), k_main_words.end(), w) != k_main_words.end(); }
bool is_furniture_word(std::string_view w) { return std::find(k_furniture.begin(), k_furniture.end(), w) != k_furniture.end(); }

/// The element's furniture name ("related-posts"), or "": a name with a
/// furniture word, unless another of its names starts with a word of the
/// main part ("main_color" beside "sidebar_right"); names that are a
/// state ("no-menu-bar", "has-sidebar", "is-sticky") or a layout
/// ("layout-width-header-and-sidebar") do not count.
std::string furniture_name(const GumboNode* n, bool inside_article) {
  std::string found;
  for (const std::vector<std::string>& parts : split_names(n)) {
    const std::string& first = parts.front();
    // States ("no-menu-bar", "has-sidebar") and layouts ("layout-width-
    // header-and-sidebar", "grid-col-sidebar") describe the page, not a zone.
    if (first == "no" || first == "has" || first == "is" || first == "with" || first == "without" || first == "layout" ||
        first == "grid" || first == "panel" || first == "col" || first == "row") {
      continue;
    }
    if (is_main_word(first) && std::none_of(parts.begin(), parts.end(), is_furniture_word)) {
      return "";
    }
    // A layout wrapper around the content and its sidebar ("content-sidebar-wrap").
    const std::string& last = parts.back();
    if (last == "wrap" || last == "wrapper" || last == "container") {
      continue;
    }
    for (std::size_t i = 0; i < parts.size(); ++i) {
      const std::string& part = parts[i];
      // "wrapper__with-sidebar" holds a sidebar beside it; a page's article
      // footer (WordPress "entry-footer") holds its byline.
      const bool state = i > 0 && (parts[i - 1] == "with" || parts[i - 1] == "has" || parts[i - 1] == "no");
      if (found.empty() && is_furniture_word(part) && !state && !(part == "footer" && inside_article)) {
        found = part;
      }
    }
  }
  return found;
}

bool holds(const GumboNode* ancestor, const GumboNode* node) {
  for (const GumboNode* n = node; n != nullptr; n = n->parent) {
    if (n == ancestor) {
      return true;
    }
  }
  return false;
}

std::string boilerplate_zone(const GumboNode* element, const GumboNode* headline) {
  const bool inside_article = in_article(element);
  std::vector<const GumboNode*> chain;
  for (const GumboNode* n = element; n != nullptr; n = parent_element(n)) {
    chain.push_back(n);
  }
  for (const GumboNode* n : chain) {
    const GumboTag tag = n->v.element.tag;
    // <main> and <article> are the content whatever their classes say
    // ("container--is-skin-ad").
    if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_MAIN || tag == GUMBO_TAG_ARTICLE ||
        (headline != nullptr && holds(n, headline))) {
      continue;
    }
    if (tag == GUMBO_TAG_NAV || tag == GUMBO_TAG_ASIDE || tag == GUMBO_TAG_FORM || tag == GUMBO_TAG_SELECT ||
        tag == GUMBO_TAG_FIGURE || tag == GUMBO_TAG_FIGCAPTION) {
      return std::string("in <") + gumbo_normalized_tagname(tag) + ">";
    }
    if (tag == GUMBO_TAG_FOOTER && !inside_article) {
      return "in the page's <footer>";
    }
    std::string style;
    for (char c : util::to_lower_ascii(attribute(n, "style"))) {
      style += c == ' ' ? "" : std::string(1, c);
    }
    if (gumbo_get_attribute(&n->v.element.attributes, "hidden") != nullptr || style.find("display:none") != std::string::npos) {
      return "hidden";
    }
    const std::string role = util::to_lower_ascii(attribute(n, "role"));
    if (role == "navigation" || role == "contentinfo" || role == "complementary" || role == "dialog") {
      return "in role=" + role;
    }
    if (!furniture_name(n, inside_article).empty()) {
      return describe_element(n).insert(0, "in ");
    }
  }
  return "";
}

bool in_article(const GumboNode* element) {
  for (const GumboNode* n = element; n != nullptr; n = parent_element(n)) {
    const GumboTag tag = n->v.element.tag;
    if (tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN || attribute(n, "itemprop") == "articleBody") {
      return true;
    }
    const std::vector<std::string> words = name_words(n);
    if (std::any_of(k_article_words.begin(), k_article_words.end(), [&](std::string_view w) { return has_word(words, w); })) {
      return true;
    }
  }
  return false;
}

} // namespace refs::resolve::web
