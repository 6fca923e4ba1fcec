#pragma once

#include "core/http/request.hpp"
#include "core/model/citation.hpp"

#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

namespace refs::resolve {

/// DBLP's host: at least 2 s between requests, as its FAQ asks of robots.
inline constexpr std::string_view k_dblp_host = "dblp.org";

/// The request for DBLP's BibTeX record of `key` ("conf/iclr/PengQFS24").
http::Request dblp_record_request(const std::string& key);

/// Reads a DBLP record (`/rec/KEY.bib`) into the version it describes:
/// type, title, authors (DBLP's homonym numbers dropped), booktitle or
/// journal, volume, number, pages, year, publisher, DOI and the
/// publisher's URL, every field from the source "published". An error when
/// the body holds no entry.
tl::expected<model::Citation, std::string> read_dblp_record(std::string_view bib);

/// DBLP's publication search for `words` (a title's words and an author's
/// name, without punctuation, which DBLP would read as its operators), 10
/// hits; its subject is `words`.
http::Request dblp_search_request(const std::string& words);

/// One hit of a DBLP search.
struct DblpHit {
  std::string key;   ///< "conf/iclr/PengQFS24"
  std::string title; ///< without DBLP's final period
  std::vector<model::Person> authors;
  std::string venue; ///< "ICLR", "CoRR"
  std::string type;  ///< "Conference and Workshop Papers", "Journal Articles", ...
  int year = 0;
  std::string doi;
};

/// Reads a search answer (JSON; an author list of one is an object, not a
/// list). An error when the body is not DBLP's answer.
tl::expected<std::vector<DblpHit>, std::string> read_dblp_search(std::string_view body);

/// Whether a DBLP key names a record of a preprint server that DBLP files
/// as a journal: CoRR (arXiv), the IACR ePrint archive, ECCC.
bool is_informal_key(std::string_view key);

/// Whether a hit may be a published version of a paper: a conference or
/// workshop paper, a journal article or a part of a book, and not a
/// preprint (venue CoRR, type "Informal and Other Publications", an
/// informal key). Data and artifacts, editorships and theses never are.
bool is_publication(const DblpHit& hit);

/// A DBLP person name without its homonym number: "Wei Wang 0001" → "Wei Wang".
std::string without_homonym_number(std::string_view name);

} // namespace refs::resolve
