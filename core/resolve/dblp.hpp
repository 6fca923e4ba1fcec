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

/// The search for records titled `title` with an author `family`:
/// DBLP's publication search, the title's words and the name, 10 hits;
/// its subject is the query as sent (the words, folded).
http::Request dblp_search_request(const std::string& title, const std::string& family);

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

/// Whether a hit is DBLP's record of a preprint or an informal text
/// (venue CoRR, type "Informal and Other Publications", a key under
/// journals/corr/) rather than of a published version.
bool is_informal(const DblpHit& hit);

/// A DBLP person name without its homonym number: "Wei Wang 0001" → "Wei Wang".
std::string without_homonym_number(std::string_view name);

} // namespace refs::resolve
