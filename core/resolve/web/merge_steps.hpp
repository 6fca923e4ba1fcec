#pragma once

#include "core/resolve/web/body_findings.hpp"
#include "core/resolve/web/evidence_merge.hpp"
#include "core/resolve/web/page_metadata.hpp"

#include <string>
#include <string_view>

// The steps of merge_body_evidence (evidence_merge.hpp), one file each, and
// what they share. Internal to core/resolve/web/.
namespace refs::resolve::web::merge {

/// Text compared for agreement: ASCII letters lower-cased, digits and
/// non-ASCII letters kept, punctuation dropped (straight and curly quotes,
/// dashes, U+2000-U+206F, guillemets, no-break spaces).
std::string folded(std::string_view s);

/// The same text once folded.
bool agree(std::string_view a, std::string_view b);

/// True when two titles share a word of four letters or more (by its
/// first five bytes).
bool share_words(std::string_view a, std::string_view b);

/// A site's name and its host's name are one ("smitten kitchen" and
/// smittenkitchen.com, "BioBioChile" and biobiochile.cl).
bool names_host(std::string_view name, const std::string& host_label);

/// "90min.de", "www.emotion.de", "INTERSCENAR.IO": a host name, its last
/// label lower-case letters or all of it in capitals ("St.GEORG" is a name).
bool is_domain(const std::string& name);

/// "byline text <p class=\"byline\">": a finding's rule and element.
std::string describe(const Finding& f);

/// Records that `field` came from the visible page: source "page", and the
/// rule, element and `how` in the provenance.
void take_from_body(PageMetadata& page, const char* field, const Finding& f, const std::string& how);

/// Records a value the page offered and the merge did not take.
void reject(PageMetadata& page, const char* field, const Finding& f, const std::string& why);

/// What a <title> holds beside the headline: "Headline | Site".
struct Beside {
  std::string text;   ///< the other side, or ""
  bool right = false; ///< it follows the headline, where sites put their name
};

/// The title by agreement of head and visible headline; returns what the
/// <title> holds beside the headline, for the site (title_merge.cpp).
Beside merge_title(PageMetadata& page, const HeadEvidence& head, const BodyFindings& body);

/// The site's name (site_merge.cpp).
void merge_site(PageMetadata& page, const HeadEvidence& head, const Beside& titled, const BodyFindings& body);

/// The authors by agreement of head and bylines (author_merge.cpp).
void merge_authors(PageMetadata& page, const HeadEvidence& head, const BodyFindings& body);

/// The published date by agreement of head and page (date_merge.cpp).
void merge_issued(PageMetadata& page, const HeadEvidence& head, const BodyFindings& body, const std::string& language);

} // namespace refs::resolve::web::merge
