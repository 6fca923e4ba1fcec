#include "core/pipeline/csl_markdown.hpp"

#include "core/citeproc/csl_locale.hpp"
#include "core/export/csl_json_writer.hpp"

#include <map>
#include <set>

namespace refs::pipeline {

tl::expected<citeproc::CiteprocSetup, std::string> csl_setup(const Config& config, const CslChoice& choice,
                                                             const std::string& post_lang) {
  auto style = citeproc::find_csl_style(choice.style, config.csl_styles);
  if (!style) {
    return tl::make_unexpected(style.error());
  }
  citeproc::CiteprocSetup setup{config.pandoc, std::move(*style), ""};
  const std::string lang = !choice.lang.empty() ? choice.lang : post_lang;
  if (!lang.empty()) {
    auto checked = citeproc::checked_locale(lang, config.csl_locales);
    if (!checked) {
      return tl::make_unexpected(checked.error());
    }
    setup.lang = *checked;
  }
  return setup;
}

std::string works_json(const std::vector<model::Citation>& citations) {
  std::vector<model::Citation> once;
  std::set<std::string> keys;
  for (const model::Citation& c : citations) {
    if (keys.insert(c.key).second) {
      once.push_back(c);
    }
  }
  return exporting::to_csl_json_array(once);
}

namespace {

/// Passes on what pandoc warned of. When the bibliography is what is
/// used, the in-text citations that only select its works are not
/// written: that one renders as nothing says nothing of the output.
void pass_warnings(const citeproc::Rendered& rendered, bool citations_used, std::vector<std::string>& warnings) {
  for (const std::string& warning : rendered.warnings) {
    if (citations_used || warning.find("Citation with no printed form") == std::string::npos) {
      warnings.push_back(warning);
    }
  }
}

} // namespace

tl::expected<std::string, std::string> csl_footnotes(const citeproc::CiteprocSetup& setup,
                                                     const std::vector<exporting::MarkdownFootnote>& footnotes,
                                                     std::vector<std::string>& warnings) {
  citeproc::Rendering rendering;
  std::vector<model::Citation> citations;
  for (const exporting::MarkdownFootnote& f : footnotes) {
    rendering.citations.push_back(citeproc::in_brackets(citeproc::pandoc_key(f.citation.key)));
    citations.push_back(f.citation);
  }
  rendering.bibliography = !setup.style.note;
  auto rendered = citeproc::render_citations(setup, works_json(citations), rendering);
  if (!rendered) {
    return tl::make_unexpected(rendered.error());
  }
  // A style with no bibliography (Bluebook's inline citations) says all in
  // its citations: they are the footnotes then.
  const bool notes = setup.style.note || rendered->bibliography.empty();
  pass_warnings(*rendered, notes, warnings);
  std::string out;
  if (notes) {
    for (std::size_t i = 0; i < footnotes.size(); ++i) {
      out += "[^" + footnotes[i].label + "]: " + rendered->citations[i] + "\n";
    }
    return out;
  }
  for (const citeproc::Entry& entry : rendered->bibliography) {
    out += (out.empty() ? "" : "\n") + entry.text + "\n";
  }
  return out;
}

tl::expected<std::vector<std::string>, std::string> csl_entries(const citeproc::CiteprocSetup& setup,
                                                                const std::vector<model::Citation>& works,
                                                                std::vector<std::string>& warnings) {
  citeproc::Rendering rendering;
  for (const model::Citation& c : works) {
    rendering.citations.push_back(citeproc::in_brackets(citeproc::pandoc_key(c.key)));
  }
  rendering.bibliography = true;
  auto rendered = citeproc::render_citations(setup, works_json(works), rendering);
  if (!rendered) {
    return tl::make_unexpected(rendered.error());
  }
  std::map<std::string, std::string> entries;
  for (citeproc::Entry& entry : rendered->bibliography) {
    entries[entry.key] = std::move(entry.text);
  }
  pass_warnings(*rendered, entries.empty(), warnings);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < works.size(); ++i) {
    const auto entry = entries.find(works[i].key);
    out.push_back(entry != entries.end() ? entry->second : rendered->citations[i]);
  }
  return out;
}

} // namespace refs::pipeline
