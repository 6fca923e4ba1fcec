#include "core/pipeline/resolve_posts.hpp"

#include "core/classify/site_name.hpp"
#include "core/dedupe/merge.hpp"
#include "core/key/citation_key.hpp"
#include "core/post/footnote_reader.hpp"
#include "core/post/post_file.hpp"
#include "core/resolve/offline.hpp"
#include "core/resolve/registry.hpp"
#include "core/store/citation_store.hpp"
#include "core/store/post_store.hpp"
#include "core/util/time.hpp"

#include <algorithm>
#include <cstdio>

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

std::string library_path_of(const fs::path& post) {
  std::error_code ec;
  const fs::path canonical = fs::weakly_canonical(fs::absolute(post), ec);
  return (ec ? fs::absolute(post) : canonical).string();
}

/// The services one run shares: sources, site names and the key maker.
struct Toolkit {
  resolve::Registry registry;
  classify::SiteNamer sites;
  key::KeyMaker keys;
  model::Date today;
  std::string now;
};

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

/// Stores the reference's citation (new, or merged into the work it names)
/// and returns it with the outcome's status.
std::pair<store::StoredCitation, std::string> store_citation(store::Library& library, model::Citation citation) {
  for (const model::WorkId& id : citation.ids) {
    if (auto existing = store::find_by_id(library, id)) {
      model::Citation merged = existing->citation;
      if (!dedupe::merge_into(merged, citation)) {
        return {std::move(*existing), "known"};
      }
      merged.updated = citation.updated;
      store::update_citation(library, existing->id, merged);
      return {store::StoredCitation{existing->id, std::move(merged)}, "updated"};
    }
  }
  const std::int64_t id = store::insert_citation(library, citation);
  return {store::StoredCitation{id, std::move(citation)}, "new"};
}

ReferenceOutcome resolve_reference(store::Library& library, const Toolkit& kit, std::int64_t post_id,
                                   int ordinal, const model::Reference& r, const std::string& where,
                                   ResolveOutcome& outcome) {
  const resolve::Classified k = resolve::classify_reference(r, kit.registry);
  warn_about(r, k, where, outcome.diagnostics);
  model::Citation citation = resolve::offline_citation(r, k, kit.sites, kit.today, kit.now);
  store::WriteTransaction tx(library);
  citation.key = store::free_key(library, kit.keys.base_key(citation));
  auto [stored, status] = store_citation(library, std::move(citation));
  store::put_reference(library, post_id,
                       {ordinal, r.label, r.line, r.link_index, r.text, r.url, k.kind, stored.id, ""});
  tx.commit();
  const bool seen = std::any_of(outcome.citations.begin(), outcome.citations.end(),
                                [&](const model::Citation& c) { return c.key == stored.citation.key; });
  if (!seen) {
    outcome.citations.push_back(stored.citation);
  }
  return {r, k.kind, status, stored.citation.key, stored.citation.title};
}

void resolve_post(store::Library& library, const Toolkit& kit, const post::PostFile& file,
                  ResolveOutcome& outcome) {
  const std::string where = file.path.string();
  post::PostScan scan = post::read_footnotes(file.text, where);
  outcome.diagnostics.insert(outcome.diagnostics.end(), scan.diagnostics.begin(), scan.diagnostics.end());
  if (scan.footnotes.empty()) {
    outcome.diagnostics.push_back({model::Severity::note, where, "no footnotes found"});
  }
  const std::string key = library_path_of(file.path);
  std::int64_t post_id = 0;
  {
    store::WriteTransaction tx(library);
    post_id = store::upsert_post(library, key, "", kit.now);
    tx.commit();
  }
  PostOutcome post{where, {}};
  const std::vector<model::Reference> references = post::to_references(scan.footnotes);
  for (std::size_t i = 0; i < references.size(); ++i) {
    post.references.push_back(
        resolve_reference(library, kit, post_id, static_cast<int>(i), references[i], where, outcome));
  }
  // The hash is written last: a post whose run was cut short is not
  // recorded as up to date.
  store::WriteTransaction tx(library);
  store::drop_references_from(library, post_id, static_cast<int>(references.size()));
  store::upsert_post(library, key, content_hash(file.text), kit.now);
  tx.commit();
  outcome.posts.push_back(std::move(post));
}

} // namespace

ResolveOutcome resolve_posts(store::Library& library, const Config& config,
                             const std::vector<std::string>& arguments) {
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
  const Toolkit kit{{}, {}, {}, util::utc_date(config.now), util::iso_timestamp(config.now)};
  for (const post::PostFile& file : files) {
    resolve_post(library, kit, file, outcome);
  }
  return outcome;
}

} // namespace refs::pipeline
