#include "core/pipeline/export_html.hpp"

#include "core/citeproc/pandoc_html.hpp"
#include "core/csl/csl_record_reader.hpp"
#include "core/export/html_page.hpp"
#include "core/export/html_text.hpp"
#include "core/pipeline/csl_markdown.hpp"
#include "core/pipeline/record_batches.hpp"

#include <map>
#include <optional>
#include <utility>

namespace refs::pipeline {

namespace {

/// Hands the page on in pieces (or keeps it whole when there is no writer).
class PageText {
public:
  explicit PageText(const HtmlExportRequest& request, ExportOutcome& outcome) : m_request(request), m_outcome(outcome) {}

  void add(const std::string& text) {
    m_text += text;
    if (m_request.write && m_text.size() > (1U << 20)) {
      m_request.write(std::exchange(m_text, {}));
    }
  }
  void finish() {
    if (m_request.write) {
      m_request.write(std::exchange(m_text, {}));
    } else {
      m_outcome.text = std::move(m_text);
    }
  }

private:
  const HtmlExportRequest& m_request;
  ExportOutcome& m_outcome;
  std::string m_text;
};

std::string summary(std::size_t works, std::size_t posts) {
  std::string out = works_count(works);
  if (posts > 0) {
    out += " cited in ";
    out += std::to_string(posts);
    out += posts == 1 ? " post" : " posts";
  }
  return out;
}

exporting::HtmlPage page_of(const HtmlExportRequest& request, std::size_t works) {
  return {request.title.empty() ? "Bibliography" : request.title, summary(works, request.selection.posts.size()),
          request.fragment, request.generator, works};
}

/// Each work's reference in the style, as HTML. URLs a page may not link
/// (exporting::safe_link) are not handed to pandoc, which would link them.
tl::expected<std::vector<std::string>, std::string> styled_references(const citeproc::CiteprocSetup& setup,
                                                                      const Listing& listing,
                                                                      std::vector<std::string>& warnings) {
  std::vector<model::Citation> works;
  works.reserve(listing.works.size());
  for (const store::StoredCitation& c : listing.works) {
    works.push_back(c.citation);
    if (!exporting::safe_link(works.back().url)) {
      works.back().url.clear();
    }
  }
  auto markdown = csl_entries(setup, works, warnings);
  if (!markdown) {
    return tl::make_unexpected(markdown.error());
  }
  return citeproc::markdown_to_html(setup.pandoc, *markdown);
}

/// The page of what list_for_page() selects: posts, keys, or the library
/// grouped by post, or in a CSL style (which pandoc renders all at once).
ExportOutcome export_listed(store::Library& library, const HtmlExportRequest& request) {
  ExportOutcome outcome;
  Listing listing = list_for_page(library, request.selection);
  outcome.errors = std::move(listing.errors);
  outcome.damaged = std::move(listing.damaged);
  if (!outcome.errors.empty()) {
    return outcome;
  }
  // The page links to each entry by its key: what is written says the key
  // is fixed, as it will be once written.
  for (store::StoredCitation& c : listing.works) {
    if (!c.citation.key_fixed) {
      outcome.unfixed_ids.push_back(c.id);
    }
    c.citation.key_fixed = true;
  }
  std::vector<std::string> references;
  if (request.csl) {
    auto styled = styled_references(*request.csl, listing, outcome.warnings);
    if (!styled) {
      outcome.errors.push_back(styled.error());
      outcome.unfixed_ids.clear(); // nothing was exported
      return outcome;
    }
    references = std::move(*styled);
  } else {
    for (const store::StoredCitation& c : listing.works) {
      references.push_back(exporting::html_reference(c.citation));
    }
  }
  const exporting::HtmlPage page = page_of(request, listing.works.size());
  PageText text(request, outcome);
  text.add(exporting::html_page_start(page));
  std::vector<bool> listed(listing.works.size(), false);
  for (const ListedGroup& group : listing.groups) {
    text.add(exporting::html_group_start(page, group.id, group.heading, group.note));
    for (std::size_t i : group.entries) {
      // A work cited by several posts is in each post's group; only its
      // first entry holds its id, which must be unique.
      const store::StoredCitation& c = listing.works[i];
      text.add(exporting::html_entry(page_entry(c.citation, c.id, references[i], !listed[i], listing.citing)));
      listed[i] = true;
    }
    text.add(exporting::html_group_end());
  }
  text.add(exporting::html_page_end(page));
  text.finish();
  return outcome;
}

/// The whole library by year (or not grouped), read and rendered on two
/// threads a batch at a time: a 100,000-citation page in about a second.
ExportOutcome export_streamed(store::Library& library, const HtmlExportRequest& request) {
  ExportOutcome outcome;
  const bool by_year = request.selection.group == HtmlGroup::year;
  const CitingLinks citing = citing_links(library, {});
  const std::map<int, std::size_t> per_year = store::citations_per_year(library);
  std::size_t total = 0;
  for (const auto& [year, count] : per_year) {
    total += count;
  }
  const exporting::HtmlPage page = page_of(request, total);
  PageText text(request, outcome);
  text.add(exporting::html_page_start(page));
  std::optional<int> open_year; // the group being written: its year, or 0 for the one group when not by year
  const auto open_group = [&](int year) {
    if (open_year) {
      text.add(exporting::html_group_end());
    }
    open_year = year;
    const auto in_year = per_year.find(year); // a citation added since it was counted: not in the counts
    const std::size_t count = !by_year ? total : in_year == per_year.end() ? 0 : in_year->second;
    const ListedGroup group = by_year ? year_group(year) : ListedGroup{"refs-all", "", "", {}};
    text.add(exporting::html_group_start(page, group.id, group.heading, works_count(count)));
  };
  const std::filesystem::path path = library.path();
  const auto render = [&](std::span<const store::StoredRecord> rows) {
    RenderedBatch out;
    csl::CslRecordReader reader;
    for (const store::StoredRecord& row : rows) {
      try {
        model::Citation c = store::decode_record(path, row, reader).citation;
        c.key_fixed = true; // as it will be once written
        out.entries.push_back(exporting::html_entry(page_entry(c, row.id, exporting::html_reference(c), true, citing)));
      } catch (const store::DamagedRecord& e) { // that citation alone is left out
        out.damaged.push_back(e.what());
        out.entries.emplace_back();
      }
    }
    return out;
  };
  const auto take = [&](std::span<const store::StoredRecord> rows, RenderedBatch&& part) {
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (!rows[i].key_fixed && !part.entries[i].empty()) { // a damaged record is not exported
        outcome.unfixed_ids.push_back(rows[i].id);
      }
      if (!open_year || (by_year && *open_year != rows[i].year)) {
        open_group(by_year ? rows[i].year : 0);
      }
      text.add(part.entries[i]);
    }
    outcome.damaged.insert(outcome.damaged.end(), part.damaged.begin(), part.damaged.end());
  };
  render_library(library, by_year ? store::RecordOrder::newest_first : store::RecordOrder::key, render, take);
  if (open_year) {
    text.add(exporting::html_group_end());
  }
  text.add(exporting::html_page_end(page));
  text.finish();
  return outcome;
}

} // namespace

ExportOutcome export_html(store::Library& library, const HtmlExportRequest& request) {
  const HtmlSelection& s = request.selection;
  const bool whole_library = s.posts.empty() && s.keys.empty() && s.group != HtmlGroup::post && !request.csl;
  return whole_library ? export_streamed(library, request) : export_listed(library, request);
}

} // namespace refs::pipeline
