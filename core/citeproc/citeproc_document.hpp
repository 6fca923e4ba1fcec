#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

namespace refs::citeproc {

/// What to render with a style: citations in a document's order, each in
/// pandoc's syntax ("[see @key, p. 3; @other]", "@key", "@key [p. 3]"),
/// and whether to write the bibliography of the works cited.
struct Rendering {
  std::vector<std::string> citations;
  bool bibliography = false;
};

/// One entry of a bibliography, as Markdown.
struct Entry {
  std::string key;
  std::string text;
};

/// What the style made: per citation, its in-text form ("(Peng et al.,
/// 2023, p. 3)", "[1]") or, for a note style, its note; the bibliography in
/// the style's order.
struct Rendered {
  std::vector<std::string> citations;
  std::vector<Entry> bibliography;
  std::vector<std::string> warnings{}; ///< what pandoc warned of, one line each
};

/// The Markdown document pandoc renders: one paragraph per citation behind
/// a marker that says which it is, then the bibliography's place.
std::string citeproc_document(const Rendering& rendering);

/// A pandoc Lua filter run after citeproc: it marks each bibliography entry
/// with its key and unwraps the spans citeproc lays entries out with (a
/// numeric style's label column), so GitHub Markdown holds no HTML.
std::string_view citeproc_filter();

/// Reads pandoc's output (GitHub Markdown, unwrapped) of that document.
/// Fails when a citation or a note is missing from it.
tl::expected<Rendered, std::string> read_rendered(std::string_view gfm, std::size_t citations);

/// `@key` as pandoc reads it: braced when the key has characters a bare key
/// cannot hold (`@{DBLP:conf/x}` stays readable either way).
std::string pandoc_key(const std::string& key);

/// `text` in brackets: a bracketed citation ("[@key]", "[see @key, p. 3]").
std::string in_brackets(const std::string& text);

} // namespace refs::citeproc
