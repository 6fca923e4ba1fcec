#include "core/post/unified_diff.hpp"

#include <dtl/dtl.hpp>

#include <sstream>
#include <vector>

namespace refs::post {

namespace {

/// Lines with their ends; the last line may have none.
std::vector<std::string> lines_of(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    const std::size_t next = end == std::string_view::npos ? text.size() : end + 1;
    lines.emplace_back(text.substr(start, next - start));
    start = next;
  }
  return lines;
}

} // namespace

std::string unified_diff(std::string_view before, std::string_view after, const std::string& name) {
  if (before == after) {
    return "";
  }
  const std::vector<std::string> a = lines_of(before);
  const std::vector<std::string> b = lines_of(after);
  dtl::Diff<std::string, std::vector<std::string>> diff(a, b);
  diff.compose();
  diff.composeUnifiedHunks();
  std::ostringstream hunks;
  diff.printUnifiedFormat(hunks);
  // dtl prints each line followed by a newline of its own: the line's own
  // end is dropped again, and a last line without one gets diff's marker.
  std::string out = "--- a/" + name + "\n+++ b/" + name + "\n";
  const std::string text = hunks.str();
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) {
      end = text.size();
    }
    const bool content = text[start] == ' ' || text[start] == '+' || text[start] == '-';
    if (content && end + 1 < text.size() && text[end + 1] == '\n') {
      out.append(text, start, end + 1 - start); // the line and its own end
      start = end + 2;
      continue;
    }
    out.append(text, start, end - start);
    out += content ? "\n\\ No newline at end of file\n" : "\n";
    start = end + 1;
  }
  return out;
}

} // namespace refs::post
