#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace refs::resolve::web {

/// The parts of a page that carry metadata, as the HTML5 parser read them.
struct PageTags {
  /// <meta> tags as (key, content): the key is the lower-cased `name`,
  /// `property` or `itemprop` attribute, in document order, repeats kept
  /// (citation_author comes once per author).
  std::vector<std::pair<std::string, std::string>> metas;
  std::string title;     ///< <title>, whitespace collapsed
  std::string canonical; ///< <link rel="canonical" href>, as written
  std::string language;  ///< <html lang>
  std::vector<std::string> json_ld; ///< the text of each application/ld+json script
};

/// Reads a page's metadata with gumbo (a real HTML5 parser), parsing only
/// what can hold it: the document up to `</head>` (at most the first
/// 512 KiB when there is no end tag), plus every JSON-LD script found later
/// in the body, which some sites put there. `html` is UTF-8.
PageTags read_page_tags(std::string_view html);

/// The values of `key` in document order.
std::vector<std::string> meta_values(const PageTags& tags, std::string_view key);

/// The first non-empty value of `key`, or "".
std::string meta_value(const PageTags& tags, std::string_view key);

} // namespace refs::resolve::web
