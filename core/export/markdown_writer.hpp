#pragma once

#include "core/model/citation.hpp"

#include <string>
#include <vector>

namespace refs::exporting {

/// A footnote to write: its label and the citation it defines.
struct MarkdownFootnote {
  std::string label;
  model::Citation citation;
};

/// Writes footnote definitions, one per line, in the given order:
/// `[^label]: Authors. [Title](URL). Site, YYYY-MM-DD. arXiv:ID.`, with
/// only the parts that are known. Title text is escaped so the link always
/// renders; a URL with spaces or unbalanced parentheses is written `<...>`.
std::string to_markdown(const std::vector<MarkdownFootnote>& footnotes);

} // namespace refs::exporting
