#include "core/check/page_signals.hpp"

#include "core/util/string.hpp"

namespace refs::check {

// `refs check` reads thousands of pages: a full parse (gumbo, as resolve
// does) would cost more than the requests. The title and the presence of
// article metadata are all the verdict needs, and a case-insensitive scan
// finds them.

namespace {

std::string decode_basic_entities(std::string_view text) {
  std::string out(text);
  for (const auto& [entity, ch] : {std::pair{"&amp;", "&"}, std::pair{"&quot;", "\""}, std::pair{"&#39;", "'"},
                                   std::pair{"&#x27;", "'"}, std::pair{"&nbsp;", " "}}) {
    for (std::size_t at = out.find(entity); at != std::string::npos; at = out.find(entity, at + 1)) {
      out.replace(at, std::string_view(entity).size(), ch);
    }
  }
  return out;
}

} // namespace

PageSignals page_signals(std::string_view html) {
  PageSignals out;
  // Lower-cased once, so each search is a plain find.
  const std::string lower = util::to_lower_ascii(html);
  const std::size_t open = lower.find("<title");
  if (open != std::string::npos) {
    const std::size_t start = lower.find('>', open);
    const std::size_t end = start == std::string::npos ? start : lower.find("</title", start);
    if (end != std::string::npos) {
      const std::string decoded = decode_basic_entities(html.substr(start + 1, end - start - 1));
      out.title = std::string(util::trim(decoded));
    }
  }
  out.article_metadata = lower.find("og:title") != std::string::npos || lower.find("application/ld+json") != std::string::npos;
  return out;
}

} // namespace refs::check
