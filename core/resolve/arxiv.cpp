#include "core/resolve/arxiv.hpp"

#include "core/resolve/arxiv_feed.hpp"

#include "core/util/string.hpp"

#include <algorithm>
#include <array>

namespace refs::resolve {

// arXiv (https://arxiv.org), the preprint server.
//
// Identifiers (https://info.arxiv.org/help/arxiv_identifier.html):
// - new style since April 2007: YYMM.NNNN until 1412, YYMM.NNNNN from 1501,
//   then an optional vN; the number is never 0;
// - old style 1991 to March 2007: archive[.SC]/YYMMNNN, where SC is a
//   subject class (math.GT) that arXiv drops from the canonical id.
// URL forms seen in posts: arxiv.org (any subdomain: www., export.)
// /abs/ID, /pdf/ID, /pdf/ID.pdf, /html/IDvN[/asset], /format/ID;
// huggingface.co/papers/ID and alphaxiv.org/abs|overview/ID (mirrors);
// the DataCite DOI 10.48550/arXiv.ID, as doi.org URL or doi: link.
// Everything maps to the versionless id, so the abs link, a pdf v2 link and
// a Hugging Face link are one work. Fixtures: tests/resolve_arxiv_test.cpp.

namespace {

constexpr std::array<std::string_view, 36> k_old_archives = {
    "acc-phys", "adap-org", "alg-geom", "ao-sci",   "astro-ph", "atom-ph",  "bayes-an", "chao-dyn",
    "chem-ph",  "cmp-lg",   "comp-gas", "cond-mat", "cs",       "dg-ga",    "funct-an", "gr-qc",
    "hep-ex",   "hep-lat",  "hep-ph",   "hep-th",   "math",     "math-ph",  "mtrl-th",  "nlin",
    "nucl-ex",  "nucl-th",  "patt-sol", "physics",  "plasm-ph", "q-alg",    "q-bio",    "quant-ph",
    "solv-int", "supr-con", "econ",     "eess"};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int two_digits(std::string_view s) { return (s[0] - '0') * 10 + (s[1] - '0'); }

/// Skips an optional vN and checks that what is left may follow an id: the
/// end, or a '.', '/', '#' or '?' ("v2.pdf", "/x1.png").
bool valid_tail(std::string_view rest) {
  if (!rest.empty() && (rest[0] == 'v' || rest[0] == 'V')) {
    std::size_t i = 1;
    while (i < rest.size() && is_digit(rest[i])) {
      ++i;
    }
    if (i == 1 || rest[1] == '0') {
      return false;
    }
    rest.remove_prefix(i);
  }
  return rest.empty() || rest[0] == '.' || rest[0] == '/' || rest[0] == '#' || rest[0] == '?';
}

std::optional<std::string> new_style(std::string_view s) {
  if (s.size() < 9 || !util::all_digits(s.substr(0, 4)) || s[4] != '.') {
    return std::nullopt;
  }
  std::size_t digits = 0;
  while (5 + digits < s.size() && is_digit(s[5 + digits])) {
    ++digits;
  }
  const int yymm = two_digits(s) * 100 + two_digits(s.substr(2));
  const int month = yymm % 100;
  const std::size_t wanted = yymm < 1501 ? 4 : 5;
  const std::string_view number = s.substr(5, digits);
  if (digits != wanted || month < 1 || month > 12 || yymm < 704 ||
      number.find_first_not_of('0') == std::string_view::npos || !valid_tail(s.substr(5 + digits))) {
    return std::nullopt;
  }
  return std::string(s.substr(0, 5 + digits));
}

std::optional<std::string> old_style(std::string_view s) {
  const std::size_t slash = s.find('/');
  if (slash == std::string_view::npos || slash + 8 > s.size()) {
    return std::nullopt;
  }
  std::string archive = util::to_lower_ascii(s.substr(0, slash));
  if (const std::size_t dot = archive.find('.'); dot != std::string::npos) {
    if (archive.size() - dot - 1 < 2) {
      return std::nullopt;
    }
    archive.resize(dot);
  }
  if (std::find(k_old_archives.begin(), k_old_archives.end(), archive) == k_old_archives.end()) {
    return std::nullopt;
  }
  const std::string_view number = s.substr(slash + 1, 7);
  if (!util::all_digits(number) || (slash + 8 < s.size() && is_digit(s[slash + 8]))) {
    return std::nullopt;
  }
  const int yy = two_digits(number);
  const int mm = two_digits(number.substr(2));
  const int yymm = (yy >= 91 ? 1900 + yy : 2000 + yy) * 100 + mm;
  if (mm < 1 || mm > 12 || yymm < 199107 || yymm > 200703 || number.substr(4) == "000" ||
      !valid_tail(s.substr(slash + 8))) {
    return std::nullopt;
  }
  return archive + "/" + std::string(number);
}

/// The id at the start of a URL path's remainder ("2309.00071v2.pdf",
/// "hep-th/9901001").
std::optional<model::WorkId> id_at(std::string_view rest) {
  if (auto id = normalise_arxiv_id(rest)) {
    return model::WorkId{model::IdKind::arxiv, *id};
  }
  return std::nullopt;
}

bool host_is(std::string_view host, std::string_view domain) {
  return host == domain || (host.size() > domain.size() && host.ends_with(domain) &&
                            host[host.size() - domain.size() - 1] == '.');
}

std::optional<model::WorkId> from_doi(std::string_view doi) {
  constexpr std::string_view prefix = "10.48550/arxiv.";
  if (!util::starts_with_ci(doi, prefix)) {
    return std::nullopt;
  }
  return id_at(doi.substr(prefix.size()));
}

/// Answers for a request arXiv refused with an error entry. The error
/// names one bad id; the others were never looked at, so they are asked
/// again without it.
std::vector<Answer> refused_answers(const http::Request& request, const std::vector<std::string>& errors) {
  std::vector<Answer> answers;
  for (const std::string& subject : request.subjects) {
    Answer a{{model::IdKind::arxiv, subject}, std::nullopt, "", true};
    for (const std::string& error : errors) {
      if (error.ends_with(" " + subject)) {
        a.problem = "arXiv refused the id: " + error;
        a.ask_again = false;
      }
    }
    answers.push_back(std::move(a));
  }
  const bool named = std::any_of(answers.begin(), answers.end(), [](const Answer& a) { return !a.ask_again; });
  if (!named) { // nothing to drop: asking again would loop
    for (Answer& a : answers) {
      a.ask_again = false;
      a.problem = "arXiv refused the request: " + (errors.empty() ? std::string("no reason given") : errors.front());
    }
  }
  return answers;
}

std::vector<Answer> feed_answers(const http::Request& request, const Feed& feed) {
  std::vector<Answer> answers;
  for (const std::string& subject : request.subjects) {
    const auto entry = std::find_if(feed.entries.begin(), feed.entries.end(),
                                    [&](const FeedEntry& e) { return e.id == subject; });
    Answer& a = answers.emplace_back();
    a.id = {model::IdKind::arxiv, subject};
    if (entry == feed.entries.end()) {
      a.problem = "arXiv has no paper " + subject;
    } else {
      a.citation = entry->citation;
    }
  }
  return answers;
}

class ArxivResolver final : public Resolver {
public:
  explicit ArxivResolver(SourceSettings settings) : m_settings(std::move(settings)) {}

  std::string_view name() const override { return "arxiv"; }

  // One request per 100 ids; max_results must be at least the number of
  // ids, since it defaults to 10 and also caps an id_list answer.
  std::vector<http::Request> plan(std::span<const model::WorkId> ids, std::size_t batch) const override {
    const std::size_t size = batch == 0 ? k_arxiv_batch : std::min(batch, k_arxiv_batch);
    std::vector<http::Request> requests;
    for (std::size_t i = 0; i < ids.size(); i += size) {
      http::Request r;
      std::string list;
      for (std::size_t j = i; j < std::min(ids.size(), i + size); ++j) {
        list += (list.empty() ? "" : ",") + ids[j].value;
        r.subjects.push_back(ids[j].value);
      }
      r.url = m_settings.arxiv_api + "?id_list=" + list + "&max_results=" + std::to_string(r.subjects.size());
      r.headers = {"Accept: application/atom+xml"};
      requests.push_back(std::move(r));
    }
    return requests;
  }

  std::vector<Answer> parse(const http::Request& request, const http::Result& result) const override {
    const std::string& body = result ? result->body : result.error().body;
    if (!result && result.error().status != 400) {
      return failed_answers(request, model::IdKind::arxiv, result.error().detail);
    }
    auto feed = parse_arxiv_feed(body);
    if (!feed && request.subjects.size() > 1) {
      // One paper may have spoiled the answer: each half is asked again,
      // down to single ids, so that only that one goes without.
      std::vector<Answer> answers;
      for (const std::string& subject : request.subjects) {
        answers.push_back({{model::IdKind::arxiv, subject}, std::nullopt, "", true, (request.subjects.size() + 1) / 2});
      }
      return answers;
    }
    if (!feed) {
      return failed_answers(request, model::IdKind::arxiv, "arXiv sent no feed: " + feed.error());
    }
    if (!feed->errors.empty() || !result) {
      return refused_answers(request, feed->errors);
    }
    return feed_answers(request, *feed);
  }

  std::optional<model::WorkId> recognize(const classify::Url& url) const override {
    if (url.scheme == "doi") {
      return from_doi(url.opaque);
    }
    if (!url.is_web()) {
      return std::nullopt;
    }
    const std::string_view path = url.path;
    if (host_is(url.host, "arxiv.org") || url.host == "xxx.lanl.gov") {
      for (std::string_view route : {"/abs/", "/pdf/", "/html/", "/format/", "/ps/"}) {
        if (path.starts_with(route)) {
          return id_at(path.substr(route.size()));
        }
      }
      return std::nullopt;
    }
    if (url.host == "huggingface.co" && path.starts_with("/papers/")) {
      return id_at(path.substr(8));
    }
    if (url.host == "alphaxiv.org" || url.host == "www.alphaxiv.org") {
      for (std::string_view route : {"/abs/", "/overview/"}) {
        if (path.starts_with(route)) {
          return id_at(path.substr(route.size()));
        }
      }
      return std::nullopt;
    }
    if (url.host == "doi.org" || url.host == "dx.doi.org" || url.host == "www.doi.org") {
      return from_doi(path.substr(std::min<std::size_t>(1, path.size())));
    }
    return std::nullopt;
  }

private:
  SourceSettings m_settings;
};

} // namespace

std::unique_ptr<Resolver> make_arxiv_resolver(const SourceSettings& settings) {
  return std::make_unique<ArxivResolver>(settings);
}

std::optional<std::string> normalise_arxiv_id(std::string_view text) {
  text = util::trim(text);
  if (util::starts_with_ci(text, "arxiv:")) {
    text.remove_prefix(6);
  }
  if (auto id = new_style(text)) {
    return id;
  }
  return old_style(text);
}

model::Date arxiv_id_date(std::string_view id) {
  const std::size_t slash = id.find('/');
  const std::string_view yymm = slash == std::string_view::npos ? id.substr(0, 4) : id.substr(slash + 1, 4);
  if (yymm.size() != 4 || !util::all_digits(yymm)) {
    return {};
  }
  const int yy = two_digits(yymm);
  const int year = slash != std::string_view::npos && yy >= 91 ? 1900 + yy : 2000 + yy;
  return {year, two_digits(yymm.substr(2)), 0};
}

} // namespace refs::resolve
