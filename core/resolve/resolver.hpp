#pragma once

#include "core/classify/url.hpp"
#include "core/http/request.hpp"
#include "core/http/response.hpp"
#include "core/model/citation.hpp"
#include "core/model/work_id.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

namespace refs::resolve {

/// What a source says about one work it was asked about.
struct Answer {
  model::WorkId id;
  /// The work as the source describes it, every field's source set to the
  /// resolver's name; nullopt when the source could not describe it.
  std::optional<model::Citation> citation;
  std::string problem;    ///< why not, one lower-case line ("arXiv has no paper 2401.99999")
  bool ask_again = false; ///< the response did not cover this work: plan it again
  /// With ask_again: in requests of at most this many works (0: as the
  /// source plans them), so that one work that spoils a batch's answer
  /// is found by halving the batch.
  std::size_t batch = 0;
  /// The page is gone or walled (401, 403, 404, 410, 451, a bot, login or
  /// consent wall, a parked domain, a DNS failure, timeouts, a redirect to
  /// the home page): an archived copy may still describe it.
  bool lost = false;
};

/// Settings sources need to build their requests.
struct SourceSettings {
  std::string arxiv_api = "https://export.arxiv.org/api/query";
};

/// One source of citations (arXiv, DOI, PDF, web page). A source is one
/// file: it claims the URLs that are its own, plans the requests that
/// describe the works, and reads the responses. Resolvers never do I/O:
/// core/http/scheduler.cpp runs their requests.
class Resolver {
public:
  virtual ~Resolver() = default;

  /// The source's stable name ("arxiv", "doi", "pdf", "web"): the kind of a
  /// reference it claims, and the provenance of fields it fills.
  virtual std::string_view name() const = 0;

  /// Claims a URL: returns the canonical id of the work it points to (all
  /// URL forms of one work give one id), or nullopt when the URL is not this
  /// source's. Never throws.
  virtual std::optional<model::WorkId> recognize(const classify::Url& url) const = 0;

  /// The requests that describe `ids` (all claimed by this source), with the
  /// id values as each request's subjects; batching is the source's choice,
  /// within `batch` subjects a request when that is not 0 (Answer::batch).
  /// Empty when the source fetches nothing. Never throws.
  virtual std::vector<http::Request> plan(std::span<const model::WorkId> ids, std::size_t batch = 0) const = 0;

  /// One Answer per subject of `request`, from what the scheduler got: a
  /// response, or a failure (which a source may still read, e.g. an API's
  /// error document). Pure and never throws.
  virtual std::vector<Answer> parse(const http::Request& request, const http::Result& result) const = 0;
};

/// Answers for every subject of a request that failed, with the failure as
/// the problem: the common case of parse() on a failed request.
std::vector<Answer> failed_answers(const http::Request& request, model::IdKind kind, const std::string& problem);

} // namespace refs::resolve
