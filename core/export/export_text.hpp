#pragma once

#include <string>
#include <string_view>

namespace refs::exporting {

/// Entries joined into the text of an export file, one at a time: BibTeX
/// and BibLaTeX entries one blank line apart, CSL-JSON items (as
/// csl_json_item() writes them) inside an array. The one place that knows
/// the separators, for the writers and for the streamed export alike.
class ExportText {
public:
  enum class Kind { bib, csl_json };

  explicit ExportText(Kind kind) : m_kind(kind) {}

  void add(std::string_view entry);
  /// The text added since the last take(), to write out as it comes.
  std::string take();
  /// The whole text, or what take() has not given ("[]\n" for no CSL-JSON
  /// item, "" for no entry).
  std::string finish() &&;

private:
  Kind m_kind;
  std::string m_text;
  bool m_empty = true;
};

} // namespace refs::exporting
