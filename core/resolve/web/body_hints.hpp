#pragma once

#include <string>
#include <string_view>

namespace refs::resolve::web {

/// What a page's body says about its author and date when its head says
/// nothing: schema.org microdata (`itemprop="datePublished"`,
/// `itemprop="author"`), a `<time>` marked as the publication date (class
/// "published" or "entry-date", or `pubdate`), and a `rel="author"` link.
struct BodyHints {
  std::string date;   ///< as written: a datetime/content attribute or the text
  std::string author; ///< the text of the author element, or "Posts by X" titles' X
  std::string date_origin;
  std::string author_origin;
};

/// Scans the page text for those markers without parsing the whole body:
/// only each marked element (and up to 400 bytes after it) is parsed, with
/// gumbo. `html` is UTF-8.
BodyHints read_body_hints(std::string_view html);

} // namespace refs::resolve::web
