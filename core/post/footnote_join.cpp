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
  const int count = static_cast<int>(lines.size());
  std::vector<bool> removed(lines.size() + 2, false); // 1-based
  const auto at = [](int n) { return static_cast<std::size_t>(n); };
  std::set<std::string> dropped;
  std::vector<std::pair<int, int>> ranges;
  for (const model::Footnote& fn : scan.footnotes) {
    if (join_for(joins, fn.label) != nullptr && dropped.insert(util::to_lower_ascii(fn.label)).second) {
      for (int n = fn.line; n <= fn.end_line; ++n) {
        removed[at(n)] = true;
      }
      ranges.emplace_back(fn.line, fn.end_line);
    }
  }
  // A definition that stood between blank lines leaves one blank line, not
  // two; one that ended the post leaves no blank line at the end.
  const auto blank = [&](int n) { return n >= 1 && n <= count && is_blank(lines[at(n - 1)].text); };
  for (const auto& [first, last] : ranges) {
    int before = first - 1;
    while (before >= 1 && removed[at(before)]) {
      --before;
    }
    int after = last + 1;
    while (after <= count && removed[at(after)]) {
      ++after;
    }
    if (blank(before) && blank(after)) {
      removed[at(after)] = true;
    } else if (blank(before) && after > count) {
      removed[at(before)] = true;
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
