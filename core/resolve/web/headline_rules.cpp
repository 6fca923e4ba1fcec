#include "core/resolve/web/headline_rules.hpp"

#include "core/resolve/web/gumbo_tree.hpp"
#include "core/resolve/web/page_zones.hpp"
#include "core/util/string.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace refs::resolve::web {

namespace {

constexpr std::array<std::string_view, 8> k_title_words = {"entry-title", "post-title", "article-title", "headline",
                                                           "article-headline", "story-title", "title-post", "post-headline"};

// Names of the element that holds the site's own name in its header.
constexpr std::array<std::string_view, 8> k_site_name_words = {"site-title", "site-name", "logo", "blog-title",
                                                               "brand", "site-branding", "sitename", "blogtitle"};

bool logo_only(const GumboNode* h1) {
  const std::vector<std::string> words = name_words(h1);
  if (std::any_of(k_site_name_words.begin(), k_site_name_words.end(),
                  [&](std::string_view w) { return std::find(words.begin(), words.end(), w) != words.end(); })) {
    return true;
  }
  for (const GumboNode* child : child_elements(h1)) {
    if (child->v.element.tag == GUMBO_TAG_A && attribute(child, "href") == "/") {
      return true;
    }
  }
  return false;
}

/// A class named as an entry's title, also inside a longer name
/// ("blog_post_title", "c-article-title").
bool marked_title(const GumboNode* e) {
  std::string classes(attribute(e, "class"));
  std::replace(classes.begin(), classes.end(), '_', '-');
  classes = util::to_lower_ascii(classes);
  for (std::string_view name : util::split(classes, ' ')) {
    for (std::string_view w : k_title_words) {
      if (name == w || (name.ends_with(w) && name[name.size() - w.size() - 1] == '-')) {
        return true;
      }
    }
  }
  return false;
}

} // namespace

void find_headlines(BodyScan& scan, BodyFindings& findings) {
  struct Ranked {
    int rank;
    std::size_t index;
    const char* rule;
  };
  std::vector<Ranked> ranked;
  for (std::size_t i = 0; i < scan.elements.size(); ++i) {
    const GumboNode* e = scan.elements[i];
    const GumboTag tag = e->v.element.tag;
    const bool h1 = tag == GUMBO_TAG_H1;
    const bool microdata = attribute(e, "itemprop") == "headline" && tag != GUMBO_TAG_META;
    const bool heading = h1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_SPAN || tag == GUMBO_TAG_A ||
                         tag == GUMBO_TAG_P || tag == GUMBO_TAG_HEADER;
    const bool classed = heading && !h1 && marked_title(e);
    if (!h1 && !microdata && !classed) {
      continue;
    }
    const std::string text = visible_text(e, 600);
    const Finding finding = {text, microdata ? "itemprop headline" : h1 ? "h1" : "title class", describe_element(e)};
    if (text.size() < 2 || text.size() > 400) {
      findings.rejected.push_back({"title", finding, text.size() < 2 ? "empty" : "too long for a headline"});
      continue;
    }
    if (const std::string zone = boilerplate_zone(e); !zone.empty()) {
      findings.rejected.push_back({"title", finding, zone});
      continue;
    }
    if (h1 && logo_only(e)) {
      findings.rejected.push_back({"title", finding, "the site's logo"});
      continue;
    }
    const bool article = in_article(e);
    const bool heading_tag = h1 || tag == GUMBO_TAG_H2;
    const int rank = microdata && heading_tag ? 0 : h1 && article ? 1 : microdata || h1 ? 2 : 3;
    const char* rule = microdata ? "itemprop headline" : h1 && article ? "h1 in article" : h1 ? "h1" : "title class";
    ranked.push_back({rank, i, rule});
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) { return a.rank < b.rank; });
  for (const Ranked& r : ranked) {
    const GumboNode* e = scan.elements[r.index];
    findings.headlines.push_back({visible_text(e, 600), r.rule, describe_element(e)});
  }
  if (!ranked.empty()) {
    scan.headline = ranked.front().index;
  }
}

} // namespace refs::resolve::web
