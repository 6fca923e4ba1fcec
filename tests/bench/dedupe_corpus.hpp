#pragma once

// A synthetic library for the dedupe benchmark: mostly distinct works, plus
// planted pairs whose truth is known, so a matcher's recall (duplicates it
// joins) and precision (traps it leaves apart) can be measured at any size.
//
// Of `size` citations, 5% are planted duplicates: a second citation of some
// base work, found another way.
//   url                 the same web page under a URL variant (scheme, www.,
//                       trailing slash, fragment, tracking parameters, host
//                       case, percent-encoding, AMP forms, mobile hosts); in
//                       half of them the title is the post's link text
//   arxiv-form          an arXiv preprint cited by its pdf/html/Hugging
//                       Face/alphaXiv/DataCite-DOI URL
//   preprint-published  an arXiv preprint (carrying the published DOI) and
//                       its journal article
//   title               a repository copy with no shared identifier: same
//                       authors and year, the title recased, repunctuated or
//                       in other Unicode forms
//   doi-title           the same DOI, the title abbreviated, with a subtitle
//                       added or dropped, or translated
// 1% are planted traps: a second work that looks like a first one.
//   annual              one corporate report title, another year
//   part                titles that differ only in a part, version or model
//                       number, same authors and year
//   author              one title, same year, another first author
// The rest are distinct base works: arXiv preprints, journal articles,
// conference papers and web pages. Their titles (compared lower-cased, on
// letters and digits only), URLs, arXiv ids and DOIs are all distinct, so the
// planted pairs are the only true duplicates.
//
// This generator was committed before the matcher and must never be tuned
// against it: a benchmark that is changed to make the matcher look good
// measures nothing. Add classes for new failure modes; do not soften
// existing ones.

#include "core/model/citation.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace refs::bench {

/// Two planted citations, as indexes into DedupeCorpus::citations; `a` is
/// the base work's citation. `kind` names the class ("url", "annual", ...).
struct PlantedPair {
  std::size_t a = 0;
  std::size_t b = 0;
  std::string kind;
};

struct DedupeCorpus {
  std::vector<model::Citation> citations;
  /// Ground truth, one entry per citation: equal numbers mean the same work.
  std::vector<std::size_t> work;
  std::vector<PlantedPair> duplicates; ///< near-duplicate pairs (one work)
  std::vector<PlantedPair> traps;      ///< look-alike pairs (different works)
};

/// `size` citations in all, in shuffled order, keys "c000001"... and
/// `created` increasing with the index. The same size and seed give the same
/// corpus on every platform: the generator uses std::mt19937_64 and its own
/// uniform picks, never the standard distributions or std::shuffle, whose
/// output differs between standard libraries. Identifier patterns leave room
/// for a few million citations; far beyond that, drawing fresh ones slows.
DedupeCorpus make_dedupe_corpus(std::size_t size, std::uint64_t seed);

} // namespace refs::bench
