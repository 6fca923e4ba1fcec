#pragma once

#include <gumbo.h>

#include <string>
#include <string_view>
#include <vector>

namespace refs::resolve::web {

// Small read-only helpers over a gumbo tree, shared by the body rules.

/// An attribute's value, or "" when the element has none.
std::string_view attribute(const GumboNode* element, const char* name);

/// The element's children that are elements, in order.
std::vector<const GumboNode*> child_elements(const GumboNode* element);

/// The visible text under `node` (text of scripts, styles and templates
/// left out), whitespace collapsed; the collecting stops once `cap` bytes
/// are gathered, so a huge container costs little.
std::string visible_text(const GumboNode* node, std::size_t cap = 2000);

/// The lower-cased words of the element's class, id and data-testid ("entry-meta
/// byline" -> entry, meta, byline), split at spaces, '-' and '_', with the
/// whole class names too ("entry-meta").
std::vector<std::string> name_words(const GumboNode* element);

/// "<span class=\"byline\">": how `refs extract -v` names an element.
std::string describe_element(const GumboNode* element);

/// Every element under `root` in document order, without recursion (pages
/// nest deeply enough to exhaust a stack).
std::vector<const GumboNode*> elements_in_order(const GumboNode* root);

} // namespace refs::resolve::web
