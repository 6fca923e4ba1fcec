#include "core/pipeline/export_citations.hpp"

#include "core/export/biblatex_writer.hpp"
#include "core/export/bibtex_writer.hpp"
#include "core/export/csl_json_writer.hpp"
#include "core/export/markdown_writer.hpp"
#include "core/pipeline/csl_markdown.hpp"
#include "core/pipeline/export_stream.hpp"
#include "core/util/error.hpp"
#include "core/post/post_file.hpp"
#include "core/store/citation_store.hpp"
#include "core/store/post_store.hpp"

#include <algorithm>
#include <tuple>
#include <utility>

namespace refs::pipeline {

namespace {

struct Selection {
  std::vector<store::StoredCitation> citations;       ///< each once
  std::vector<exporting::MarkdownFootnote> footnotes; ///< per footnote, for --post Markdown
};

void add_once(std::vector<store::StoredCitation>& out, const store::StoredCitation& c) {
  if (std::none_of(out.begin(), out.end(), [&](const auto& o) { return o.id == c.id; })) {
    out.push_back(c);
  }
}

void select_post(store::Library& library, const std::string& post, Selection& s, std::vector<std::string>& errors,
                 std::vector<std::string>& damaged) {
  const auto post_id = store::find_post(library, post::post_identity(post));
  if (!post_id) {
    errors.push_back(post + ": not in the library; run 'refs resolve " + post + "' first");
    return;
  }
  for (const store::ReferenceRow& row : store::post_references(library, *post_id)) {
    std::optional<store::StoredCitation> c;
    try {
      c = row.citation_id ? store::find_by_key(library, row.key) : std::nullopt;
    } catch (const store::DamagedRecord& e) {
      damaged.push_back(e.what());
      continue;
    }
    if (!c) {
      continue; // its citation was removed with 'refs rm'
    }
    add_once(s.citations, *c);
    if (row.link_index == 0) {
      s.footnotes.push_back({row.label, c->citation});
    }
  }
}

Selection select_keys(store::Library& library, const std::vector<std::string>& keys, bool markdown,
                      std::vector<std::string>& errors, std::vector<std::string>& damaged) {
  Selection s;
  if (keys.empty()) {
    s.citations = store::all_citations(library, &damaged);
  }
  for (const std::string& key : keys) {
    try {
      if (auto c = store::find_by_key(library, key)) {
        add_once(s.citations, *c);
      } else {
        errors.push_back("unknown citation key '" + key + "'");
      }
    } catch (const store::DamagedRecord& e) {
      damaged.push_back(e.what()); // its record does not read: the others are exported
    }
  }
  std::sort(s.citations.begin(), s.citations.end(),
            [](const auto& a, const auto& b) { return a.citation.key < b.citation.key; });
  for (const store::StoredCitation& c : s.citations) {
    if (markdown) {
      s.footnotes.push_back({exporting::footnote_label(c.citation.key), c.citation});
    }
  }
  return s;
}

/// Sorts the entries (not a post's footnotes, which keep the post's order).
void sort_entries(std::vector<store::StoredCitation>& citations, ExportOrder order) {
  const auto by_key = [](const store::StoredCitation& a, const store::StoredCitation& b) {
    return a.citation.key < b.citation.key;
  };
  if (order == ExportOrder::key) {
    std::stable_sort(citations.begin(), citations.end(), by_key);
  } else if (order == ExportOrder::date) {
    const auto date = [](const store::StoredCitation& c) {
      const model::Date& d = c.citation.issued;
      return std::make_tuple(d.year == 0, d.year, d.month, d.day); // undated last
    };
    std::stable_sort(citations.begin(), citations.end(), [&](const auto& a, const auto& b) {
      return date(a) != date(b) ? date(a) < date(b) : by_key(a, b);
    });
  }
}

/// Renders the selection, whose citations it takes.
std::string render(const ExportRequest& request, Selection& s, ExportOutcome& outcome) {
  std::vector<std::string>& warnings = outcome.warnings;
  if (request.format == ExportFormat::markdown && request.csl) {
    auto text = csl_footnotes(*request.csl, s.footnotes, warnings);
    if (!text) {
      outcome.errors.push_back(text.error());
      return "";
    }
    return *text;
  }
  const ExportFormat format = request.format;
  const exporting::BibText text{request.ascii, &warnings};
  std::vector<model::Citation> citations;
  citations.reserve(s.citations.size());
  for (store::StoredCitation& c : s.citations) {
    citations.push_back(std::move(c.citation));
  }
  switch (format) {
  case ExportFormat::bibtex:
    return exporting::to_bibtex(citations, text);
  case ExportFormat::biblatex:
    return exporting::to_biblatex(citations, text);
  case ExportFormat::csl_json:
    return exporting::to_csl_json_array(citations);
  case ExportFormat::markdown:
    return exporting::to_markdown(s.footnotes, request.markdown);
  }
  return "";
}

} // namespace

ExportOutcome export_citations(store::Library& library, const ExportRequest& request) {
  if (request.posts.empty() && request.keys.empty() && request.order != ExportOrder::date &&
      request.format != ExportFormat::markdown) {
    return export_whole_library(library, request.format, request.ascii, request.write);
  }
  ExportOutcome outcome;
  if (request.format == ExportFormat::markdown && request.posts.size() > 1) {
    outcome.errors.push_back("--markdown takes one --post: footnote labels are a post's own");
    return outcome;
  }
  Selection s;
  if (request.posts.empty()) {
    s = select_keys(library, request.keys, request.format == ExportFormat::markdown, outcome.errors, outcome.damaged);
  }
  for (const std::string& post : request.posts) {
    select_post(library, post, s, outcome.errors, outcome.damaged);
  }
  sort_entries(s.citations, request.order);
  if (!outcome.errors.empty()) {
    return outcome;
  }
  // What is written says the key is fixed, as it will be once written.
  for (store::StoredCitation& c : s.citations) {
    if (!c.citation.key_fixed) {
      outcome.unfixed_ids.push_back(c.id);
    }
    c.citation.key_fixed = true;
  }
  for (exporting::MarkdownFootnote& f : s.footnotes) {
    f.citation.key_fixed = true;
  }
  outcome.text = render(request, s, outcome);
  if (!outcome.errors.empty()) {
    outcome.unfixed_ids.clear(); // nothing was exported
    return outcome;
  }
  if (request.write) {
    request.write(std::exchange(outcome.text, {}));
  }
  return outcome;
}

void mark_exported(store::Library& library, const ExportOutcome& outcome) {
  if (outcome.unfixed_ids.empty()) {
    return; // no write lock taken for nothing
  }
  store::WriteTransaction tx(library);
  store::fix_keys(library, outcome.unfixed_ids);
  tx.commit();
}

} // namespace refs::pipeline
