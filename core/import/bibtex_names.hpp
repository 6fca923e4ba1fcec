#pragma once

#include "core/model/citation.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace refs::importing {

/// A BibTeX name list as people.
struct NameList {
  std::vector<model::Person> people;
  /// Names that give no family name once read ("{, }", "{\Thanh}" with
  /// its macro unknown, "{{}}"), as written: left out, for a warning.
  std::vector<std::string> dropped;
};

/// Reads a name list as BibTeX and biber do: names split at the word "and"
/// outside braces (in any case; an empty name between two is nothing);
/// "von Last, First", "von Last, Jr, First" and "First von Last" (von: the
/// words that begin in lower case); a name in braces is a body's, kept
/// whole; BibLaTeX's "family=…, given=…, prefix=…, suffix=…". "others" is
/// CSL's et-al. marker, {"literal": "others"}, as pandoc writes it. A
/// particle goes with the family name ("van Beethoven"). A name without
/// commas or lower-case particles is read by csl::person_from_name, which
/// knows capitalised particles ("Del Maestro"), suffixes and bodies
/// ("Microsoft Research"). LaTeX is decoded to UTF-8.
NameList read_bibtex_names(std::string_view text);

} // namespace refs::importing
