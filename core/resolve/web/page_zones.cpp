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
    "nav",        "navbar",     "navigation", "menu",        "breadcrumb", "breadcrumbs", "sidebar",
    "widget",     "comment",    "comments",   "discussion",  "related",    "recommended", "recommendations",
    "popular",    "trending",   "most",       "share",       "sharing",    "social",      "newsletter",
    "subscribe",  "cookie",     "consent",    "modal",       "popup",      "teaser",      "teasers",
    "promo",      "ad",         "advert",     "footer",      "masthead"};

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

/// A class or id that starts with a word of the main part and has no
/// furniture word: "main_color", "Blog", "post-header"; not "avia-post-nav".
bool main_named(const GumboNode* n) {
  for (const char* name : {"class", "id"}) {
    for (std::string_view value : util::split(util::to_lower_ascii(attribute(n, name)), ' ')) {
      std::vector<std::string_view> parts;
      std::size_t from = 0;
      for (std::size_t i = 0; i <= value.size(); ++i) {
        if (i == value.size() || value[i] == '-' || value[i] == '_') {
          parts.push_back(value.substr(from, i - from));
          from = i + 1;
        }
      }
      const auto is_main = [](std::string_view p) { return std::find(k_main_words.begin(), k_main_words.end(), p) != k_main_words.end(); };
      const auto is_furniture = [](std::string_view p) { return std::find(k_furniture.begin(), k_furniture.end(), p) != k_furniture.end(); };
      if (!parts.empty() && is_main(parts.front()) && std::none_of(parts.begin(), parts.end(), is_furniture)) {
        return true;
      }
    }
  }
  return false;
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
  bool inside_article = false;
  std::vector<const GumboNode*> chain;
  for (const GumboNode* n = element; n != nullptr; n = parent_element(n)) {
    chain.push_back(n);
    if (n->v.element.tag == GUMBO_TAG_ARTICLE) {
      inside_article = true;
    }
  }
  for (const GumboNode* n : chain) {
    const GumboTag tag = n->v.element.tag;
    if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HTML || (headline != nullptr && holds(n, headline))) {
      continue;
    }
    if (tag == GUMBO_TAG_NAV || tag == GUMBO_TAG_ASIDE || tag == GUMBO_TAG_FORM || tag == GUMBO_TAG_SELECT) {
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
    if (main_named(n)) {
      continue;
    }
    const std::vector<std::string> words = name_words(n);
    for (std::string_view word : k_furniture) {
      // A page's article footer (WordPress "entry-footer") holds its byline.
      if (has_word(words, word) && !(word == "footer" && inside_article)) {
        return describe_element(n).insert(0, "in ");
      }
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
