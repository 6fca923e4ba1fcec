#include "core/resolve/pdf.hpp"

#include "core/util/string.hpp"

namespace refs::resolve {

// PDF documents linked directly (reports, papers on a lab's CDN, contract
// summaries). Recognised by a path ending in ".pdf", the only sign a URL
// gives before it is fetched; arXiv's /pdf/ links are claimed earlier by the
// arXiv resolver. The work is named by its normalised URL.

namespace {

class PdfResolver final : public Resolver {
public:
  std::string_view name() const override { return "pdf"; }

  // Page metadata is not fetched yet (issue #3, web pages): the post's
  // own data stands.
  std::vector<http::Request> plan(std::span<const model::WorkId>, std::size_t) const override { return {}; }

  std::vector<Answer> parse(const http::Request& request, const http::Result&) const override {
    return failed_answers(request, model::IdKind::url, "not fetched");
  }

  std::optional<model::WorkId> recognize(const classify::Url& url) const override {
    if (!url.is_web() || !util::ends_with_ci(url.path, ".pdf")) {
      return std::nullopt;
    }
    return model::WorkId{model::IdKind::url, url.normalised};
  }
};

} // namespace

std::unique_ptr<Resolver> make_pdf_resolver(const SourceSettings&) { return std::make_unique<PdfResolver>(); }

} // namespace refs::resolve
