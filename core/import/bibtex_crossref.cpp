#include "core/import/bibtex_crossref.hpp"

#include "core/util/string.hpp"

#include <algorithm>
#include <array>
#include <map>

namespace refs::importing {

namespace {

bool inherited(const std::string& name) {
  static constexpr std::array<std::string_view, 13> k_names = {
      "booktitle", "year", "month", "date", "publisher", "organization", "institution", "school",
      "volume", "series", "editor", "address", "location"};
  return std::find(k_names.begin(), k_names.end(), name) != k_names.end();
}

} // namespace

void resolve_crossrefs(std::vector<BibEntry>& entries) {
  std::map<std::string, const BibEntry*> by_key; // made at the first crossref: most files have none
  for (BibEntry& e : entries) {
    const auto ref = std::find_if(e.fields.begin(), e.fields.end(), [](const auto& f) { return f.first == "crossref"; });
    if (ref == e.fields.end()) {
      continue;
    }
    if (by_key.empty()) {
      for (const BibEntry& any : entries) {
        by_key.emplace(util::to_lower_ascii(any.key), &any);
      }
    }
    const auto parent = by_key.find(util::to_lower_ascii(ref->second));
    if (parent == by_key.end() || parent->second == &e) {
      continue;
    }
    const std::vector<std::pair<std::string, std::string>> parent_fields = parent->second->fields;
    for (const auto& [name, text] : parent_fields) {
      const std::string as = name == "title" ? "booktitle" : name;
      const bool have = std::any_of(e.fields.begin(), e.fields.end(), [&](const auto& f) { return f.first == as; });
      if (!have && inherited(as)) {
        e.fields.emplace_back(as, text);
      }
    }
  }
}

} // namespace refs::importing
