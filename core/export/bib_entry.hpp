#pragma once

#include "core/model/citation.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace refs::exporting {

/// Whether a thesis is a master's thesis (by its genre), not a PhD's.
bool is_masters(const model::Citation& c);

/// A book's or paper's number in its series: the CSL `number`, unless that
/// holds the arXiv id ("arXiv:2309.00071"), which is written as `eprint`.
std::string series_number(const model::Citation& c);

// What the BibTeX and BibLaTeX writers share: the shape of an entry, names
// and page ranges. Every value is braced, never quoted, so a `"` in a title
// needs no care; braces inside values always balance (latex_text.cpp).

struct BibField {
  std::string name;
  std::string value;
  bool bare = false; ///< a macro such as a month, written without braces
};

/// What a work is, for both writers' entry types. A journal article
/// without its journal, or a paper without its proceedings, is `other`:
/// their entry types would require the missing field.
enum class BibKind { preprint, article, inproceedings, incollection, book, report, thesis, other };

/// The kind of a citation; `preprint` when it has an arXiv id and is not a
/// published kind (an article in its journal, a paper in its proceedings,
/// a chapter, book, report or thesis), which keeps its kind and the eprint.
BibKind bib_kind(const model::Citation& c, bool preprint);

/// The title as BibTeX gets it: as an imported entry wrote it when that
/// holds LaTeX (math, macros), else protect_title's.
std::string bib_title(const model::Citation& c);

/// Appends a field unless its value is empty.
void add_field(std::vector<BibField>& fields, const std::string& name, const std::string& value);

/// Appends what an imported entry said that the writers leave out of
/// works they describe themselves: its abstract, language and ISBN (an
/// ISBN beyond books), when those came from the import.
void add_imported_fields(std::vector<BibField>& fields, const model::Citation& c);

/// Appends the fields an imported entry had that no CSL field holds
/// (Citation::bib_fields), as they came, unless a field of that name is
/// written already, nor `keep(name)` false.
void add_kept_fields(std::vector<BibField>& fields, const model::Citation& c, bool (*keep)(std::string_view) = nullptr);

/// How an entry's text is written: UTF-8 as it is (biber, modern BibTeX),
/// or ASCII for 8-bit BibTeX (LaTeX accent commands, latex_ascii.hpp; in
/// URL-like fields, non-ASCII bytes percent-encoded). `problems` gets one
/// line per character kept as UTF-8 for want of a LaTeX form.
struct BibText {
  bool ascii = false;
  std::vector<std::string>* problems = nullptr;
};

/// `@type{key,` then one `  name = {value},` line per field, then `}`.
std::string format_entry(const std::string& type, const std::string& key, const std::vector<BibField>& fields,
                         const BibText& text = {});

/// Authors as BibTeX names: `Family, Given` for people, corporate names
/// braced whole (`{Microsoft Research AI4Science}`), `and` between them.
std::string bib_names(const std::vector<model::Person>& people);

/// A CSL page range ("635-641", an en dash) with BibTeX's "--".
std::string bib_pages(const std::string& page);

/// "Archived at \\url{CAPTURE} on YYYY-MM-DD" for a citation with an
/// archived copy, else "": BibLaTeX's addendum and BibTeX's note, which every
/// style prints.
std::string archive_note(const model::Citation& c);

} // namespace refs::exporting
