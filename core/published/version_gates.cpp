#include "core/published/version_gates.hpp"

#include "core/dedupe/folded_text.hpp"
#include "core/dedupe/same_work.hpp"
#include "core/published/venue_label.hpp"

#include <algorithm>

namespace refs::published {

namespace {

std::u32string folded_name(const model::Person& p) {
  return dedupe::fold_letters(p.family.empty() ? p.literal : p.family);
}

/// Whether the preprint's first author is one of the version's. Names
/// written family-first (Chinese, Korean, Japanese) are read either way
/// round by different sources, so a given name that matches counts.
bool first_author_shared(const model::Citation& preprint, const model::Citation& version) {
  const std::u32string first = folded_name(preprint.authors.front());
  if (first.empty()) {
    return false;
  }
  return std::any_of(version.authors.begin(), version.authors.end(), [&](const model::Person& p) {
    return folded_name(p) == first || (!p.given.empty() && dedupe::fold_letters(p.given) == first);
  });
}

GateResult refuse(std::string why) { return {Standing::refused, std::move(why)}; }

} // namespace

GateResult pass_gates(const model::Citation& preprint, const model::Citation& version, bool by_identifier) {
  if (preprint.issued.year > 0 && version.issued.year > 0 && version.issued.year < preprint.issued.year) {
    return refuse("published in " + std::to_string(version.issued.year) + ", before the preprint (" +
                  std::to_string(preprint.issued.year) + ")");
  }
  if (!preprint.authors.empty() && !version.authors.empty()) {
    if (!first_author_shared(preprint, version)) {
      const model::Person& first = preprint.authors.front();
      return refuse("no author named " + (first.family.empty() ? first.literal : first.family));
    }
  } else if (!by_identifier) {
    return refuse("no authors to compare");
  }
  if (version.title.empty() || !dedupe::same_title(preprint.title, version.title)) {
    if (!by_identifier) {
      return refuse("another title: \"" + version.title + "\"");
    }
    return {Standing::candidate, "the title changed: \"" + version.title + "\""};
  }
  if (by_identifier && is_workshop(version.container_title)) {
    return {Standing::candidate, "a workshop version: cited only when accepted"};
  }
  return {by_identifier ? Standing::confirmed : Standing::candidate, ""};
}

} // namespace refs::published
