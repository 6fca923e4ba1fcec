#pragma once

#include <string_view>

namespace refs::exporting {

/// The bibliography page's style sheet. Every rule is under
/// `.refs-bibliography`, so a page that includes the fragment keeps its
/// own look; colours are inherited. On a page marked `refs-lazy` entries
/// are laid out only near the viewport (content-visibility), which keeps a
/// 100,000-entry page usable.
std::string_view html_style();

/// The page's script: shows the search box and the copy buttons (hidden
/// without JavaScript, where they could not work; following a key shows
/// its BibTeX then), filters entries as one types (every word must match
/// the reference, key or posts, case and accents ignored; the text is
/// indexed while the reader is idle) and copies an entry's BibTeX. It
/// finds its own root, so two fragments on one page work apart.
std::string_view html_script();

} // namespace refs::exporting
