#include "core/pipeline/check_links.hpp"

#include "core/check/link_verdict.hpp"
#include "core/classify/url.hpp"
#include "core/http/scheduler.hpp"
#include "core/pipeline/archive_copies.hpp"
#include "core/post/footnote_reader.hpp"
#include "core/post/post_date.hpp"
#include "core/post/post_file.hpp"
#include "core/store/cache_store.hpp"
#include "core/store/citation_store.hpp"
#include "core/store/link_check_store.hpp"
#include "core/store/post_store.hpp"
#include "core/util/time.hpp"

#include <algorithm>
#include <array>
#include <map>

namespace refs::pipeline {

namespace {

/// A link checker needs the status and the start of the page, no more.
constexpr std::size_t k_read_at_most = 64 * 1024;

/// Transfers at once unless --jobs says otherwise: links spread over many
/// hosts, each still asked at most 2 at a time.
constexpr int k_check_jobs = 32;

/// A site that answers 429 this often is left alone for the rest of the
/// run: its other links are throttled, and it is not asked again and again.
constexpr int k_give_up_after_429 = 3;

// Sites seen to answer HEAD as they answer GET. Elsewhere HEAD is not
// trusted (many answer 405, 404 or 403 to it), and a HEAD that fails is
// asked again with GET wherever it was sent.
constexpr std::array<std::string_view, 6> k_head_hosts = {"arxiv.org", "export.arxiv.org", "doi.org",
                                                           "github.com", "en.wikipedia.org", "huggingface.co"};

/// One distinct URL to check, and the posts' dates it is cited on.
struct Target {
  std::string url;        ///< as first written
  std::string normalised; ///< the key of its history, cache entry and citation
  model::Date cited_on;   ///< the earliest citing post's date
  check::Observation seen;
  check::Settled settled;
  std::string archive_url, archive_date, archive_problem;
};

class LinkCheck {
public:
  LinkCheck(store::Library& library, const Config& config) : m_library(library), m_config(config) {}

  CheckOutcome run(const std::vector<std::string>& arguments, bool archive, http::Observer* observer);

private:
  bool read_posts(const std::vector<std::string>& arguments);
  void add_link(const std::string& post, const model::Reference& r, const model::Date& written);
  void fetch(http::Observer* observer);
  void settle();
  void archive(http::Observer* observer);
  http::Request request_for(const Target& t, bool head) const;

  store::Library& m_library;
  const Config& m_config;
  CheckOutcome m_outcome;
  std::vector<Target> m_targets;
  std::map<std::string, std::size_t> m_by_url; ///< normalised URL -> m_targets index
  std::vector<std::size_t> m_link_target;      ///< m_outcome.links[i] -> m_targets index
};

bool LinkCheck::read_posts(const std::vector<std::string>& arguments) {
  std::vector<std::filesystem::path> paths;
  if (arguments.empty()) {
    for (const std::string& p : store::post_paths(m_library)) {
      paths.emplace_back(p);
    }
  } else {
    post::PostArguments posts = post::expand_post_arguments(arguments);
    for (const std::string& error : posts.errors) {
      m_outcome.diagnostics.push_back({model::Severity::error, "", error});
    }
    paths = std::move(posts.paths);
  }
  std::vector<post::PostFile> files;
  for (const auto& path : paths) {
    auto file = post::load_post(path);
    if (file) {
      files.push_back(std::move(*file));
    } else if (arguments.empty()) { // a post the library remembers may have moved since
      m_outcome.diagnostics.push_back({model::Severity::warning, "", file.error() + "; skipped"});
    } else {
      m_outcome.diagnostics.push_back({model::Severity::error, "", file.error()});
    }
  }
  if (std::any_of(m_outcome.diagnostics.begin(), m_outcome.diagnostics.end(),
                  [](const model::Diagnostic& d) { return d.severity == model::Severity::error; })) {
    return false;
  }
  for (const post::PostFile& file : files) {
    const std::string where = file.path.string();
    const post::PostScan scan = post::read_footnotes(file.text, where);
    const model::Date written = post::post_date(file.text, file.path);
    for (const model::Reference& r : post::to_references(scan.footnotes)) {
      add_link(where, r, written);
    }
    m_outcome.posts.push_back({where, file.text});
  }
  return true;
}

void LinkCheck::add_link(const std::string& post, const model::Reference& r, const model::Date& written) {
  const auto url = classify::parse_url(r.url);
  if (r.url.empty() || !url || !url->is_web()) {
    return;
  }
  auto [it, fresh] = m_by_url.emplace(url->normalised, m_targets.size());
  if (fresh) {
    m_targets.push_back({r.url, url->normalised, written, {}, {}, "", "", ""});
  } else if (written.known() && (!m_targets[it->second].cited_on.known() || written < m_targets[it->second].cited_on)) {
    m_targets[it->second].cited_on = written; // the capture nearest the first post that cites it
  }
  m_outcome.links.push_back({post, r.line, r.label, r.url});
  m_link_target.push_back(it->second);
}

http::Request LinkCheck::request_for(const Target& t, bool head) const {
  http::Request request{t.url, {"Accept: text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"}, {t.normalised}, "", ""};
  request.head = head;
  if (const auto entry = store::cached(m_library, t.normalised); entry && entry->failure.empty() && !head) {
    request.etag = entry->etag; // a 304 costs no body
    request.last_modified = entry->last_modified;
  }
  return request;
}

void LinkCheck::fetch(http::Observer* observer) {
  http::HttpOptions options = m_config.http;
  options.max_body = k_read_at_most;
  options.partial_ok = true;
  options.jobs = m_config.jobs_given ? options.jobs : k_check_jobs;
  options.default_host_rule.give_up_after_429 = k_give_up_after_429;
  http::Scheduler scheduler(options, observer);
  std::vector<http::Request> requests;
  for (const Target& t : m_targets) {
    const auto url = classify::parse_url(t.url);
    const bool head = url && std::find(k_head_hosts.begin(), k_head_hosts.end(), url->host) != k_head_hosts.end();
    requests.push_back(request_for(t, head));
  }
  // Each answer is read as it comes and let go: 20,000 pages' first 64 KiB
  // are never held at once. A HEAD that did not answer as a page would is
  // asked again with GET.
  std::vector<http::Request> gets;
  std::vector<std::size_t> again;
  scheduler.run(requests, [&](std::size_t i, http::Result result) {
    if (requests[i].head && (!result || !result->redirects.empty())) {
      gets.push_back(request_for(m_targets[i], false));
      again.push_back(i);
    } else {
      m_targets[i].seen = check::observe(m_targets[i].url, result);
    }
  });
  scheduler.run(gets, [&](std::size_t k, http::Result result) {
    m_targets[again[k]].seen = check::observe(m_targets[again[k]].url, result);
  });
}

/// Weighs each observation against the link's history, then records it.
void LinkCheck::settle() {
  store::WriteTransaction tx(m_library);
  for (Target& t : m_targets) {
    std::vector<check::PastCheck> past;
    for (const store::LinkCheck& c : store::link_history(m_library, t.normalised)) {
      for (check::Seen s : {check::Seen::ok, check::Seen::moved, check::Seen::blocked, check::Seen::throttled,
                            check::Seen::soft_404, check::Seen::failed, check::Seen::unknown}) {
        if (check::to_string(s) == c.seen) {
          past.push_back({c.at, s});
        }
      }
    }
    t.settled = check::settle(t.seen.seen, m_config.now, std::move(past));
    store::record_check(m_library, {t.normalised, m_config.now, std::string(check::to_string(t.seen.seen)), t.seen.detail});
  }
  tx.commit();
}

/// The capture nearest each lost link's post date, kept with its citation.
void LinkCheck::archive(http::Observer* observer) {
  std::vector<LostPage> pages;
  std::vector<Target*> lost;
  for (Target& t : m_targets) {
    const check::Verdict v = t.settled.verdict;
    if (v == check::Verdict::dead || v == check::Verdict::soft_404 || v == check::Verdict::suspect) {
      pages.push_back({{model::IdKind::url, t.normalised}, t.cited_on});
      lost.push_back(&t);
    }
  }
  ArchiveReport report = find_archived_copies(m_library, m_config, pages, observer);
  m_outcome.archive_warning = report.gave_up;
  for (std::size_t i = 0; i < lost.size(); ++i) {
    const ArchivedCopy& copy = report.copies[i];
    if (!copy.citation) {
      lost[i]->archive_problem = copy.problem;
      continue;
    }
    lost[i]->archive_url = copy.citation->archive_url;
    lost[i]->archive_date = copy.citation->archive_date;
    store::WriteTransaction tx(m_library);
    if (auto stored = store::find_by_id(m_library, copy.id); stored && stored->citation.archive_url != lost[i]->archive_url) {
      stored->citation.archive_url = lost[i]->archive_url;
      stored->citation.archive_date = lost[i]->archive_date;
      stored->citation.updated = util::iso_timestamp(m_config.now);
      store::update_citation(m_library, stored->id, stored->citation);
    }
    tx.commit();
  }
}

CheckOutcome LinkCheck::run(const std::vector<std::string>& arguments, bool archive_lost, http::Observer* observer) {
  if (!read_posts(arguments)) {
    m_outcome.failed = true;
    return std::move(m_outcome);
  }
  m_outcome.urls = static_cast<int>(m_targets.size());
  if (m_config.offline) {
    m_outcome.diagnostics.push_back({model::Severity::error, "", "refs check makes requests: it cannot run --offline"});
    m_outcome.failed = true;
    return std::move(m_outcome);
  }
  fetch(observer);
  settle();
  if (archive_lost) {
    archive(observer);
  }
  for (std::size_t i = 0; i < m_outcome.links.size(); ++i) {
    const Target& t = m_targets[m_link_target[i]];
    LinkReport& link = m_outcome.links[i];
    link.verdict = t.settled.verdict;
    link.detail = t.seen.detail;
    link.moved_to = t.seen.moved_to;
    link.failing_since = t.settled.failing_since;
    link.archive_url = t.archive_url;
    link.archive_date = t.archive_date;
    link.archive_problem = t.archive_problem;
  }
  return std::move(m_outcome);
}

} // namespace

CheckOutcome check_links(store::Library& library, const Config& config, const std::vector<std::string>& arguments,
                         bool archive, http::Observer* observer) {
  return LinkCheck(library, config).run(arguments, archive, observer);
}

} // namespace refs::pipeline
