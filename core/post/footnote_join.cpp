#include "core/post/footnote_join.hpp"

#include "core/post/link_scanner.hpp"
#include "core/post/post_lines.hpp"
#include "core/util/string.hpp"

#include <algorithm>
#include <set>

namespace refs::post {

namespace {

const FootnoteJoin* join_for(const std::vector<FootnoteJoin>& joins, std::string_view label) {
  const std::string lowered = util::to_lower_ascii(label);
  const auto it = std::find_if(joins.begin(), joins.end(),
                               [&](const FootnoteJoin& j) { return util::to_lower_ascii(j.drop) == lowered; });
  return it == joins.end() ? nullptr : &*it;
}

/// The line with its `[^drop]` markers renamed; markers are found by the
/// same scanner as the reader's (so none in code spans is touched).
std::string rename_markers(std::string_view line, const std::vector<FootnoteJoin>& joins) {
  std::string out;
  std::size_t copied = 0;
  for (const FootnoteMarker& marker : scan_footnote_markers(line)) {
    const FootnoteJoin* join = join_for(joins, marker.label);
    if (join == nullptr) {
      continue;
    }
    const std::size_t length = marker.label.size() + 3; // "[^" label "]"
    out.append(line.substr(copied, marker.offset - copied));
    out += "[^" + join->keep + "]";
    copied = marker.offset + length;
  }
  out.append(line.substr(copied));
  return out;
}

} // namespace

std::string join_footnotes(std::string_view text, const PostScan& scan, const std::vector<FootnoteJoin>& joins) {
  const std::vector<LineSpan> lines = split_line_spans(text);
  std::vector<bool> removed(lines.size() + 2, false); // 1-based
  std::set<std::string> dropped;
  for (const model::Footnote& fn : scan.footnotes) {
    if (join_for(joins, fn.label) == nullptr || !dropped.insert(util::to_lower_ascii(fn.label)).second) {
      continue;
    }
    for (int n = fn.line; n <= fn.end_line; ++n) {
      removed[static_cast<std::size_t>(n)] = true;
    }
    const auto blank = [&](int n) {
      return n >= 1 && n <= static_cast<int>(lines.size()) && !removed[static_cast<std::size_t>(n)] &&
             is_blank(lines[static_cast<std::size_t>(n - 1)].text);
    };
    if (blank(fn.line - 1) && blank(fn.end_line + 1)) {
      removed[static_cast<std::size_t>(fn.end_line + 1)] = true;
    } else if (blank(fn.line - 1) && fn.end_line == static_cast<int>(lines.size())) {
      removed[static_cast<std::size_t>(fn.line - 1)] = true; // no blank line left at the end
    }
  }
  std::string out;
  out.reserve(text.size());
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {
    out += text.substr(0, 3);
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const int number = static_cast<int>(i) + 1;
    if (removed[i + 1]) {
      continue;
    }
    if (std::binary_search(scan.marker_lines.begin(), scan.marker_lines.end(), number)) {
      out += rename_markers(lines[i].text, joins);
    } else {
      out += lines[i].text;
    }
    out += lines[i].end;
  }
  return out;
}

} // namespace refs::post
