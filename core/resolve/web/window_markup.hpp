#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace refs::resolve::web {

/// A part of a page as the body rules need it: without the insides of
/// scripts, styles, SVG drawings and comments (often most of a page's
/// bytes), and with only the attributes a rule reads (class, id, itemprop,
/// rel, datetime, content, title, alt, role, hidden, lang, data-testid,
/// pubdate; a link to "/" or to a writer's page; a style that hides). The
/// tags themselves stay, so the tree keeps its shape, and gumbo, which
/// allocates every attribute, builds a tree a fraction of the size.
/// Stops once `limit` bytes are written; `stopped_at`, when given,
/// receives how far into `html` it read.
std::string markup_for_reading(std::string_view html, std::size_t limit, std::size_t* stopped_at = nullptr);

} // namespace refs::resolve::web
