#include "core/pipeline/resolve_posts.hpp"

#include "core/pipeline/fetch_works.hpp"
#include "core/pipeline/join_works.hpp"

#include "core/classify/site_name.hpp"
#include "core/dedupe/merge.hpp"
#include "core/dedupe/work_profile.hpp"
#include "core/key/citation_key.hpp"
#include "core/post/footnote_reader.hpp"
#include "core/post/post_date.hpp"
#include "core/post/post_file.hpp"
#include "core/resolve/offline.hpp"
#include "core/resolve/registry.hpp"
#include "core/store/citation_store.hpp"
#include "core/store/match_key_store.hpp"
#include "core/store/post_store.hpp"
#include "core/util/string.hpp"
#include "core/util/time.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>

namespace refs::pipeline {

namespace {

namespace fs = std::filesystem;

/// FNV-1a, 64 bits: only tells whether a post changed since its last run.
std::string content_hash(std::string_view text) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : text) {
    h = (h ^ c) * 1099511628211ULL;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

model::Date today(std::int64_t now) {
  const util::CivilDate d = util::utc_civil_date(now);
  return {d.year, d.month, d.day};
}

void warn_about(const model::Reference& r, const resolve::Classified& k, const std::string& where,
                std::vector<model::Diagnostic>& out) {
  const std::string at = where + ":" + std::to_string(r.line);
  if (k.kind == "note") {
    out.push_back({model::Severity::warning, at, "footnote [^" + r.label + "] has no URL; kept as a note"});
  } else if (k.kind == "unsupported") {
    out.push_back({model::Severity::warning, at,
                   "footnote [^" + r.label + "]: " + k.problem + " in " + r.url + "; not fetched, kept as a note"});
  }
}

/// One run of `refs resolve`: the services it shares (sources, site names,
/// keys, the clock) and what it has done so far.
class Run {
public:
  Run(store::Library& library, const Config& config)
      : m_library(library), m_config(config), m_registry(resolve::SourceSettings{config.arxiv_api}),
        m_today(today(config.now)), m_now(util::iso_timestamp(config.now)) {}

  void resolve_post(const post::PostFile& file);
  void fetch(http::Observer* observer);
  void settle_offline();
  /// After the sources: reloads the run's citations and reports merges
  /// and repeated footnotes.
  void finish();
  ResolveOutcome& outcome() { return m_outcome; }

private:
  ReferenceOutcome resolve_reference(std::int64_t post_id, int ordinal, const model::Reference& r,
                                     const std::string& where);
  std::pair<store::StoredCitation, std::string> store_citation(model::Citation citation);
  void reload_citations();
  void warn_repeated_footnotes(const PostOutcome& post);
  void note_merges();
  void refresh_outcome(ReferenceOutcome& r);
  void note_title_mismatch(const ReferenceOutcome& r, const std::string& where);
  void note_archived(const ReferenceOutcome& r, const std::string& why);

  store::Library& m_library;
  const Config& m_config;
  resolve::Registry m_registry;
  classify::SiteNamer m_sites;
  key::KeyMaker m_keys;
  model::Date m_today;
  std::string m_now;
  ResolveOutcome m_outcome;
  /// Citations this run has already written post data into: a later
  /// reference to the same work (another link text for it) fills gaps but
  /// does not overwrite, so a run is stable and a re-run changes nothing.
  std::map<std::int64_t, std::string> m_touched;
};

/// Stores the reference's citation: new, or merged into the work it is.
std::pair<store::StoredCitation, std::string> Run::store_citation(model::Citation citation) {
  citation.key = m_keys.base_key(citation);
  // A work this run already wrote post data into keeps it (the first link
  // text of a work cited twice); an earlier run's post data is replaced.
  const auto ties = [&](std::int64_t id) { return m_touched.contains(id) ? dedupe::Ties::keep : dedupe::Ties::replace; };
  store::PreparedCitation incoming = store::prepare_citation(std::move(citation));
  Incoming stored = store_incoming(m_library, incoming, ties, m_now);
  if (stored.joined.merge != 0) {
    m_outcome.merges.push_back(stored.joined);
  }
  return {*store::find_by_row_id(m_library, stored.id), stored.status};
}

ReferenceOutcome Run::resolve_reference(std::int64_t post_id, int ordinal, const model::Reference& r,
                                        const std::string& where) {
  const resolve::Classified k = resolve::classify_reference(r, m_registry);
  warn_about(r, k, where, m_outcome.diagnostics);
  model::Citation citation = resolve::offline_citation(r, k, m_sites, m_today, m_now);
  store::WriteTransaction tx(m_library);
  auto [stored, status] = store_citation(std::move(citation));
  store::put_reference(m_library, post_id,
                       {ordinal, r.label, r.line, r.link_index, r.text, r.url, k.kind, stored.id, ""});
  tx.commit();
  if (m_touched.emplace(stored.id, stored.citation.key).second) {
    m_outcome.citations.push_back(stored.citation);
  }
  ReferenceOutcome out{r, k.kind, status, stored.citation.key, stored.citation.title, std::nullopt, "post", "", {}};
  if (k.recognition) {
    out.work = k.recognition->id;
  }
  return out;
}

/// Re-reads a reference's key and title after the sources spoke.
void Run::refresh_outcome(ReferenceOutcome& r) {
  if (!r.work) {
    return;
  }
  if (const auto stored = store::find_by_id(m_library, *r.work)) {
    r.key = stored->citation.key;
    r.title = stored->citation.title;
    r.sources = stored->citation.sources;
    const bool from_source = std::any_of(stored->citation.sources.begin(), stored->citation.sources.end(),
                                         [](const auto& s) { return s.second != "post" && s.second != "user"; });
    if (r.via == "post" && from_source) {
      r.via = "stored";
    }
  }
}

void Run::fetch(http::Observer* observer) {
  std::vector<WorkToFetch> works;
  for (const PostOutcome& post : m_outcome.posts) {
    for (const ReferenceOutcome& r : post.references) {
      if (!r.work) {
        continue;
      }
      const auto known = std::find_if(works.begin(), works.end(), [&](const WorkToFetch& w) { return w.id == *r.work; });
      if (known == works.end()) {
        works.push_back({*r.work, r.kind, 0, post.written});
      } else if (post.written.known() && (!known->cited_on.known() || post.written < known->cited_on)) {
        known->cited_on = post.written; // the capture nearest the first post that cites it
      }
    }
  }
  FetchReport report = fetch_works(m_library, m_config, m_registry, m_keys, works, observer);
  if (!report.archive_warning.empty()) {
    m_outcome.diagnostics.push_back({model::Severity::warning, "web.archive.org", report.archive_warning});
  }
  const auto& outcomes = report.works;
  for (Joined& j : report.merges) {
    m_outcome.merges.push_back(std::move(j));
  }
  for (PostOutcome& post : m_outcome.posts) {
    for (ReferenceOutcome& r : post.references) {
      const auto it = r.work ? outcomes.find(cache_key(*r.work)) : outcomes.end();
      if (it != outcomes.end() && it->second.via == "archive") {
        r.via = "archive";
        note_archived(r, it->second.problem);
      } else if (it != outcomes.end() && !it->second.via.empty()) {
        r.via = it->second.via;
      } else if (it != outcomes.end() && it->second.attempted) {
        r.problem = it->second.problem;
        m_outcome.diagnostics.push_back({model::Severity::warning, r.reference.url, r.problem + "; cited from the post's text"});
      }
      refresh_outcome(r);
      if (r.via != "post" && r.via != "stored") {
        note_title_mismatch(r, post.path);
      }
    }
  }
}

/// A page described by its archived copy: the writer learns that the link
/// itself is gone or walled, and where the copy is.
void Run::note_archived(const ReferenceOutcome& r, const std::string& why) {
  const auto stored = store::find_by_id(m_library, *r.work);
  const std::string copy = stored ? stored->citation.archive_url : "";
  const std::string when = stored ? stored->citation.archive_date.substr(0, 10) : "";
  m_outcome.diagnostics.push_back({model::Severity::note, r.reference.url,
                                   why + "; described from the archived copy of " + when + " (" + copy + ")"});
}

/// Letters and digits only, lower-cased: what two spellings of a title share.
std::string title_letters(const std::string& title) {
  std::string out;
  for (char c : util::to_lower_ascii(title)) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0 || static_cast<unsigned char>(c) >= 0x80) {
      out += c;
    }
  }
  return out;
}

/// Posts paraphrase titles (and Korean posts use Korean link text for
/// English pages): a differing fetched title is kept, and the writer is
/// told, in case the link is wrong.
void Run::note_title_mismatch(const ReferenceOutcome& r, const std::string& where) {
  const std::string text = title_letters(r.reference.text);
  const std::string title = title_letters(r.title);
  if (text.empty() || title.empty() || text.find(title) != std::string::npos || title.find(text) != std::string::npos) {
    return;
  }
  ++m_outcome.title_mismatches;
  m_outcome.diagnostics.push_back({model::Severity::note, where + ":" + std::to_string(r.reference.line),
                                   "footnote [^" + r.reference.label + "]: the link text differs from the title \"" +
                                       r.title + "\" (" + r.via + ")"});
}

/// The run's citations as the library holds them now (sources may have
/// changed fields and keys since they were first stored, and joined
/// citations are one now), each once.
void Run::reload_citations() {
  std::vector<model::Citation> now;
  for (const model::Citation& c : m_outcome.citations) {
    const auto stored = store::find_by_key(m_library, c.key);
    const model::Citation& current = stored ? stored->citation : c;
    if (std::none_of(now.begin(), now.end(), [&](const model::Citation& n) { return n.key == current.key; })) {
      now.push_back(current);
    }
  }
  m_outcome.citations = std::move(now);
}

void Run::settle_offline() {
  for (PostOutcome& post : m_outcome.posts) {
    for (ReferenceOutcome& r : post.references) {
      refresh_outcome(r);
    }
  }
}

/// A footnote citing the same works as an earlier footnote of its post is
/// worth a warning: `refs dedupe --post` can make both one footnote.
void Run::warn_repeated_footnotes(const PostOutcome& post) {
  struct Footnote {
    std::string label;
    int line = 0;
    std::vector<std::string> keys;
  };
  std::vector<Footnote> footnotes;
  for (const ReferenceOutcome& r : post.references) {
    if (r.kind == "note") {
      continue; // two "Ibid." notes are not one work
    }
    if (footnotes.empty() || footnotes.back().label != r.reference.label) {
      footnotes.push_back({r.reference.label, r.reference.line, {}});
    }
    footnotes.back().keys.push_back(r.key);
  }
  for (Footnote& f : footnotes) {
    std::sort(f.keys.begin(), f.keys.end());
    f.keys.erase(std::unique(f.keys.begin(), f.keys.end()), f.keys.end());
  }
  for (std::size_t i = 0; i < footnotes.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (footnotes[j].keys == footnotes[i].keys) {
        ++m_outcome.repeated_footnotes;
        m_outcome.diagnostics.push_back(
            {model::Severity::warning, post.path + ":" + std::to_string(footnotes[i].line),
             "[^" + footnotes[j].label + "] (line " + std::to_string(footnotes[j].line) + ") and [^" +
                 footnotes[i].label + "] cite the same work (" + footnotes[i].keys.front() +
                 (footnotes[i].keys.size() > 1 ? " and more" : "") + "); `refs dedupe --post " + post.path +
                 "` shows how to make them one"});
        break;
      }
    }
  }
}

/// Each merge of the run gets a note, so nothing is joined silently.
void Run::note_merges() {
  for (const Joined& j : m_outcome.merges) {
    // Keys may have settled since the merge: the survivor is named as it
    // is now (its former keys lead to it).
    const auto now = store::find_by_key(m_library, j.key);
    const std::string survivor = now ? now->citation.key : j.key;
    for (std::string& note : merge_notes(j, survivor)) {
      m_outcome.diagnostics.push_back({model::Severity::note, m_library.path().string(), std::move(note)});
    }
  }
}

void Run::finish() {
  reload_citations();
  note_merges();
  for (const PostOutcome& post : m_outcome.posts) {
    warn_repeated_footnotes(post);
  }
}

void Run::resolve_post(const post::PostFile& file) {
  const std::string where = file.path.string();
  const post::PostScan scan = post::read_footnotes(file.text, where);
  m_outcome.diagnostics.insert(m_outcome.diagnostics.end(), scan.diagnostics.begin(), scan.diagnostics.end());
  if (scan.footnotes.empty()) {
    m_outcome.diagnostics.push_back({model::Severity::note, where, "no footnotes found"});
  }
  const std::string key = post::post_identity(file.path);
  std::int64_t post_id = 0;
  {
    store::WriteTransaction tx(m_library);
    post_id = store::upsert_post(m_library, key, "", m_now);
    tx.commit();
  }
  PostOutcome post{where, {}, post::post_date(file.text, file.path)};
  const std::vector<model::Reference> references = post::to_references(scan.footnotes);
  for (std::size_t i = 0; i < references.size(); ++i) {
    post.references.push_back(resolve_reference(post_id, static_cast<int>(i), references[i], where));
  }
  // The hash is written last: a post whose run was cut short is not
  // recorded as up to date.
  store::WriteTransaction tx(m_library);
  store::drop_references_from(m_library, post_id, static_cast<int>(references.size()));
  store::upsert_post(m_library, key, content_hash(file.text), m_now);
  tx.commit();
  m_outcome.posts.push_back(std::move(post));
}

} // namespace

ResolveOutcome resolve_posts(store::Library& library, const Config& config,
                             const std::vector<std::string>& arguments, http::Observer* observer) {
  ResolveOutcome outcome;
  const post::PostArguments posts = post::expand_post_arguments(arguments);
  for (const std::string& error : posts.errors) {
    outcome.diagnostics.push_back({model::Severity::error, "", error});
    outcome.failed = true;
  }
  std::vector<post::PostFile> files;
  for (const fs::path& path : posts.paths) {
    auto file = post::load_post(path);
    if (!file) {
      outcome.diagnostics.push_back({model::Severity::error, "", file.error()});
      outcome.failed = true;
    } else {
      files.push_back(std::move(*file));
    }
  }
  if (outcome.failed) {
    return outcome;
  }
  store::ensure_match_keys(library);
  Run run(library, config);
  for (const post::PostFile& file : files) {
    run.resolve_post(file);
  }
  if (config.offline) {
    run.settle_offline();
  } else {
    run.fetch(observer);
  }
  run.finish();
  return std::move(run.outcome());
}

} // namespace refs::pipeline
