#include "core/resolve/web_page.hpp"

namespace refs::resolve {

// Any other http(s) page: news, blogs, documentation. The catch-all near the
// end of the registry, so it claims every web URL no earlier source did. The
// work is named by its normalised URL (issue #4 widens that normalisation).

namespace {

class WebPageResolver final : public Resolver {
public:
  std::string_view name() const override { return "web"; }

  // Page metadata is not fetched yet (issue #3, web pages): the post's
  // own data stands.
  std::vector<http::Request> plan(std::span<const model::WorkId>) const override { return {}; }

  std::vector<Answer> parse(const http::Request& request, const http::Result&) const override {
    return failed_answers(request, model::IdKind::url, "not fetched");
  }

  std::optional<model::WorkId> recognize(const classify::Url& url) const override {
    if (!url.is_web()) {
      return std::nullopt;
    }
    return model::WorkId{model::IdKind::url, url.normalised};
  }
};

} // namespace

std::unique_ptr<Resolver> make_web_page_resolver(const SourceSettings&) { return std::make_unique<WebPageResolver>(); }

} // namespace refs::resolve
