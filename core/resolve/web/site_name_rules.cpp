#include "core/resolve/web/site_name_rules.hpp"

#include "core/resolve/web/gumbo_tree.hpp"
#include "core/util/string.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace refs::resolve::web {

namespace {

constexpr std::size_t k_longest_name = 80;

constexpr std::array<std::string_view, 9> k_site_words = {"site-title", "site-name", "blog-title", "sitename", "blogtitle",
                                                          "site-logo", "logo", "brand", "navbar-brand"};

bool site_named(const GumboNode* e) {
  const std::vector<std::string> words = name_words(e);
  return std::any_of(k_site_words.begin(), k_site_words.end(),
                     [&](std::string_view w) { return std::find(words.begin(), words.end(), w) != words.end(); });
}

/// An <h1> or <h2> in the page's header (a <header> outside the article, or
/// an element named header, masthead or branding): a blog's name
/// (Blogger's `<div class="widget Header"><h1 class="title">`).
bool heading_in_site_header(const GumboNode* e) {
  const GumboTag tag = e->v.element.tag;
  if (tag != GUMBO_TAG_H1 && tag != GUMBO_TAG_H2) {
    return false;
  }
  for (const GumboNode* n = e->parent; n != nullptr && n->type == GUMBO_NODE_ELEMENT; n = n->parent) {
    if (n->v.element.tag == GUMBO_TAG_ARTICLE) {
      return false;
    }
    const std::vector<std::string> words = name_words(n);
    const auto has = [&](std::string_view w) { return std::find(words.begin(), words.end(), w) != words.end(); };
    if (n->v.element.tag == GUMBO_TAG_HEADER || has("header") || has("masthead") || has("branding") || has("site-header")) {
      return true;
    }
  }
  return false;
}

/// The name a logo element shows: its text, else its image's alt text
/// without a trailing "logo".
std::string shown_name(const GumboNode* e) {
  if (std::string text = visible_text(e, 200); !text.empty()) {
    return text;
  }
  for (const GumboNode* d : elements_in_order(e)) {
    if (d->v.element.tag == GUMBO_TAG_IMG) {
      std::string alt = util::collapse_whitespace(attribute(d, "alt"));
      for (std::string_view suffix : {" logo", " Logo", " - Logo", " – Logo"}) {
        if (alt.size() > suffix.size() && alt.ends_with(suffix)) {
          alt.resize(alt.size() - suffix.size());
        }
      }
      return alt;
    }
  }
  return "";
}

} // namespace

void find_site_names(const BodyScan& scan, BodyFindings& findings) {
  const std::size_t end = std::min(scan.elements.size(), scan.headline == static_cast<std::size_t>(-1) ? scan.elements.size() : scan.headline);
  for (std::size_t i = 0; i < end; ++i) {
    const GumboNode* e = scan.elements[i];
    if (!(site_named(e) || heading_in_site_header(e)) || e->v.element.tag == GUMBO_TAG_IMG || e->v.element.tag == GUMBO_TAG_BODY) {
      continue;
    }
    const std::string name = shown_name(e);
    Finding finding = {name, "site name element", describe_element(e)};
    if (name.size() < 2 || name.size() > k_longest_name) {
      if (!name.empty()) {
        findings.rejected.push_back({"container-title", std::move(finding), "not a name's length"});
      }
      continue;
    }
    findings.site_names.push_back(std::move(finding));
  }
}

} // namespace refs::resolve::web
