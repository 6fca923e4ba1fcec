#pragma once

#include "core/resolve/web/body_findings.hpp"

namespace refs::resolve::web {

/// The article's bylines as the page shows them, best first, each as
/// written ("By Adam Aaronson", "von Dennis Kochinky", "홍길동 기자"); the
/// names are cleaned later (author_names.hpp). Rules, strongest first:
/// - "itemprop author": schema.org microdata, its `name` if it has one;
/// - "rel author": a link marked `rel="author"`;
/// - "author class": an element whose class or id says author, byline,
///   writer or reporter (in the languages above), or an `<address>`;
/// - "byline text": a short text near the headline that starts with a
///   byline word (By, Von, Par, Por, Di, Door, Posted by, 글, 作者, 文/,
///   記者 …) or ends with a reporter's title (기자, 記者).
/// Elements in page furniture (page_zones.hpp) are rejected, as are texts
/// longer than a byline.
void find_bylines(const BodyScan& scan, BodyFindings& findings);

/// True when `text` starts with a byline word, e.g. "By ", "Von ", "Por ".
bool starts_with_byline_word(std::string_view text);

} // namespace refs::resolve::web
