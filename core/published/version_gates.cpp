#include "core/published/version_gates.hpp"

#include "core/dedupe/folded_text.hpp"
#include "core/dedupe/same_work.hpp"
#include "core/published/venue_label.hpp"
#include "core/resolve/doi.hpp"
#include "core/util/string.hpp"

#include <algorithm>

namespace refs::published {

namespace {

std::u32string folded(const std::string& text) { return dedupe::fold_letters(text); }

/// Whether two given names may be one: either unknown, or the same first
/// letter ("Bowen", "B.").
bool initials_agree(const std::string& a, const std::string& b) {
  const std::u32string x = folded(a);
  const std::u32string y = folded(b);
  return x.empty() || y.empty() || x.front() == y.front();
}

/// Whether `p` is the preprint's first author `first`: the same family
/// name with agreeing initials, or the two parts swapped (family-first
/// names, Chinese, Korean and Japanese ones, are read either way round by
/// different sources). A shared family name alone is not enough: the
/// search asked for it, so nearly every hit has it.
bool same_person(const model::Person& first, const model::Person& p) {
  if (first.family.empty() || p.family.empty()) {
    const std::u32string a = folded(first.family.empty() ? first.literal : first.family);
    return !a.empty() && a == folded(p.family.empty() ? p.literal : p.family);
  }
  if (folded(first.family) == folded(p.family)) {
    return initials_agree(first.given, p.given);
  }
  return !first.given.empty() && folded(first.family) == folded(p.given) && folded(first.given) == folded(p.family);
}

/// Types a published version may have: a preprint server's record
/// (`article`, `posted-content` read as one), a dataset or software is not.
bool published_type(const std::string& type) {
  return type.empty() || type == "paper-conference" || type == "article-journal" || type == "chapter" || type == "book";
}

GateResult refuse(std::string why) { return {Standing::refused, std::move(why)}; }

} // namespace

GateResult pass_gates(const model::Citation& preprint, const model::Citation& version, bool by_identifier) {
  if (!published_type(version.type)) {
    return refuse("a " + version.type + ", not a published version");
  }
  if (const std::string doi = util::to_lower_ascii(version.doi); resolve::is_preprint_doi(doi)) {
    return refuse("its DOI " + doi + " is a preprint server's");
  }
  if (preprint.issued.year > 0 && version.issued.year > 0 && version.issued.year < preprint.issued.year) {
    return refuse("published in " + std::to_string(version.issued.year) + ", before the preprint (" +
                  std::to_string(preprint.issued.year) + ")");
  }
  if (!preprint.authors.empty() && !version.authors.empty()) {
    const model::Person& first = preprint.authors.front();
    if (std::none_of(version.authors.begin(), version.authors.end(), [&](const model::Person& p) { return same_person(first, p); })) {
      return refuse("no author is " + (first.family.empty() ? first.literal : first.given.empty() ? first.family : first.given + " " + first.family));
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
