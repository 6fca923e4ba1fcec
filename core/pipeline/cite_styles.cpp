#include "core/pipeline/cite_styles.hpp"

#include "core/pipeline/csl_markdown.hpp"
#include "core/post/front_matter.hpp"
#include "core/util/string.hpp"

#include <algorithm>
#include <set>

namespace refs::pipeline {

namespace {

constexpr std::string_view k_open = "<!-- refs: bibliography";
constexpr std::string_view k_close = "<!-- refs: end of bibliography -->";
constexpr std::string_view k_cites = "; cites:";

/// The end of the line at `pos`, past its line break.
std::size_t line_end_after(std::string_view text, std::size_t pos) {
  const std::size_t nl = text.find('\n', pos);
  return nl == std::string_view::npos ? text.size() : nl + 1;
}

/// An item in pandoc's syntax: "see @key, p. 3", "-@key".
std::string item_syntax(const post::CitedItem& item, const store::StoredCitation& c) {
  return item.prefix + (item.prefix.empty() ? "" : " ") + (item.suppress_author ? "-" : "") +
         citeproc::pandoc_key(c.citation.key) + (item.locator.empty() ? "" : ", " + item.locator);
}

std::string marker_syntax(const MarkerWorks& m) {
  const post::CitationMarker& marker = *m.marker;
  if (!marker.bracketed) { // @key, or @key [p. 3]: the author named in the sentence
    const std::string& locator = marker.items.front().locator;
    return citeproc::pandoc_key(m.cited.front().citation.key) + (locator.empty() ? "" : " [" + locator + "]");
  }
  std::string out;
  for (std::size_t i = 0; i < marker.items.size(); ++i) {
    out += i == 0 ? "" : "; ";
    out += item_syntax(marker.items[i], m.cited[i]);
  }
  return citeproc::in_brackets(out);
}

std::string block_text(const std::vector<std::string>& keys, const std::vector<citeproc::Entry>& entries,
                       const std::string& eol) {
  std::string out = std::string(k_open) + std::string(k_cites);
  for (const std::string& key : keys) {
    out += " " + key;
  }
  out += " -->" + eol;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    out += (i == 0 ? "" : eol) + entries[i].text + eol;
  }
  return out + std::string(k_close) + eol;
}

} // namespace

std::optional<BibliographyBlock> find_bibliography(std::string_view text) {
  const std::size_t open = text.find(k_open);
  if (open == std::string_view::npos || (open > 0 && text[open - 1] != '\n')) {
    return std::nullopt;
  }
  BibliographyBlock block{open, 0, {}};
  const std::size_t first_end = line_end_after(text, open);
  const std::string_view first = text.substr(open, first_end - open);
  if (const std::size_t cites = first.find(k_cites); cites != std::string_view::npos) {
    const std::string_view list = first.substr(cites + k_cites.size(), first.find("-->") - cites - k_cites.size());
    for (std::string_view key : util::split(util::trim(list), ' ')) {
      if (!key.empty()) {
        block.keys.emplace_back(key);
      }
    }
  }
  const std::size_t close = text.find(k_close, first_end);
  block.length = (close == std::string_view::npos ? first_end : line_end_after(text, close)) - open;
  return block;
}

namespace {

/// What pandoc is given: the citations (a note style's works with each
/// locator once; an in-text style's listed works, then every marker) and
/// the works they name.
struct Plan {
  citeproc::Rendering rendering;
  std::vector<model::Citation> works;
  std::vector<std::pair<std::int64_t, std::string>> noted; ///< (id, locator) of each note, in order
};

Plan plan_for(const std::vector<MarkerWorks>& markers, const std::vector<store::StoredCitation>& listed, bool note) {
  Plan plan;
  for (const store::StoredCitation& c : note ? std::vector<store::StoredCitation>{} : listed) {
    plan.rendering.citations.push_back(citeproc::in_brackets(citeproc::pandoc_key(c.citation.key)));
    plan.works.push_back(c.citation);
  }
  for (const MarkerWorks& m : markers) {
    for (std::size_t i = 0; i < m.cited.size(); ++i) {
      plan.works.push_back(m.cited[i].citation);
      const std::pair<std::int64_t, std::string> noted{m.cited[i].id, m.marker->items[i].locator};
      if (note && std::find(plan.noted.begin(), plan.noted.end(), noted) == plan.noted.end()) {
        plan.noted.push_back(noted);
        const post::CitedItem bare{"", m.marker->items[i].key, noted.second, false};
        plan.rendering.citations.push_back(citeproc::in_brackets(item_syntax(bare, m.cited[i])));
      }
    }
    if (!note) {
      plan.rendering.citations.push_back(marker_syntax(m));
    }
  }
  plan.rendering.bibliography = !note;
  return plan;
}

} // namespace

tl::expected<StyledCitations, std::string> style_citations(const citeproc::CiteprocSetup& setup,
                                                           const std::vector<MarkerWorks>& markers,
                                                           const std::vector<store::StoredCitation>& listed,
                                                           const std::string& line_end) {
  StyledCitations out;
  out.note = setup.style.note;
  const Plan plan = plan_for(markers, listed, out.note);
  auto rendered = citeproc::render_citations(setup, works_json(plan.works), plan.rendering);
  if (!rendered) {
    return tl::make_unexpected(rendered.error());
  }
  out.warnings = rendered->warnings;
  if (out.note) {
    for (std::size_t i = 0; i < plan.noted.size(); ++i) {
      out.notes[plan.noted[i]] = rendered->citations[i];
    }
    return out;
  }
  out.in_text.assign(rendered->citations.begin() + static_cast<std::ptrdiff_t>(listed.size()), rendered->citations.end());
  std::vector<std::string> keys; // each work once, in citing order
  std::set<std::string> seen;
  for (const model::Citation& c : plan.works) {
    if (seen.insert(c.key).second) {
      keys.push_back(c.key);
    }
  }
  out.bibliography = block_text(keys, rendered->bibliography, line_end);
  out.listed = rendered->bibliography.size();
  return out;
}

tl::expected<StyledCitations, std::string> styled_post(store::Library& library, const Config& config,
                                                       const CslChoice& choice, std::string_view text,
                                                       const std::vector<MarkerWorks>& markers) {
  std::vector<std::string_view> lines = util::split(text, '\n');
  auto setup = csl_setup(config, choice, post::front_matter_field(lines, "lang"));
  if (!setup) {
    return tl::make_unexpected(setup.error());
  }
  std::vector<store::StoredCitation> listed;
  if (const auto block = find_bibliography(text)) {
    for (const std::string& key : block->keys) {
      if (auto c = store::find_by_key(library, key)) {
        listed.push_back(std::move(*c));
      }
    }
  }
  const std::string eol = text.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
  return style_citations(*setup, markers, listed, eol);
}

post::TextEdit bibliography_edit(std::string_view text, const std::string& bibliography) {
  if (const auto block = find_bibliography(text)) {
    return {block->offset, block->length, bibliography};
  }
  const std::string eol = text.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
  const bool ended = text.empty() || text.back() == '\n';
  return {text.size(), 0, (ended ? "" : eol) + eol + bibliography};
}

} // namespace refs::pipeline
