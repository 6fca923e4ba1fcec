#include "core/pipeline/apply_published.hpp"

#include "core/pipeline/published_preprints.hpp"
#include "core/published/published_citation.hpp"
#include "core/resolve/doi.hpp"
#include "core/store/citation_store.hpp"
#include "core/util/time.hpp"

#include <algorithm>

namespace refs::pipeline {

namespace {

/// The version found for `preprint`: kept, else looked up now.
tl::expected<store::PublishedFinding, std::string> proposed(store::Library& library, const Config& config,
                                                           const Preprint& preprint, http::Observer* observer) {
  PublishedReport report = find_published_versions(library, config, {preprint}, observer);
  store::PublishedFinding& finding = report.findings.front();
  if (!finding.record) {
    return tl::make_unexpected(preprint.citation.key + ": no published version is proposed" +
                               (finding.asked.empty() ? "" : " (asked: " + finding.asked + ")"));
  }
  return std::move(finding);
}

} // namespace

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
  if (store::change_in_effect(library, preprint.id)) {
    return tl::make_unexpected(stored->citation.key + ": a published version is cited already; `refs published --undo " +
                               stored->citation.key + "` first");
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
                                                                                const std::vector<Preprint>& preprints,
                                                                                const PublishedReport& report,
                                                                                const std::string& now) {
  std::vector<tl::expected<AppliedVersion, std::string>> out;
  for (std::size_t i = 0; i < preprints.size() && i < report.findings.size(); ++i) {
    if (!preprints[i].applied && report.findings[i].status == "confirmed") {
      out.push_back(apply_published_version(library, preprints[i], report.findings[i], now));
    }
  }
  return out;
}

tl::expected<AppliedVersion, std::string> accept_published_version(store::Library& library, const Config& config,
                                                                   const std::string& key, http::Observer* observer) {
  const auto preprint = one_preprint(library, key);
  if (!preprint) {
    return tl::make_unexpected(preprint.error());
  }
  const auto finding = proposed(library, config, *preprint, observer);
  if (!finding) {
    return tl::make_unexpected(finding.error());
  }
  return apply_published_version(library, *preprint, *finding, util::iso_timestamp(config.now));
}

tl::expected<store::PublishedFinding, std::string> reject_published_version(store::Library& library, const Config& config,
                                                                            const std::string& key, http::Observer* observer) {
  const auto preprint = one_preprint(library, key);
  if (!preprint) {
    return tl::make_unexpected(preprint.error());
  }
  if (preprint->applied) {
    return tl::make_unexpected(key + ": its published version is cited; `refs published --undo " + key + "` first");
  }
  auto finding = proposed(library, config, *preprint, observer);
  if (!finding) {
    return finding;
  }
  const std::string now = util::iso_timestamp(config.now);
  store::WriteTransaction tx(library);
  store::record_rejection(library, preprint->arxiv_id, finding->identity, now);
  if (const auto doi = resolve::normalise_doi(finding->record->doi)) {
    store::record_rejection(library, preprint->arxiv_id, "doi:" + *doi, now);
  }
  store::PublishedFinding none;
  none.arxiv_id = preprint->arxiv_id;
  none.checked_at = config.clock;
  none.status = "none";
  none.asked = finding->identity.substr(finding->identity.find(':') + 1) + " (you said it is another work)";
  store::record_finding(library, none);
  tx.commit();
  return finding;
}

tl::expected<model::Citation, std::string> undo_published_version(store::Library& library, const std::string& key,
                                                                  const std::string& now, bool force) {
  const auto preprint = one_preprint(library, key);
  if (!preprint) {
    return tl::make_unexpected(preprint.error());
  }
  store::WriteTransaction tx(library);
  const auto change = store::change_in_effect(library, preprint->id);
  const auto stored = store::find_by_row_id(library, preprint->id);
  if (!change || !stored) {
    return tl::make_unexpected(key + " has no published version applied");
  }
  if (const auto changed = published::changed_since(stored->citation, change->before, change->after); !changed.empty() && !force) {
    std::string fields;
    for (const std::string& f : changed) {
      fields += (fields.empty() ? "" : ", ") + f;
    }
    return tl::make_unexpected(key + ": " + fields + " changed since the published version was applied " + change->applied_at +
                               "; --force undoes it all the same, losing that change");
  }
  model::Citation before = published::without_published_version(stored->citation, change->before, change->after);
  before.updated = now;
  store::update_citation(library, preprint->id, before);
  store::mark_undone(library, change->id, now);
  tx.commit();
  return before;
}

CitedVersions cite_published_versions(store::Library& library, const Config& config,
                                      std::vector<model::Citation>& citations, http::Observer* observer) {
  const std::vector<Preprint> preprints = preprints_among(library, citations);
  CitedVersions out;
  out.report = find_published_versions(library, config, preprints, observer);
  out.applied = apply_confirmed_versions(library, preprints, out.report, util::iso_timestamp(config.now));
  for (model::Citation& c : citations) {
    if (auto stored = store::find_by_key(library, c.key)) {
      c = std::move(stored->citation);
    }
  }
  return out;
}

} // namespace refs::pipeline
