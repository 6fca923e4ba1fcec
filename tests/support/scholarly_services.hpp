#pragma once

#include "tests/support/fixture_server.hpp"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace refs::testing {

// Semantic Scholar and DBLP as the fixture server plays them. Every shape
// follows a real answer; tests/fixtures/published/SHAPES.md cites each.

/// A paper as Semantic Scholar's graph API describes it.
struct FakeScholarPaper {
  std::string title{};
  std::vector<std::string> authors{};
  int year = 0; ///< Semantic Scholar's year: often the preprint's
  /// publicationVenue.name: a conference or journal, "arXiv.org" for a
  /// preprint only (then with no `type`, as S2 sends it), "" for null.
  std::string venue{};
  std::string venue_type = "conference";
  std::vector<std::string> alternates{}; ///< publicationVenue.alternate_names
  std::string dblp{}; ///< externalIds.DBLP
  std::string doi{};  ///< externalIds.DOI (10.48550/arXiv.… for most preprints)
  std::string acl{};  ///< externalIds.ACL
};

/// The batch endpoint: answers each "ARXIV:id" of the POSTed `ids` from
/// `papers` (by arXiv id), `null` for the others, in request order.
FixtureServer::Handler scholar_batch(std::map<std::string, FakeScholarPaper> papers);

/// One record as DBLP has it.
struct FakeDblpRecord {
  std::string key{};      ///< "conf/iclr/PengQFS24"
  std::string entry = "inproceedings";
  std::string title{};    ///< without a final period
  std::vector<std::string> authors{}; ///< as the search writes them (homonym numbers kept)
  std::string container{}; ///< booktitle or journal, as the .bib writes it
  std::string venue{};     ///< the search's short venue ("ICLR", "CoRR")
  std::string type = "Conference and Workshop Papers"; ///< the search's type
  std::string year{};
  std::string pages{};
  std::string doi{};
  std::string publisher{};
  std::string volume{};
  std::string url{};
};

/// DBLP's `/rec/KEY.bib`, in its current layout (names padded to 13
/// columns, continuation lines under the value, capitals braced).
std::string dblp_bib(const FakeDblpRecord& record);

/// DBLP's search: the records whose paired word is in the query `q`, as
/// `result.hits.hit[].info` (one author as an object, no `hit` for none).
FixtureServer::Handler dblp_search(std::vector<std::pair<std::string, FakeDblpRecord>> records);

/// Serves each record at https://dblp.org/rec/KEY.bib.
void serve_dblp_records(FixtureServer& server, const std::vector<FakeDblpRecord>& records);

} // namespace refs::testing
