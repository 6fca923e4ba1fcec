#include "core/pipeline/cite_post.hpp"

#include "core/pipeline/cite_styles.hpp"
#include "core/pipeline/post_works.hpp"
#include "core/post/citation_markers.hpp"
#include "core/post/footnote_insert.hpp"
#include "core/post/post_file.hpp"
#include "core/store/citation_store.hpp"
#include "core/store/match_key_store.hpp"
#include "core/util/string.hpp"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <set>

namespace refs::pipeline {

namespace {

/// "p. 3" -> "p3", "pp. 33–35" -> "pp33-35", "sec. 4.1" -> "sec4-1".
std::string locator_slug(std::string_view locator) {
  std::string out;
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  for (std::size_t i = 0; i < locator.size(); ++i) {
    const char c = locator[i];
    if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      continue;
    }
    const bool between_digits = c == '.' && i > 0 && digit(locator[i - 1]) && i + 1 < locator.size() && digit(locator[i + 1]);
    const bool separator = between_digits || c == '-' || c == ',' || c == ';' || c == '/' ||
                           locator.substr(i, 3) == "\xE2\x80\x93"; // en dash
    if (separator && !out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') {
    out.pop_back();
  }
  return out.empty() ? "loc" : out;
}

/// Chooses the label of each cited work and collects the definitions to add.
class Labeller {
public:
  /// A work's text for a definition, with a locator: the Markdown style's,
  /// or a CSL style's note.
  using TextOf = std::function<std::string(const store::StoredCitation&, const std::string& locator)>;

  Labeller(const std::vector<FootnoteWorks>& works, TextOf text) : m_works(works), m_text(std::move(text)) {
    for (const FootnoteWorks& f : works) {
      m_post.emplace(util::to_lower_ascii(f.label), &f);
    }
  }

  /// The label for citing `c` with `locator`; adds its definition when new.
  std::string label(const store::StoredCitation& c, const std::string& locator, CitedPost& out) {
    const auto key = std::make_pair(c.id, locator);
    if (const auto it = m_given.find(key); it != m_given.end()) {
      return it->second;
    }
    std::string label;
    const std::string wanted = locator.empty() ? base_label(c) : base_label(c) + "-" + locator_slug(locator);
    if (reusable(wanted, c.id)) {
      label = m_post.at(util::to_lower_ascii(wanted))->label;
      ++out.reused;
    } else {
      label = free_label(wanted);
      m_new.insert(util::to_lower_ascii(label));
      m_definitions.push_back("[^" + label + "]: " + m_text(c, locator));
      ++out.added;
    }
    m_given.emplace(key, label);
    return label;
  }

  /// The work's text with a locator, as its definitions have it.
  std::string text(const store::StoredCitation& c, const std::string& locator) const { return m_text(c, locator); }
  const std::vector<std::string>& definitions() const { return m_definitions; }

private:
  /// The label of the post's own footnote that is only a link to the work,
  /// else one made from its key.
  std::string base_label(const store::StoredCitation& c) const {
    for (const FootnoteWorks& f : m_works) {
      if (f.joinable && f.extra.empty() && only_citation(f) == c.id) {
        return f.label;
      }
    }
    return exporting::footnote_label(c.citation.key);
  }

  /// Whether the post defines `label` for this work (or, without links,
  /// for whatever its label names).
  bool reusable(const std::string& label, std::int64_t id) const {
    const auto it = m_post.find(util::to_lower_ascii(label));
    return it != m_post.end() && (only_citation(*it->second) == id || !it->second->linked);
  }

  std::string free_label(const std::string& wanted) const {
    const auto taken = [&](const std::string& l) {
      const std::string lower = util::to_lower_ascii(l);
      return m_post.contains(lower) || m_new.contains(lower);
    };
    std::string label = wanted;
    for (int n = 2; taken(label); ++n) {
      label = wanted + "-" + std::to_string(n);
    }
    return label;
  }

  const std::vector<FootnoteWorks>& m_works;
  TextOf m_text;
  std::map<std::string, const FootnoteWorks*> m_post; ///< lower-case label -> first definition
  std::set<std::string> m_new;                        ///< lower-case labels added
  std::map<std::pair<std::int64_t, std::string>, std::string> m_given;
  std::vector<std::string> m_definitions;
};

/// `link` when each of the post's footnotes is only a link, else `full`.
exporting::MarkdownStyle post_style(const std::vector<FootnoteWorks>& works) {
  bool linked = false;
  for (const FootnoteWorks& f : works) {
    if (!f.joinable) {
      continue;
    }
    if (!f.extra.empty()) {
      return {};
    }
    linked = true;
  }
  return linked ? exporting::MarkdownStyle{exporting::MarkdownStyle::Kind::link, ""} : exporting::MarkdownStyle{};
}

/// The text a marker becomes: footnote references in prose, the works'
/// own text inside a footnote.
std::string replacement(const post::CitationMarker& marker, const std::vector<store::StoredCitation>& cited,
                        Labeller& labels, CitedPost& out) {
  std::string text;
  for (std::size_t i = 0; i < marker.items.size(); ++i) {
    const post::CitedItem& item = marker.items[i];
    const store::StoredCitation& c = cited[i];
    if (marker.in_footnote) {
      // The sentence around the marker ends itself.
      std::string inline_text = labels.text(c, item.locator);
      if (inline_text.ends_with('.')) {
        inline_text.pop_back();
      }
      text += (i == 0 ? "" : "; ") + item.prefix + (item.prefix.empty() ? "" : " ") + inline_text;
      continue;
    }
    if (i > 0 && !item.prefix.empty()) {
      text += ' ';
    }
    text += item.prefix;
    if (!marker.bracketed) {
      text += exporting::in_text_name(c.citation);
    }
    text += "[^" + labels.label(c, item.locator, out) + "]";
  }
  return text;
}

std::string where(const std::filesystem::path& path, int line) { return path.string() + ":" + std::to_string(line); }

/// The works a marker cites, in its order, or none when it is not to be
/// replaced: a key unknown (an error for a bracketed marker), or a bare
/// `@key` without --bare (noted when the key is the library's).
std::vector<store::StoredCitation> cited_works(store::Library& library, const post::CitationMarker& marker,
                                               const CiteRequest& request, CitedPost& out) {
  std::vector<store::StoredCitation> cited;
  for (const post::CitedItem& item : marker.items) {
    if (auto c = store::find_by_key(library, item.key)) {
      cited.push_back(std::move(*c));
    } else if (marker.bracketed) {
      out.errors.push_back(where(request.post, marker.line) + ": unknown citation key '" + item.key + "'");
    }
  }
  if (!marker.bracketed && !request.bare && !cited.empty()) {
    out.notes.push_back(where(request.post, marker.line) + ": @" + marker.items.front().key +
                        " is left as text; --bare cites it");
  }
  if ((!marker.bracketed && !request.bare) || cited.size() != marker.items.size()) {
    return {};
  }
  return cited;
}

/// The markers to replace, with their works; unknown keys go to `out.errors`.
std::vector<MarkerWorks> chosen_markers(store::Library& library, const std::vector<post::CitationMarker>& markers,
                                        const CiteRequest& request, CitedPost& out) {
  std::vector<MarkerWorks> chosen;
  for (const post::CitationMarker& marker : markers) {
    std::vector<store::StoredCitation> cited = cited_works(library, marker, request, out);
    if (!cited.empty()) {
      chosen.push_back({&marker, std::move(cited)});
    }
  }
  return chosen;
}

/// What each chosen marker becomes, and an in-text style's bibliography.
std::vector<post::TextEdit> edits_for(const std::vector<MarkerWorks>& chosen, const StyledCitations* styled,
                                      std::string_view text, Labeller& labels, CitedPost& out) {
  std::vector<post::TextEdit> edits;
  std::set<std::int64_t> ids;
  for (std::size_t i = 0; i < chosen.size(); ++i) {
    const post::CitationMarker& marker = *chosen[i].marker;
    if (styled != nullptr && !styled->note) {
      edits.push_back({marker.offset, marker.length, styled->in_text[i]});
    } else {
      // "Text [@a]." becomes "Text[^a].": a reference follows its word.
      const bool pull = marker.bracketed && !marker.in_footnote && marker.after_text && marker.items.front().prefix.empty();
      const std::size_t back = pull ? marker.space_before : 0;
      edits.push_back({marker.offset - back, marker.length + back, replacement(marker, chosen[i].cited, labels, out)});
    }
    for (const store::StoredCitation& c : chosen[i].cited) {
      ids.insert(c.id);
    }
    ++out.markers;
  }
  if (styled != nullptr && !styled->note && styled->listed > 0) { // a style may have no bibliography
    // The block may stand before markers added after it was written.
    edits.push_back(bibliography_edit(text, styled->bibliography));
    out.listed = styled->listed;
    std::stable_sort(edits.begin(), edits.end(), [](const auto& a, const auto& b) { return a.offset < b.offset; });
  }
  out.citation_ids.assign(ids.begin(), ids.end());
  return edits;
}

} // namespace

tl::expected<CitedPost, std::string> cite_post(store::Library& library, const Config& config, const CiteRequest& request) {
  auto file = post::load_post(request.post);
  if (!file) {
    return tl::make_unexpected(file.error());
  }
  store::ensure_match_keys(library);
  CitedPost out{request.post, file->text, file->text, {}, {}, {}, {}, 0, 0, 0, 0};
  const post::PostScan scan = post::read_footnotes(file->text, request.post.string());
  const std::vector<post::CitationMarker> markers = post::scan_citation_markers(file->text, scan);
  const std::vector<MarkerWorks> chosen = chosen_markers(library, markers, request, out);
  if (!out.errors.empty()) {
    return out;
  }
  std::optional<StyledCitations> styled;
  if (request.csl && !chosen.empty()) {
    auto made = styled_post(library, config, *request.csl, file->text, chosen);
    if (!made) {
      return tl::make_unexpected(request.post.string() + ": " + made.error());
    }
    styled = std::move(*made);
    out.warnings = styled->warnings;
  }
  const std::vector<FootnoteWorks> works = footnote_works(library, config, scan);
  const exporting::MarkdownStyle style = request.style.value_or(post_style(works));
  Labeller labels(works, [&](const store::StoredCitation& c, const std::string& locator) {
    if (styled) { // a note style: every work and locator cited has its note
      if (const auto note = styled->notes.find({c.id, locator}); note != styled->notes.end()) {
        return note->second;
      }
    }
    return exporting::footnote_text(c.citation, style, locator);
  });
  const std::vector<post::TextEdit> edits = edits_for(chosen, styled ? &*styled : nullptr, file->text, labels, out);
  out.after = post::insert_footnotes(file->text, scan, edits, labels.definitions());
  return out;
}

void write_cited_post(const CitedPost& cited) { post::replace_post(cited.path, cited.before, cited.after); }

void fix_cited_keys(store::Library& library, const CitedPost& cited) {
  store::WriteTransaction tx(library);
  store::fix_keys(library, cited.citation_ids);
  tx.commit();
}

} // namespace refs::pipeline
