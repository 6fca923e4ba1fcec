#include "core/resolve/doi.hpp"

#include "core/util/string.hpp"

#include <algorithm>

namespace refs::resolve {

// Digital Object Identifiers (https://www.doi.org/the-identifier/resources/handbook).
//
// A DOI is "10." + registrant code + "/" + suffix; the whole is matched
// case-insensitively, so we keep it lower-cased. Posts write them as
// https://doi.org/..., the older http://dx.doi.org/..., or `doi:10...`. The
// path is percent-decoded by classify::parse_url, so `10.1000%2F182` and
// `10.1000/182` are one DOI. arXiv's DataCite DOIs (10.48550/arXiv.ID) are
// claimed earlier by the arXiv resolver.

namespace {

class DoiResolver final : public Resolver {
public:
  std::string_view name() const override { return "doi"; }

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

std::unique_ptr<Resolver> make_doi_resolver() { return std::make_unique<DoiResolver>(); }

std::optional<std::string> normalise_doi(std::string_view text) {
  text = util::trim(text);
  if (util::starts_with_ci(text, "doi:")) {
    text = util::trim(text.substr(4));
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

} // namespace refs::resolve
