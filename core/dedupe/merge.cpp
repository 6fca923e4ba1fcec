#include "core/dedupe/merge.hpp"

#include "core/csl/csl_fields.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace refs::dedupe {

namespace {

// Better sources first: the identifiers' registries describe a work more
// reliably than a page's own markup, and a page's markup more reliably than
// the words a blogger put in a link.
constexpr std::array<std::pair<std::string_view, int>, 15> k_ranks = {{
    {"user", 100},
    {"published", 95}, // the published version a preprint was linked to: arXiv describes only the preprint
    {"arxiv", 90},
    {"doi", 90},
    {"import", 85}, // a .bib or CSL-JSON file the writer keeps: curated, but less than a registry
    {"highwire", 80},
    {"json-ld", 70},
    {"opengraph", 60},
    {"twitter", 50},
    {"dublin-core", 50},
    {"page", 65}, // the visible page, where it agreed with or overruled the head
    {"microdata", 45},
    {"title", 40},
    {"archive", 30}, // an archived copy of the page: the page as it was, below any live answer
    {"post", 10},
}};

} // namespace

int source_rank(std::string_view source) {
  for (const auto& [name, rank] : k_ranks) {
    if (name == source) {
      return rank;
    }
  }
  return 20;
}

bool merge_into(model::Citation& existing, const model::Citation& incoming, Ties ties) {
  bool changed = false;
  for (std::string_view name : csl::field_names()) {
    const std::string key(name);
    const auto in = incoming.sources.find(key);
    if (in == incoming.sources.end() || csl::field_text(incoming, name).empty()) {
      continue;
    }
    // A field with a source but no value was cleared on purpose (by the
    // writer): ranks apply to it as to a value.
    const auto have = existing.sources.find(key);
    if (have != existing.sources.end()) {
      const int in_rank = source_rank(in->second);
      const int have_rank = source_rank(have->second);
      if (in_rank < have_rank || (in_rank == have_rank && ties == Ties::keep)) {
        continue;
      }
    }
    if (csl::field_text(existing, name) != csl::field_text(incoming, name) ||
        have == existing.sources.end() || have->second != in->second) {
      csl::copy_field(existing, incoming, name);
      existing.sources[key] = in->second;
      changed = true;
    }
  }
  if (existing.type != incoming.type && !incoming.type.empty() && !existing.sources.contains("type") &&
      !incoming.sources.contains("type")) {
    // A type without a recorded source (records from before sources were
    // kept for it) is the classifier's guess; any stated type replaces it.
    existing.type = incoming.type;
    changed = true;
  }
  for (const model::WorkId& id : incoming.ids) {
    if (std::find(existing.ids.begin(), existing.ids.end(), id) == existing.ids.end()) {
      existing.ids.push_back(id);
      changed = true;
    }
  }
  // The newest capture found is the one to show.
  if (!incoming.archive_url.empty() && incoming.archive_url != existing.archive_url) {
    existing.archive_url = incoming.archive_url;
    existing.archive_date = incoming.archive_date;
    changed = true;
  }
  // Kept BibTeX fields add up; the title's LaTeX went with the title above.
  for (const auto& [name, value] : incoming.bib_fields) {
    if (name != "title" && existing.bib_fields.emplace(name, value).second) {
      changed = true;
    }
  }
  return changed;
}

} // namespace refs::dedupe
