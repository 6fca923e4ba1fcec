#include "core/resolve/web_page.hpp"

#include "core/classify/url_identity.hpp"
#include "core/resolve/web/page_metadata.hpp"
#include "core/util/string.hpp"
#include "core/util/time.hpp"

namespace refs::resolve {

// Any other http(s) page: news, blogs, documentation, journal landing
// pages. The catch-all near the end of the registry, so it claims every web
// URL no earlier source did. The work is named by its normalised URL (issue
// #4 widens that normalisation). Fetched with a plain GET (the body is cut
// at the cap; the metadata is in the head), read by web/page_metadata.cpp.
// A 200 is not always the page: bot challenges, consent walls and parked
// domains are recognised by their titles, and a redirect that ends on the
// site's home page means the page is gone; one that ends elsewhere names
// the work by that URL too.

namespace {

model::Date today() {
  const util::CivilDate d = util::utc_today();
  return {d.year, d.month, d.day};
}

bool is_home_page(const std::string& url) {
  const auto parsed = classify::parse_url(url);
  return parsed && parsed->is_web() && (parsed->path == "/" || parsed->path == "/index.html");
}

} // namespace

Answer describe_page(const std::string& subject, const http::Response& response) {
  Answer answer{{model::IdKind::url, subject}, std::nullopt, "", false};
  if (!response.redirects.empty() && is_home_page(response.final_url) && !is_home_page(subject)) {
    answer.problem = "redirected to the site's home page (" + response.final_url + ")";
    answer.lost = true;
    return answer;
  }
  if (util::starts_with_ci(response.content_type, "application/pdf")) {
    // No PDF parsing: the post's title stands; the type and the host as
    // publisher are what the response tells.
    model::Citation pdf;
    pdf.type = "document";
    pdf.sources["type"] = "title";
    answer.citation = std::move(pdf);
    return answer;
  }
  web::PageMetadata page = web::extract_page(response.body, response.content_type, response.final_url, today());
  if (!page.problem.empty()) {
    answer.problem = page.problem;
    answer.lost = true;
    return answer;
  }
  if (page.citation.title.empty() && page.citation.authors.empty()) {
    answer.problem = "the page names no title or author";
    for (std::size_t i = 0; i < page.dropped.size(); ++i) {
      answer.problem += (i == 0 ? "; left out as unusable: " : "; ") + page.dropped[i];
    }
    return answer;
  }
  page.citation.ids.insert(page.citation.ids.begin(), {model::IdKind::url, subject});
  // A short link (bit.ly, t.co) or a moved page is the page it ends on: the
  // final URL counts as cited, on any domain, unless it is a home or
  // section page, which many works share.
  if (!response.redirects.empty()) {
    const auto final_url = classify::parse_url(response.final_url);
    const auto identity = classify::identity_url(response.final_url);
    if (final_url && final_url->is_web() && final_url->normalised != subject && identity &&
        !classify::is_home_or_section(*identity)) {
      page.citation.ids.insert(page.citation.ids.begin() + 1, {model::IdKind::url, final_url->normalised});
    }
  }
  answer.citation = std::move(page.citation);
  return answer;
}

bool lost_page(const http::Failure& failure) {
  switch (failure.kind) {
  case http::Failure::Kind::dns:
  case http::Failure::Kind::timeout:
    return true;
  case http::Failure::Kind::host_down:
    return failure.status == 0; // timed out before; not a host that throttled us
  case http::Failure::Kind::http_status:
    return failure.status == 401 || failure.status == 403 || failure.status == 404 || failure.status == 410 ||
           failure.status == 451 || failure.status == 999;
  default:
    return false;
  }
}

namespace {

class WebPageResolver final : public Resolver {
public:
  std::string_view name() const override { return "web"; }

  std::vector<http::Request> plan(std::span<const model::WorkId> ids, std::size_t) const override {
    std::vector<http::Request> requests;
    for (const model::WorkId& id : ids) {
      requests.push_back({id.value, {"Accept: text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"}, {id.value}, "", ""});
    }
    return requests;
  }

  std::vector<Answer> parse(const http::Request& request, const http::Result& result) const override {
    if (!result) {
      const long status = result.error().status;
      const std::string why = status == 401 || status == 403 || status == 999 ? result.error().detail + " (the site blocks robots or wants a login)"
                                                             : result.error().detail;
      std::vector<Answer> answers = failed_answers(request, model::IdKind::url, why);
      for (Answer& answer : answers) {
        answer.lost = lost_page(result.error());
      }
      return answers;
    }
    std::vector<Answer> answers;
    for (const std::string& subject : request.subjects) {
      answers.push_back(describe_page(subject, *result));
    }
    return answers;
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
