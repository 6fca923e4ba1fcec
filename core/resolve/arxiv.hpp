#pragma once

#include "core/model/date.hpp"
#include "core/resolve/resolver.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace refs::resolve {

/// The source for arXiv: claims arxiv.org, Hugging Face, alphaXiv and
/// 10.48550/arXiv DOI URLs, and asks the arXiv API (`settings.arxiv_api`)
/// about up to 100 ids per request.
std::unique_ptr<Resolver> make_arxiv_resolver(const SourceSettings& settings);

/// The most ids one arXiv API request asks about.
inline constexpr std::size_t k_arxiv_batch = 100;

/// Checks `text` against arXiv's identifier grammar and returns the id
/// without version: new style `YYMM.NNNN` (0704-1412) or `YYMM.NNNNN`
/// (1501 on), old style `archive[.SC]/YYMMNNN` (9107-0703; the subject
/// class is dropped, as arXiv's canonical id does). Accepts an `arXiv:`
/// prefix, a `vN` version and a `.pdf` suffix. nullopt when it is not an id.
std::optional<std::string> normalise_arxiv_id(std::string_view text);

/// The year and month an arXiv id was issued in (its YYMM).
model::Date arxiv_id_date(std::string_view id);

} // namespace refs::resolve
