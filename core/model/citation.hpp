#pragma once

#include "core/model/date.hpp"
#include "core/model/work_id.hpp"

#include <map>
#include <string>
#include <vector>

namespace refs::model {

/// A person or a body that authored a work. A corporate author has only
/// `literal`; a person has `family` and usually `given`. `literal`
/// "others" is CSL's et-al. marker (BibTeX's "and others").
struct Person {
  std::string family;
  std::string given;
  std::string literal;
  std::string suffix{}; ///< "Jr.", "III"

  bool operator==(const Person&) const = default;
};

/// Whether a name is the et-al. marker rather than a person.
inline bool is_et_al(const Person& p) { return p.literal == "others" && p.family.empty(); }

/// One work as the library keeps it. The fields map one to one onto CSL-JSON
/// (see core/csl/csl_json.hpp); everything of our own (identifiers, the source
/// of each field, key state, timestamps) travels in CSL's `custom` object.
struct Citation {
  std::string key;  ///< CSL `id` and the BibTeX key
  std::string type; ///< a CSL item type: article, webpage, document, ...
  std::string genre; ///< CSL's kind within the type: "Master's thesis", "PhD thesis"
  std::string title;
  std::vector<Person> authors;
  std::vector<Person> editors;
  Date issued;
  std::string container_title; ///< journal, or the website's name for a page
  std::string container_title_short{}; ///< the venue's short name: "ICLR", "NeurIPS"
  std::string collection_title; ///< the series a book or proceedings volume belongs to
  std::string edition;
  std::string volume;
  std::string issue;
  std::string page;
  std::string publisher;
  std::string publisher_place;
  std::string url;
  std::string doi;
  std::string isbn;
  std::string number; ///< for arXiv preprints "arXiv:ID", as Zotero and pandoc write it
  std::string abstract;
  Date accessed;
  std::string language;
  std::string note;

  std::string primary_class; ///< arXiv's primary category (cs.CL), for BibTeX's primaryClass
  std::string journal_ref;   ///< arXiv's journal reference of the published version
  std::string comment;       ///< arXiv's author comment ("20 pages, 3 figures")
  std::string categories;    ///< arXiv's categories, space-separated (cs.CL cs.AI)

  /// Fields of an imported BibTeX entry that no field above holds, by
  /// lower-case name, as written (LaTeX kept): `file`, `keywords`, `issn`,
  /// `entrysubtype`, `editortype`, a tool's own. Exported back as they came.
  std::map<std::string, std::string> bib_fields;

  /// An archived copy of the page (a Wayback Machine capture), for a page
  /// that died or sits behind a wall: the capture's URL for readers and
  /// when it was captured (ISO 8601 UTC).
  std::string archive_url{};
  std::string archive_date{};

  std::vector<WorkId> ids;
  /// The source each known field came from ("post", "user", later "arxiv", ...),
  /// keyed by its CSL name. A field without an entry has no value.
  std::map<std::string, std::string> sources;
  /// False while the key was made from the post's own data only: the first
  /// resolution from a real source may still replace it.
  bool key_fixed = false;
  std::string created; ///< ISO 8601 UTC
  std::string updated; ///< ISO 8601 UTC

  bool operator==(const Citation&) const = default;
};

} // namespace refs::model
