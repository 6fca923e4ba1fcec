#include "core/resolve/doi.hpp"

#include "core/resolve/doi_csl.hpp"

#include "core/util/percent_encoding.hpp"
#include "core/util/string.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace refs::resolve {

// Digital Object Identifiers (https://www.doi.org/the-identifier/resources/handbook).
//
// A DOI is "10." + registrant code + "/" + suffix; the whole is matched
// case-insensitively, so we keep it lower-cased. Posts write them as
// https://doi.org/..., the older http://dx.doi.org/..., or `doi:10...`. The
// path is percent-decoded by classify::parse_url, so `10.1000%2F182` and
// `10.1000/182` are one DOI. arXiv's DataCite DOIs (10.48550/arXiv.ID) are
// claimed earlier by the arXiv resolver.
// Metadata comes by content negotiation (doi_csl.cpp), one request per DOI;
// doi.org redirects to the agency (api.crossref.org, api.datacite.org), and
// Crossref's public pool allows about 5 requests a second, one at a time:
// the pipeline gives those hosts that rule.

namespace {

/// A DOI as a URL path: every byte but unreserved ones and '/' escaped, so
/// a SICI DOI's '#', '?' or '<' stays part of it.
std::string escape_doi(const std::string& doi) {
  std::string out;
  for (unsigned char c : doi) {
    if (util::is_unreserved(c) || c == '/') {
      out += static_cast<char>(c);
    } else {
      util::append_percent_escaped(out, c);
    }
  }
  return out;
}

class DoiResolver final : public Resolver {
public:
  std::string_view name() const override { return "doi"; }

  std::vector<http::Request> plan(std::span<const model::WorkId> ids, std::size_t) const override {
    std::vector<http::Request> requests;
    for (const model::WorkId& id : ids) {
      http::Request r;
      r.url = "https://doi.org/" + escape_doi(id.value);
      r.headers = {"Accept: application/vnd.citationstyles.csl+json"};
      r.subjects = {id.value};
      requests.push_back(std::move(r));
    }
    return requests;
  }

  std::vector<Answer> parse(const http::Request& request, const http::Result& result) const override {
    if (!result) {
      const bool unknown = result.error().status == 404;
      return failed_answers(request, model::IdKind::doi, unknown ? "no such DOI (HTTP 404)" : result.error().detail);
    }
    std::vector<Answer> answers;
    for (const std::string& doi : request.subjects) {
      auto citation = parse_doi_csl(result->body, doi);
      Answer& a = answers.emplace_back();
      a.id = {model::IdKind::doi, doi};
      if (citation) {
        a.citation = std::move(*citation);
      } else {
        a.problem = std::move(citation.error());
      }
    }
    return answers;
  }

  std::optional<model::WorkId> recognize(const classify::Url& url) const override {
    std::optional<std::string> doi;
    if (url.scheme == "doi") {
      doi = normalise_doi(url.opaque);
    } else if (url.is_web() &&
               (url.host == "doi.org" || url.host == "dx.doi.org" || url.host == "www.doi.org")) {
      doi = normalise_doi(std::string_view(url.path).substr(std::min<std::size_t>(1, url.path.size())));
    }
    if (!doi) {
      return std::nullopt;
    }
    return model::WorkId{model::IdKind::doi, *doi};
  }
};

} // namespace

std::unique_ptr<Resolver> make_doi_resolver(const SourceSettings&) { return std::make_unique<DoiResolver>(); }

std::optional<std::string> normalise_doi(std::string_view text) {
  text = util::trim(text);
  if (util::starts_with_ci(text, "doi:")) {
    text = util::trim(text.substr(4));
  }
  // A DOI quoted in prose loses the punctuation that ends the sentence.
  while (!text.empty() && std::string_view(".,;:").find(text.back()) != std::string_view::npos) {
    text.remove_suffix(1);
  }
  if (!text.starts_with("10.")) {
    return std::nullopt;
  }
  const std::size_t slash = text.find('/');
  if (slash == std::string_view::npos || slash == 3 || slash + 1 >= text.size()) {
    return std::nullopt;
  }
  const std::string_view registrant = text.substr(3, slash - 3);
  if (registrant.find_first_not_of("0123456789.") != std::string_view::npos ||
      registrant.front() == '.' || registrant.back() == '.') {
    return std::nullopt;
  }
  if (text.find_first_of(" \t\n") != std::string_view::npos) {
    return std::nullopt;
  }
  return util::to_lower_ascii(text);
}

bool is_preprint_doi(std::string_view doi) {
  static constexpr std::array<std::string_view, 13> k_prefixes = {
      "10.48550/", "10.2139/",  "10.1101/",  "10.21203/", "10.31219/", "10.31234/", "10.31235/",
      "10.31222/", "10.20944/", "10.36227/", "10.26434/", "10.5281/",  "10.22541/"};
  return std::any_of(k_prefixes.begin(), k_prefixes.end(), [&](std::string_view p) { return doi.starts_with(p); });
}

} // namespace refs::resolve
