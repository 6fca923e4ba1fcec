#include "core/resolve/web/merge_steps.hpp"

#include "core/util/string.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace refs::resolve::web::merge {

namespace {

constexpr std::array<std::string_view, 10> k_title_separators = {" | ", " - ", " — ", " – ", " :: ", " : ",
                                                                 " · ", " » ", " / ", " • "};

/// "Headline | Site" with `headline` as one side: the other side.
Beside beside(const std::string& title, const std::string& headline) {
  for (std::string_view sep : k_title_separators) {
    for (std::size_t at = title.find(sep); at != std::string::npos; at = title.find(sep, at + 1)) {
      const std::string left = util::collapse_whitespace(title.substr(0, at));
      const std::string right = util::collapse_whitespace(title.substr(at + sep.size()));
      if (agree(left, headline)) {
        return {right, true};
      }
      if (agree(right, headline)) {
        return {left, false};
      }
    }
  }
  return {};
}

} // namespace

Beside merge_title(PageMetadata& page, const HeadEvidence& head, const BodyFindings& body) {
  if (body.headlines.empty() || head.scholarly) {
    return {};
  }
  // A headline that is the site's name (smitten kitchen's <h1>) is the
  // header's, not the article's.
  const auto article_headline = std::find_if(body.headlines.begin(), body.headlines.end(), [&](const Finding& f) {
    return !names_host(f.value, head.host_label) || folded(f.value).size() > folded(head.host_label).size() + 4;
  });
  for (auto it = body.headlines.begin(); it != article_headline; ++it) {
    reject(page, "title", *it, "the site's name");
  }
  if (article_headline == body.headlines.end()) {
    return {};
  }
  const Finding& h = *article_headline;
  std::string& title = page.citation.title;
  for (const auto& [origin, text] : head.titles) {
    if (agree(text, h.value)) {
      if (title != h.value) {
        title = h.value;
        take_from_body(page, "title", h, "agrees with " + origin);
      }
      for (const auto& [unused, other_text] : head.titles) {
        if (Beside other = beside(other_text, h.value); !other.text.empty()) {
          return other;
        }
      }
      return {};
    }
  }
  // The visible headline with a kicker, a date or the site's name around
  // the head's title ("Local News | Brothel catering…", "Jun 17 Das
  // vielleicht…"): the head's title is the headline itself.
  for (const auto& [origin, text] : head.titles) {
    const std::string inner = folded(text);
    if (inner.size() >= 12 && folded(h.value).find(inner) != std::string::npos) {
      if (!agree(title, text)) {
        title = util::collapse_whitespace(text);
        page.citation.sources["title"] = origin.substr(0, origin.find(' '));
        page.provenance["title"] = origin + " (the visible headline " + describe(h) + " holds it, with more around it)";
      }
      reject(page, "title", h, "holds the head's title with more around it");
      return {};
    }
  }
  for (const auto& [origin, text] : head.titles) {
    if (Beside other = beside(text, h.value); !other.text.empty()) {
      title = h.value;
      take_from_body(page, "title", h, origin + " is the headline and \"" + other.text + "\"");
      return other;
    }
  }
  if (title.empty()) {
    title = h.value;
    take_from_body(page, "title", h, "");
    return {};
  }
  const bool strong = h.rule == "itemprop headline" || h.rule == "h1 in article";
  if (strong && share_words(title, h.value) && std::count(h.value.begin(), h.value.end(), ' ') >= 2) {
    reject(page, "title", {title, page.provenance["title"], ""}, "the visible headline differs");
    title = h.value;
    take_from_body(page, "title", h, "the visible headline, not the head's title");
    return {};
  }
  reject(page, "title", h, "the head's title says otherwise");
  return {};
}


} // namespace refs::resolve::web::merge
