#include "core/post/footnote_insert.hpp"

#include "core/post/post_lines.hpp"

namespace refs::post {

namespace {

/// The line end the post uses: that of its first line, else "\n".
std::string_view line_end_of(const std::vector<LineSpan>& lines) {
  return lines.empty() || lines.front().end.empty() ? std::string_view("\n") : lines.front().end;
}

/// Whether the post's last two footnote definitions have a blank line
/// between them (or it has fewer than two: blank lines are the safe choice).
bool spaced_definitions(const PostScan& scan) {
  const std::size_t n = scan.footnotes.size();
  return n < 2 || scan.footnotes[n - 1].line > scan.footnotes[n - 2].end_line + 1;
}

/// Whether the post's last non-blank line ends a footnote definition, so a
/// new definition may follow it directly.
bool ends_with_definition(const PostScan& scan, const std::vector<LineSpan>& lines) {
  int last = static_cast<int>(lines.size());
  while (last >= 1 && is_blank(lines[static_cast<std::size_t>(last - 1)].text)) {
    --last;
  }
  return !scan.footnotes.empty() && scan.footnotes.back().end_line == last && last > 0;
}

} // namespace

std::string insert_footnotes(std::string_view text, const PostScan& scan, const std::vector<TextEdit>& edits,
                             const std::vector<std::string>& definitions) {
  std::string out;
  out.reserve(text.size() + 128 * definitions.size());
  std::size_t copied = 0;
  for (const TextEdit& edit : edits) {
    out.append(text.substr(copied, edit.offset - copied));
    out += edit.text;
    copied = edit.offset + edit.length;
  }
  out.append(text.substr(copied));
  if (definitions.empty()) {
    return out;
  }
  const std::vector<LineSpan> lines = split_line_spans(text);
  const std::string_view end = line_end_of(lines);
  const bool spaced = spaced_definitions(scan);
  if (!lines.empty() && lines.back().end.empty()) {
    out += end;
  }
  // One blank line before the first new definition, unless the post
  // already ends with one, or with a definition it packs tightly.
  const bool trailing_blank = !lines.empty() && is_blank(lines.back().text);
  if (!lines.empty() && !trailing_blank && (spaced || !ends_with_definition(scan, lines))) {
    out += end;
  }
  for (std::size_t i = 0; i < definitions.size(); ++i) {
    if (i > 0 && spaced) {
      out += end;
    }
    out += definitions[i];
    out += end;
  }
  return out;
}

} // namespace refs::post
