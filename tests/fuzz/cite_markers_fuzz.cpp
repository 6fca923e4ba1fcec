// libFuzzer target: any valid UTF-8 as a post; its pandoc citation markers
// are found and each replaced by a footnote reference with a definition
// appended, as `refs cite` does. Besides memory errors, it checks that
// markers lie inside the post and do not overlap, that a rewrite without
// edits is the post byte for byte, and that the rewrite holds every byte
// around the markers. The same text is also a `refs search` query: read, it
// must run on a library without an SQL error (the FTS5 expressions refs
// builds from a user's words must always be valid).
#include "core/pipeline/search_library.hpp"
#include "core/post/citation_markers.hpp"
#include "core/post/footnote_insert.hpp"
#include "core/search/search_query.hpp"
#include "core/store/library.hpp"
#include "core/util/error.hpp"
#include "core/util/utf8.hpp"

#include <SQLiteCpp/Database.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

/// A library in memory with a Latin and a Korean row, made once.
refs::store::Library& search_library() {
  static refs::store::Library library = [] {
    auto lib = refs::store::Library::open("", refs::store::Access::read_only);
    lib.db().exec("INSERT INTO citations (key, type, title, year, record, created_at, updated_at) VALUES "
                  "('a', 'book', 'Deep Müller', 2020, '{\"id\":\"a\",\"type\":\"book\",\"title\":\"Deep Müller\"}', "
                  "'t', 't'), ('b', 'thesis', '딥러닝 기반', 2021, '{\"id\":\"b\",\"type\":\"thesis\",\"title\":"
                  "\"딥러닝 기반\"}', 't', 't')");
    return lib;
  }();
  return library;
}

void check_search(std::string_view text) {
  const auto query = refs::search::parse_query(text);
  if (!query) {
    return;
  }
  try {
    (void)refs::pipeline::search_library(search_library(), *query, 5);
  } catch (const refs::Error& e) {
    std::fprintf(stderr, "search failed: %s\n", e.what());
    std::abort();
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (refs::util::find_invalid_utf8(text) || text.find('\0') != std::string_view::npos) {
    return 0;
  }
  check_search(text);
  const refs::post::PostScan scan = refs::post::read_footnotes(text, "fuzz.md");
  if (refs::post::insert_footnotes(text, scan, {}, {}) != text) {
    std::abort();
  }
  std::vector<refs::post::TextEdit> edits;
  std::vector<std::string> definitions;
  std::size_t end = 0;
  std::size_t kept = text.size();
  for (const refs::post::CitationMarker& m : refs::post::scan_citation_markers(text, scan)) {
    if (m.offset < end || m.offset + m.length > text.size() || m.items.empty() || m.length == 0) {
      std::abort();
    }
    end = m.offset + m.length;
    const std::string label = "[^k" + std::to_string(edits.size()) + "]";
    edits.push_back({m.offset, m.length, label});
    definitions.push_back(label + ": " + m.items.front().key);
    kept -= m.length;
  }
  const std::string after = refs::post::insert_footnotes(text, scan, edits, definitions);
  std::size_t added = 0;
  for (const auto& e : edits) {
    added += e.text.size();
  }
  if (after.size() < kept + added || after.compare(0, edits.empty() ? text.size() : edits.front().offset, text, 0,
                                                   edits.empty() ? text.size() : edits.front().offset) != 0) {
    std::abort();
  }
  return 0;
}
