#pragma once

#include "core/model/citation.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace refs::exporting {

/// A footnote to write: its label and the citation it defines.
struct MarkdownFootnote {
  std::string label;
  model::Citation citation;
  std::string locator = {}; ///< "p. 3": ends the definition
};

/// How a definition reads. `full`: `Authors. [Title](URL). Site,
/// YYYY-MM-DD. arXiv:ID. [archived](CAPTURE).` with only the parts that are
/// known; `link`: the
/// sample post's own style, `[Title](URL)`; `templated`: `text` with
/// `{field}` replaced (markdown_template_fields lists them).
struct MarkdownStyle {
  enum class Kind { full, link, templated };
  Kind kind = Kind::full;
  std::string text; ///< the template, for `templated`
};

/// The fields a template may name: key, title, link, url, authors, author
/// (the first), year, date, site, container, publisher, doi, arxiv, note,
/// archived (the URL of an archived copy).
const std::vector<std::string>& markdown_template_fields();

/// The `{field}` names of a template that are not fields, in order.
std::vector<std::string> unknown_template_fields(std::string_view text);

/// A footnote label for a citation key that every footnote syntax reads:
/// kramdown wants `\w[\w-]*` in ASCII, so other characters (`:` `/` `.`)
/// become `-` ("Peng:2023" -> "Peng-2023").
std::string footnote_label(std::string_view key);

/// The text of a footnote definition for the citation (what follows
/// `[^label]: `), ending with the locator when there is one: "..., p. 3".
/// The title links to the citation's URL, else its DOI or arXiv page.
std::string footnote_text(const model::Citation& citation, const MarkdownStyle& style, std::string_view locator = {});

/// How running text names a work before its footnote reference: family
/// names ("Peng", "Peng and Quesnelle", "Peng et al."), else an
/// organisation author or the site; "" when none is known.
std::string in_text_name(const model::Citation& citation);

/// Writes footnote definitions, one per line, in the given order and style.
/// Text is escaped for Markdown (`[`, `]`, `*`, `_`, backquote, `<`) so a
/// link always renders; a URL with spaces or unbalanced parentheses is
/// written `<...>`.
std::string to_markdown(const std::vector<MarkdownFootnote>& footnotes, const MarkdownStyle& style = {});

} // namespace refs::exporting
