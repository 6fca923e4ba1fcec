#pragma once

#include "core/http/request.hpp"
#include "core/model/citation.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

namespace refs::resolve {

/// Semantic Scholar's API host: keyless use is one request at a time, at
/// least 1 s apart, and a 429 (sent without Retry-After) wants 60 s.
inline constexpr std::string_view k_scholar_host = "api.semanticscholar.org";

/// The most ids one batch request may ask about.
inline constexpr std::size_t k_scholar_batch = 500;

/// One paper as Semantic Scholar's graph API describes it. Its fields mix
/// the versions of a work: `year`, `journal` and the DOI often still
/// describe the arXiv preprint while `publication_venue` names the
/// conference, so each is read for what it is.
struct ScholarPaper {
  std::string title;
  std::vector<model::Person> authors;
  int year = 0;
  std::string publication_date; ///< YYYY-MM-DD, often the preprint's
  std::string venue;            ///< the free-text venue
  std::string venue_name;       ///< publicationVenue.name
  std::string venue_type;       ///< publicationVenue.type: "conference", "journal"
  std::vector<std::string> venue_alternates; ///< publicationVenue.alternate_names ("ICLR", ...)
  std::string dblp; ///< externalIds.DBLP: "conf/iclr/PengQFS24", "journals/corr/abs-2309-00071"
  std::string acl;  ///< externalIds.ACL: "2023.acl-long.1"
  std::string doi;  ///< externalIds.DOI, as sent
  std::string journal_name;
  std::string journal_volume;
  std::string journal_pages;
};

/// The batch request for `arxiv_ids` (at most k_scholar_batch): a POST of
/// {"ids":["ARXIV:…", …]} asking for the fields ScholarPaper reads, with
/// the ids as subjects.
http::Request scholar_batch_request(std::span<const std::string> arxiv_ids);

/// Reads a batch answer: one entry per id asked, in order, nullopt for an
/// id Semantic Scholar does not know (it answers `null`). An error when the
/// body is not such an array of `count` entries.
tl::expected<std::vector<std::optional<ScholarPaper>>, std::string> read_scholar_batch(std::string_view body,
                                                                                       std::size_t count);

/// Whether `paper` names a venue other than arXiv (publicationVenue, else
/// the free-text venue).
bool names_a_venue(const ScholarPaper& paper);

/// The identifiers of the published version among `paper`'s, strongest
/// first: "dblp:KEY" for a DBLP key that is not a preprint server's
/// (journals/corr/ is DBLP's record of the arXiv preprint), "acl:ID",
/// "doi:…" (lower case) for a DOI that is not a preprint server's.
std::vector<std::string> published_identities(const ScholarPaper& paper);

} // namespace refs::resolve
