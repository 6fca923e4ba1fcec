#pragma once

#include "core/model/citation.hpp"

#include <memory>
#include <optional>
#include <string_view>

namespace refs::csl {

/// Reads citations from the compact CSL-JSON text csl_json_text() writes (as
/// the library stores it), with simdjson: the same citation from_csl_json()
/// gives, several times faster. nullopt for anything else (another layout,
/// a field it does not know, a value it would reject): then read the text
/// with from_csl_json(), which says what is wrong. One reader per thread;
/// it keeps its parser's buffers from record to record.
class CslRecordReader {
public:
  CslRecordReader();
  ~CslRecordReader();
  CslRecordReader(const CslRecordReader&) = delete;
  CslRecordReader& operator=(const CslRecordReader&) = delete;

  std::optional<model::Citation> read(std::string_view compact);

private:
  struct Parser;
  std::unique_ptr<Parser> m_parser;
};

/// One record with a reader of its own.
std::optional<model::Citation> read_csl_record(std::string_view compact);

} // namespace refs::csl
