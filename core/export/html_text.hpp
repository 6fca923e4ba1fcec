#pragma once

#include <string>
#include <string_view>

namespace refs::exporting {

/// Text as HTML reads it back, in an element or a quoted attribute: `&`,
/// `<`, `>`, `"` and `'` as references, and the control characters HTML
/// does not allow (all but tab, line feed and carriage return) left out.
/// A title holding `<script>` stays text.
std::string escape_html(std::string_view text);

/// Whether a link may point to `url` in a page: only http, https and ftp
/// URLs, so an imported `javascript:` or `data:` "URL" is never something
/// a click runs.
bool safe_link(std::string_view url);

/// `<a href="URL">text</a>`, with `text` already HTML; the text alone when
/// the URL may not be linked (safe_link()).
std::string html_link(std::string_view url, std::string_view text_html);

} // namespace refs::exporting
