#include "core/resolve/web/merge_steps.hpp"

#include "core/util/string.hpp"

#include <algorithm>
#include <array>
#include <optional>
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

/// The first headline that is not the site's name (smitten kitchen's
/// <h1>), the others rejected; nullptr when none is left.
const Finding* article_headline(PageMetadata& page, const HeadEvidence& head, const BodyFindings& body) {
  for (const Finding& f : body.headlines) {
    if (!names_host(f.value, head.host_label) || folded(f.value).size() > folded(head.host_label).size() + 4) {
      return &f;
    }
    reject(page, "title", f, "the site's name");
  }
  return nullptr;
}

/// A head title that is the headline: the headline in the page's own
/// spelling, and what a <title> holds beside it.
std::optional<Beside> agreed(PageMetadata& page, const HeadEvidence& head, const Finding& h) {
  std::string& title = page.citation.title;
  for (const auto& [origin, text] : head.titles) {
    if (!agree(text, h.value)) {
      continue;
    }
    if (title != h.value) {
      title = h.value;
      take_from_body(page, "title", h, "agrees with " + origin);
    }
    for (const auto& [unused, other_text] : head.titles) {
      if (Beside other = beside(other_text, h.value); !other.text.empty()) {
        return other;
      }
    }
    return Beside{};
  }
  return std::nullopt;
}

/// The visible headline with a kicker, a date or the site's name around
/// the head's title ("Local News | Brothel catering…", "Jun 17 Das
/// vielleicht…"): the head's title is the headline itself.
bool held_by_headline(PageMetadata& page, const HeadEvidence& head, const Finding& h) {
  for (const auto& [origin, text] : head.titles) {
    const std::string inner = folded(text);
    if (inner.size() < 12 || folded(h.value).find(inner) == std::string::npos) {
      continue;
    }
    if (!agree(page.citation.title, text)) {
      page.citation.title = util::collapse_whitespace(text);
      page.citation.sources["title"] = origin.substr(0, origin.find(' '));
      page.provenance["title"] = origin + " (the visible headline " + describe(h) + " holds it, with more around it)";
    }
    reject(page, "title", h, "holds the head's title with more around it");
    return true;
  }
  return false;
}

} // namespace

Beside merge_title(PageMetadata& page, const HeadEvidence& head, const BodyFindings& body) {
  const Finding* found = head.scholarly ? nullptr : article_headline(page, head, body);
  if (found == nullptr) {
    return {};
  }
  const Finding& h = *found;
  if (std::optional<Beside> other = agreed(page, head, h)) {
    return *other;
  }
  if (held_by_headline(page, head, h)) {
    return {};
  }
  std::string& title = page.citation.title;
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
  // A search-engine title in the head: the article's own headline, when it
  // shares words with it, is what readers cite.
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
