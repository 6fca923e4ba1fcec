#include "core/pipeline/apply_published.hpp"

#include "core/csl/csl_fields.hpp"
#include "core/published/published_citation.hpp"
#include "core/store/citation_store.hpp"

#include <algorithm>

namespace refs::pipeline {

namespace {

/// Whether a citation describes a published work (not a preprint) by its
/// own type and container.
bool is_published_work(const model::Citation& c) {
  return (c.type == "paper-conference" || c.type == "article-journal" || c.type == "chapter") && !c.container_title.empty();
}

/// The fields a version set that were changed since (a correction, a
/// newer source): an undo would lose them.
std::vector<std::string> changed_since(const model::Citation& current, const model::Citation& before,
                                       const model::Citation& after) {
  std::vector<std::string> out;
  for (const std::string& name : published::changed_fields(before, after)) {
    const auto now = current.sources.find(name);
    const auto then = after.sources.find(name);
    const bool same_source = (now == current.sources.end()) == (then == after.sources.end()) &&
                             (now == current.sources.end() || now->second == then->second);
    if (!same_source || csl::field_text(current, name) != csl::field_text(after, name)) {
      out.push_back(name);
    }
  }
  return out;
}

} // namespace

tl::expected<std::vector<LibraryPreprint>, std::string> library_preprints(store::Library& library,
                                                                           const std::vector<std::string>& keys) {
  std::vector<store::StoredCitation> chosen;
  if (keys.empty()) {
    chosen = store::all_citations(library);
  }
  for (const std::string& key : keys) {
    auto stored = store::find_by_key(library, key);
    if (!stored) {
      return tl::make_unexpected("no citation has the key '" + key + "'");
    }
    if (csl::identifier(stored->citation, model::IdKind::arxiv).empty()) {
      return tl::make_unexpected(key + " is not an arXiv preprint (it has no arXiv id)");
    }
    chosen.push_back(std::move(*stored));
  }
  std::vector<LibraryPreprint> out;
  for (store::StoredCitation& s : chosen) {
    const std::string arxiv = csl::identifier(s.citation, model::IdKind::arxiv);
    if (arxiv.empty()) {
      continue;
    }
    const bool applied = store::change_in_effect(library, s.id).has_value();
    if (!applied && is_published_work(s.citation) && keys.empty()) {
      continue;
    }
    out.push_back({Preprint{s.id, arxiv, std::move(s.citation)}, applied});
  }
  return out;
}

std::vector<LibraryPreprint> preprints_among(store::Library& library, const std::vector<model::Citation>& citations) {
  std::vector<LibraryPreprint> out;
  for (const model::Citation& c : citations) {
    const std::string arxiv = csl::identifier(c, model::IdKind::arxiv);
    auto stored = arxiv.empty() ? std::nullopt : store::find_by_key(library, c.key);
    if (stored && !is_published_work(stored->citation) && !store::change_in_effect(library, stored->id)) {
      out.push_back({Preprint{stored->id, arxiv, std::move(stored->citation)}, false});
    }
  }
  return out;
}

tl::expected<AppliedVersion, std::string> apply_published_version(store::Library& library, const Preprint& preprint,
                                                                  const store::PublishedFinding& finding,
                                                                  const std::string& now) {
  if (!finding.record) {
    return tl::make_unexpected(preprint.citation.key + ": no published version is known");
  }
  store::WriteTransaction tx(library);
  const auto stored = store::find_by_row_id(library, preprint.id);
  if (!stored) {
    return tl::make_unexpected(preprint.citation.key + " was removed from the library");
  }
  model::Citation after = published::with_published_version(stored->citation, *finding.record);
  AppliedVersion applied{stored->citation.key, finding.venue, ""};
  // A DOI names one work in the library: when another citation holds the
  // version's DOI, that record and this one are joined by `refs dedupe`
  // (with its own undo), not silently here.
  std::erase_if(after.ids, [&](const model::WorkId& id) {
    if (id.kind != model::IdKind::doi) {
      return false;
    }
    const auto holder = store::find_by_id(library, id);
    if (holder && holder->id != preprint.id) {
      applied.holder = holder->citation.key;
      return true;
    }
    return false;
  });
  after.updated = now;
  store::update_citation(library, preprint.id, after);
  store::record_change(library, {0, preprint.id, preprint.arxiv_id, now, stored->citation, after, ""});
  tx.commit();
  return applied;
}

std::vector<tl::expected<AppliedVersion, std::string>> apply_confirmed_versions(store::Library& library,
                                                                                const std::vector<LibraryPreprint>& preprints,
                                                                                const PublishedReport& report,
                                                                                const std::string& now) {
  std::vector<tl::expected<AppliedVersion, std::string>> out;
  for (std::size_t i = 0; i < preprints.size() && i < report.findings.size(); ++i) {
    if (!preprints[i].applied && report.findings[i].status == "confirmed") {
      out.push_back(apply_published_version(library, preprints[i].preprint, report.findings[i], now));
    }
  }
  return out;
}

void reject_published_version(store::Library& library, const Preprint& preprint, const store::PublishedFinding& finding,
                              const std::string& now, std::int64_t clock) {
  store::WriteTransaction tx(library);
  store::record_rejection(library, preprint.arxiv_id, finding.identity, now);
  store::PublishedFinding none;
  none.arxiv_id = preprint.arxiv_id;
  none.checked_at = clock;
  none.status = "none";
  none.asked = finding.identity.substr(finding.identity.find(':') + 1) + " (you said it is another work)";
  store::record_finding(library, none);
  tx.commit();
}

tl::expected<model::Citation, std::string> undo_published_version(store::Library& library, const Preprint& preprint,
                                                                  const std::string& now, bool force) {
  store::WriteTransaction tx(library);
  const auto change = store::change_in_effect(library, preprint.id);
  if (!change) {
    return tl::make_unexpected(preprint.citation.key + " has no published version applied");
  }
  const auto stored = store::find_by_row_id(library, preprint.id);
  if (!stored) {
    return tl::make_unexpected(preprint.citation.key + " was removed from the library");
  }
  if (const auto changed = changed_since(stored->citation, change->before, change->after); !changed.empty() && !force) {
    std::string fields;
    for (const std::string& f : changed) {
      fields += (fields.empty() ? "" : ", ") + f;
    }
    return tl::make_unexpected(preprint.citation.key + ": " + fields + " changed since the published version was applied " +
                               change->applied_at + "; --force undoes it all the same, losing that change");
  }
  model::Citation before = published::without_published_version(stored->citation, change->before, change->after);
  before.updated = now;
  store::update_citation(library, preprint.id, before);
  store::mark_undone(library, change->id, now);
  tx.commit();
  return before;
}

} // namespace refs::pipeline
