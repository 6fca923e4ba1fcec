#pragma once

#include <gumbo.h>

#include <string>

namespace refs::resolve::web {

/// Why an element is not part of the article a reader reads: inside
/// navigation, a page footer, a sidebar, comments, a list of related or
/// recommended articles, a share bar, a hidden element or a form. "" when
/// it is. Judged by the element and its ancestors: their tags (`nav`,
/// `aside`, a `footer` outside an `article`), ARIA roles and the words of
/// their class and id. Such elements hold other articles' headlines,
/// commenters' names and other dates. Two kinds of ancestor never count:
/// one that holds `headline` (the article's own headline: a layout
/// wrapper named "sidebar_right" holds the article too), and one whose
/// class names the page's main part as well ("main", "content",
/// "article", "post", "blog").
std::string boilerplate_zone(const GumboNode* element, const GumboNode* headline = nullptr);

/// True when the element or an ancestor is an `<article>`, marked as the
/// article's body or header (`itemprop="articleBody"`, class words such as
/// "article", "post", "entry", "story"), or `<main>`.
bool in_article(const GumboNode* element);

} // namespace refs::resolve::web
