#pragma once

#include <string>
#include <string_view>

namespace refs::check {

/// What a link check needs from the start of a page: enough to tell an
/// article from a wall or an error page, without parsing the page.
struct PageSignals {
  std::string title;             ///< the <title>'s text, entities of quotes and ampersands decoded, trimmed
  bool article_metadata = false; ///< OpenGraph og:title or JSON-LD: an article, whatever its title says
};

/// Reads the signals from the first bytes of an HTML page (the first 64 KiB
/// are enough; a cut tag is no title). Empty for anything else.
PageSignals page_signals(std::string_view html);

} // namespace refs::check
