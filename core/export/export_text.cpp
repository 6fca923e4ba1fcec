#include "core/export/export_text.hpp"

#include <utility>

namespace refs::exporting {

void ExportText::add(std::string_view entry) {
  const bool csl = m_kind == Kind::csl_json;
  m_text += m_empty ? (csl ? "[\n" : "") : (csl ? ",\n" : "\n");
  m_text += entry;
  m_empty = false;
}

std::string ExportText::take() {
  return std::exchange(m_text, {});
}

std::string ExportText::finish() && {
  if (m_kind == Kind::csl_json) {
    m_text += m_empty ? "[]\n" : "\n]\n";
  }
  return std::move(m_text);
}

} // namespace refs::exporting
