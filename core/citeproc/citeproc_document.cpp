#include "core/citeproc/citeproc_document.hpp"

#include "core/util/string.hpp"

#include <algorithm>
#include <charconv>
#include <map>

namespace refs::citeproc {

// pandoc's citation syntax (https://pandoc.org/MANUAL.html#citation-syntax)
// in, its GitHub Markdown writer out (pandoc 2.17, --wrap=none): a note
// style's citations become footnote references with `[^N]: …` definitions
// at the end, an in-text style's stay in their paragraph, and citeproc
// puts the bibliography in a Div #refs of Divs #ref-KEY, which the filter
// below turns into marked paragraphs.

namespace {

constexpr std::string_view k_citation = "REFSCITE";
constexpr std::string_view k_entry = "REFSENTRY";

/// The document's lines, a footnote's indented continuation joined to it.
std::vector<std::string> logical_lines(std::string_view text) {
  std::vector<std::string> out;
  for (std::string_view line : util::split(text, '\n')) {
    if (line.starts_with("    ") && !out.empty() && out.back().starts_with("[^")) {
      out.back() += "\n\n";
      out.back() += line.substr(4);
    } else {
      out.emplace_back(line);
    }
  }
  return out;
}

/// Whether pandoc reads `@key` whole: a letter, digit or `_` first, and
/// each of its inner punctuation followed by one of those.
bool simple_key(const std::string& key) {
  const auto word = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  };
  constexpr std::string_view k_inner = ":.#$%&-+?<>~/";
  for (std::size_t i = 0; i < key.size(); ++i) {
    const bool inner = i > 0 && i + 1 < key.size() && k_inner.find(key[i]) != std::string_view::npos && word(key[i + 1]);
    if (!word(key[i]) && !inner) {
      return false;
    }
  }
  return !key.empty();
}

} // namespace

std::string pandoc_key(const std::string& key) { return simple_key(key) ? "@" + key : "@{" + key + "}"; }

std::string in_brackets(const std::string& text) {
  std::string out = "[";
  out += text;
  out += ']';
  return out;
}

std::string citeproc_document(const Rendering& rendering) {
  std::string doc;
  for (std::size_t i = 0; i < rendering.citations.size(); ++i) {
    doc += std::string(k_citation) + std::to_string(i) + " " + rendering.citations[i] + "\n\n";
  }
  return doc + "::: {#refs}\n:::\n";
}

std::string_view citeproc_filter() {
  return R"lua(-- Written by refs: marks bibliography entries with their keys, unwraps layout spans.
local layout = {["csl-left-margin"] = true, ["csl-right-inline"] = true, ["csl-block"] = true, ["csl-indent"] = true}
function Span(s)
  for _, class in ipairs(s.classes) do
    if layout[class] then return s.content end
  end
end
function Div(d)
  local key = d.identifier:match("^ref%-(.+)$")
  if key then
    local blocks = {pandoc.Para({pandoc.Str("REFSENTRY" .. key)})}
    for _, b in ipairs(d.content) do table.insert(blocks, b) end
    return blocks
  end
  if d.identifier == "refs" then return d.content end
end
)lua";
}

tl::expected<Rendered, std::string> read_rendered(std::string_view gfm, std::size_t citations) {
  Rendered out;
  out.citations.resize(citations);
  std::vector<bool> seen(citations, false);
  std::map<std::string, std::string> notes; // "1" -> its text
  Entry* entry = nullptr;
  for (const std::string& line : logical_lines(gfm)) {
    std::size_t n = 0;
    const char* digits = line.data() + std::min(line.size(), k_citation.size());
    const auto [end, failed] = std::from_chars(digits, line.data() + line.size(), n);
    if (line.starts_with(k_citation) && failed == std::errc()) {
      if (n < citations) {
        out.citations[n] = std::string(util::trim(std::string_view(end, line.data() + line.size() - end)));
        seen[n] = true;
      }
      entry = nullptr;
    } else if (line.starts_with(k_entry)) {
      out.bibliography.push_back({line.substr(k_entry.size()), ""});
      entry = &out.bibliography.back();
    } else if (line.starts_with("[^") && line.find("]: ") != std::string::npos) {
      notes[line.substr(2, line.find("]: ") - 2)] = line.substr(line.find("]: ") + 3);
      entry = nullptr;
    } else if (entry != nullptr && !util::trim(line).empty()) {
      entry->text += (entry->text.empty() ? "" : "\n\n") + line;
    }
  }
  for (std::size_t i = 0; i < citations; ++i) {
    if (!seen[i]) {
      return tl::make_unexpected(std::string("pandoc's output lacks citation ") + std::to_string(i + 1));
    }
    std::string& c = out.citations[i];
    if (c.starts_with("[^") && c.ends_with("]")) { // a note style: the note's text
      const auto note = notes.find(c.substr(2, c.size() - 3));
      if (note == notes.end()) {
        return tl::make_unexpected(std::string("pandoc's output lacks the note of citation ") + std::to_string(i + 1));
      }
      c = note->second;
    }
  }
  return out;
}

} // namespace refs::citeproc
