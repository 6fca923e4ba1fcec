#include "core/model/work_id.hpp"

#include <array>
#include <utility>

namespace refs::model {

namespace {

constexpr std::array<std::pair<IdKind, const char*>, 5> k_names = {{
    {IdKind::arxiv, "arxiv"},
    {IdKind::doi, "doi"},
    {IdKind::url, "url"},
    {IdKind::canonical_url, "canonical_url"},
    {IdKind::note, "note"},
}};

} // namespace

const char* to_string(IdKind kind) {
  for (const auto& [k, name] : k_names) {
    if (k == kind) {
      return name;
    }
  }
  return "url";
}

bool parse_id_kind(const std::string& text, IdKind& kind) {
  for (const auto& [k, name] : k_names) {
    if (text == name) {
      kind = k;
      return true;
    }
  }
  return false;
}

} // namespace refs::model
