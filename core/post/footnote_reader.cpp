#include "core/post/footnote_reader.hpp"

#include "core/post/front_matter.hpp"
#include "core/post/inline_text.hpp"
#include "core/post/link_definitions.hpp"
#include "core/post/link_scanner.hpp"
#include "core/post/post_lines.hpp"
#include "core/util/string.hpp"

#include <algorithm>
#include <iterator>
#include <map>
#include <optional>
#include <set>

namespace refs::post {

// A line-oriented block scanner, not a full CommonMark parser: cmark-gfm
// (the only packaged parser with footnotes) drops unreferenced and duplicate
// definitions, which are exactly what a reference manager must report. The
// scanner knows the blocks that can hide a footnote-looking line (front
// matter, fences, indented code, HTML comments) and the continuation rules
// of a footnote definition; link syntax is left to link_scanner.cpp.

namespace {

struct Fence {
  char marker = '`';
  std::size_t length = 0;
};

std::optional<Fence> fence_open(std::string_view line) {
  if (indent_width(line) > 3) {
    return std::nullopt;
  }
  const std::string_view s = util::trim(line);
  if (s.empty() || (s[0] != '`' && s[0] != '~')) {
    return std::nullopt;
  }
  const std::size_t run = s.find_first_not_of(s[0]);
  const std::size_t length = run == std::string_view::npos ? s.size() : run;
  if (length < 3 || (s[0] == '`' && s.substr(length).find('`') != std::string_view::npos)) {
    return std::nullopt;
  }
  return Fence{s[0], length};
}

bool fence_closes(std::string_view line, const Fence& fence) {
  if (indent_width(line) > 3) {
    return false;
  }
  const std::string_view s = util::trim(line);
  return s.size() >= fence.length && s.find_first_not_of(fence.marker) == std::string_view::npos;
}

/// `[^label]: rest` at most 3 spaces in; fills label and rest.
bool footnote_definition(std::string_view line, std::string& label, std::string_view& rest) {
  if (indent_width(line) > 3) {
    return false;
  }
  const std::string_view s = util::trim(line);
  if (!s.starts_with("[^")) {
    return false;
  }
  const std::size_t close = s.find("]:");
  if (close == std::string_view::npos || close < 3) {
    return false;
  }
  const std::string_view name = s.substr(2, close - 2);
  if (name.find_first_of(" \t[]") != std::string_view::npos) {
    return false;
  }
  label = std::string(name);
  rest = util::trim(s.substr(close + 2));
  return true;
}

bool list_item(std::string_view s) {
  if (s.size() >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && (s[1] == ' ' || s[1] == '\t')) {
    return true;
  }
  const std::size_t digits = s.find_first_not_of("0123456789");
  return digits > 0 && digits != std::string_view::npos && digits < 10 && digits + 1 < s.size() &&
         (s[digits] == '.' || s[digits] == ')') && s[digits + 1] == ' ';
}

/// Whether a line would begin a block of its own, and so cannot be a lazy
/// continuation of a footnote's paragraph.
bool starts_block(std::string_view line) {
  const std::string_view s = util::trim(line);
  std::string label;
  std::string_view rest;
  return s.starts_with('#') || s.starts_with('>') || list_item(s) ||
         fence_open(line) || footnote_definition(line, label, rest) || s == "---" || s == "***" ||
         parse_link_definition(line).has_value();
}

/// A footnote being read: its body with a map from body offsets to lines.
struct OpenFootnote {
  model::Footnote footnote;
  std::string body;
  std::vector<std::pair<std::size_t, int>> line_starts;

  void add_line(std::string_view text, int line) {
    if (!body.empty() || !line_starts.empty()) {
      body += '\n';
    }
    line_starts.emplace_back(body.size(), line);
    body += text;
  }

  int line_of(std::size_t offset) const {
    const auto after = std::upper_bound(line_starts.begin(), line_starts.end(), offset,
                                        [](std::size_t o, const auto& start) { return o < start.first; });
    return after == line_starts.begin() ? footnote.line : std::prev(after)->second;
  }
};

class Reader {
public:
  Reader(const std::string& where) : m_where(where) {}

  PostScan read(std::string_view text);

private:
  void read_line(std::string_view line, int number);
  bool read_fenced_line(std::string_view line, int number);
  bool read_indented_code(std::string_view line);
  bool cut_comment(std::string_view& line);
  void read_block_line(std::string_view line, int number);
  bool continue_footnote(std::string_view line, int number);
  void close_footnote();
  void note_markers(std::string_view text, int line);
  void note_marker_line(std::string_view text, int line);
  void note_text_line(int line, bool in_footnote) { m_scan.text_lines.push_back({line, m_text_from, in_footnote}); }
  model::Footnote finish_footnote(OpenFootnote& open);
  void finish();
  void warn(int line, const std::string& message) {
    m_scan.diagnostics.push_back(
        {model::Severity::warning, m_where + ":" + std::to_string(line), message});
  }

  std::string m_where;
  PostScan m_scan;
  std::vector<OpenFootnote> m_done;
  std::optional<OpenFootnote> m_open;
  std::optional<Fence> m_fence;
  bool m_fence_in_footnote = false;
  bool m_in_comment = false;
  bool m_prev_blank = true;
  bool m_in_indented_code = false;
  bool m_in_list = false;
  LinkDefinitions m_definitions;
  /// normalised label -> the first line using it and the label as written
  std::map<std::string, std::pair<int, std::string>> m_markers;
  std::set<int> m_marker_lines;
  std::size_t m_text_from = 0; ///< where the current line's text starts
};

PostScan Reader::read(std::string_view text) {
  const std::vector<std::string_view> lines = split_lines(text);
  for (std::size_t i = front_matter_lines(lines); i < lines.size(); ++i) {
    read_line(lines[i], static_cast<int>(i + 1));
  }
  close_footnote();
  finish();
  m_scan.marker_lines.assign(m_marker_lines.begin(), m_marker_lines.end());
  return std::move(m_scan);
}

void Reader::read_line(std::string_view line, int number) {
  m_text_from = 0;
  if (m_fence && read_fenced_line(line, number)) {
    return;
  }
  if (m_in_comment) {
    const std::size_t end = line.find("-->");
    if (end == std::string_view::npos) {
      return;
    }
    m_in_comment = false;
    line = line.substr(end + 3);
    m_text_from = end + 3;
  }
  if (is_blank(line)) {
    m_prev_blank = true;
    return;
  }
  if (read_indented_code(line) || !cut_comment(line)) {
    return;
  }
  if (continue_footnote(line, number)) {
    m_prev_blank = false;
    note_text_line(number, true);
    return;
  }
  close_footnote();
  read_block_line(line, number);
}

/// A line while a fence is open: code, or its closing fence. Returns false
/// when the line is not the fence's: a fence opened in a footnote ends with
/// the footnote, at the first line that is neither blank nor indented.
bool Reader::read_fenced_line(std::string_view line, int number) {
  if (m_fence_in_footnote && !is_blank(line) && indent_width(line) < 4) {
    m_fence.reset();
    return false;
  }
  if (m_fence_in_footnote && m_open) {
    m_open->add_line("", number);
  }
  if (fence_closes(m_fence_in_footnote ? strip_indent(line, 4) : line, *m_fence)) {
    m_fence.reset();
  }
  return true;
}

/// Whether the line is indented code (and so skipped): 4 columns in, after a
/// blank line or more code, and not inside a footnote or a list item.
bool Reader::read_indented_code(std::string_view line) {
  const bool code = !m_open && indent_width(line) >= 4 && (m_prev_blank || m_in_indented_code) && !m_in_list;
  m_in_indented_code = code;
  if (code) {
    m_prev_blank = false;
  }
  return code;
}

/// Cuts an HTML comment that starts on the line (outside code spans) and
/// does not end on it; false when nothing is left of the line.
bool Reader::cut_comment(std::string_view& line) {
  const std::size_t start = find_outside_code(line, "<!--");
  if (start == std::string_view::npos || line.find("-->", start + 4) != std::string_view::npos) {
    return true;
  }
  m_in_comment = true;
  line = line.substr(0, start);
  return !is_blank(line);
}

void Reader::read_block_line(std::string_view line, int number) {
  const bool was_blank = m_prev_blank;
  m_prev_blank = false;
  if (indent_width(line) >= 4) {
    note_marker_line(line, number); // a list item's continuation
    note_text_line(number, false);
    return;
  }
  if (auto fence = fence_open(line)) {
    m_fence = fence;
    m_fence_in_footnote = false;
    return;
  }
  std::string label;
  std::string_view rest;
  if (footnote_definition(line, label, rest)) {
    m_open = OpenFootnote{};
    m_open->footnote.label = label;
    m_open->footnote.line = number;
    m_open->add_line(rest, number);
    note_text_line(number, true);
    return;
  }
  if (auto definition = parse_link_definition(line)) {
    m_definitions.add(std::move(*definition));
    return;
  }
  if (list_item(util::trim(line))) {
    m_in_list = true;
  } else if (was_blank) {
    m_in_list = false;
  }
  note_marker_line(line, number);
  note_text_line(number, false);
}

/// Adds the line to the open footnote if it continues it.
bool Reader::continue_footnote(std::string_view line, int number) {
  if (!m_open) {
    return false;
  }
  if (indent_width(line) >= 4) {
    const std::string_view content = strip_indent(line, 4);
    if (auto fence = fence_open(content)) {
      m_fence = fence;
      m_fence_in_footnote = true;
      m_open->add_line("", number);
      return true;
    }
    m_open->add_line(content, number);
    return true;
  }
  if (!m_prev_blank && !starts_block(line)) {
    m_open->add_line(util::trim(line), number); // a lazy continuation line
    return true;
  }
  return false;
}

void Reader::close_footnote() {
  if (!m_open) {
    return;
  }
  note_markers(m_open->body, m_open->footnote.line);
  m_open->footnote.end_line = m_open->line_starts.back().second;
  // Markers are found on the joined body (a code span may cross lines);
  // the lines that hold them are found line by line.
  for (std::size_t i = 0; i < m_open->line_starts.size(); ++i) {
    const std::size_t from = m_open->line_starts[i].first;
    const std::size_t to = i + 1 < m_open->line_starts.size() ? m_open->line_starts[i + 1].first : m_open->body.size();
    if (!scan_footnote_markers(std::string_view(m_open->body).substr(from, to - from)).empty()) {
      m_marker_lines.insert(m_open->line_starts[i].second);
    }
  }
  m_done.push_back(std::move(*m_open));
  m_open.reset();
}

void Reader::note_markers(std::string_view text, int line) {
  for (const FootnoteMarker& marker : scan_footnote_markers(text)) {
    m_markers.emplace(util::to_lower_ascii(marker.label), std::make_pair(line, marker.label));
  }
}

void Reader::note_marker_line(std::string_view text, int line) {
  note_markers(text, line);
  if (!scan_footnote_markers(text).empty()) {
    m_marker_lines.insert(line);
  }
}

/// The text around a link that has none of its own (a bare URL): the
/// footnote's body with the link's bytes cut out, as plain text, with the
/// separators the cut leaves trimmed ("Reuters, Title: https://..." ->
/// "Reuters, Title").
std::string text_around(const std::string& body, const ScannedLink& link) {
  std::string out = plain_text(body.substr(0, link.offset) + " " + body.substr(link.offset + link.length));
  constexpr std::string_view k_separators = " :,;.-()";
  while (!out.empty() && k_separators.find(out.back()) != std::string_view::npos) {
    out.pop_back();
  }
  const std::size_t first = out.find_first_not_of(k_separators);
  return first == std::string::npos ? "" : out.substr(first);
}

model::Footnote Reader::finish_footnote(OpenFootnote& open) {
  model::Footnote fn = std::move(open.footnote);
  fn.referenced = m_markers.contains(util::to_lower_ascii(fn.label));
  fn.text = plain_text(open.body);
  for (const ScannedLink& scanned : scan_links(open.body)) {
    model::Link link{plain_text(scanned.text), scanned.destination, scanned.title, open.line_of(scanned.offset)};
    if (scanned.form == ScannedLink::Form::reference) {
      const LinkDefinition* definition = m_definitions.find(scanned.label);
      if (definition == nullptr) {
        continue;
      }
      link.url = definition->destination;
      link.title = definition->title;
    } else if (scanned.form != ScannedLink::Form::inline_link) {
      link.text = text_around(open.body, scanned);
    }
    fn.links.push_back(std::move(link));
  }
  return fn;
}

void Reader::finish() {
  std::map<std::string, int> first_definition;
  for (OpenFootnote& open : m_done) {
    model::Footnote fn = finish_footnote(open);
    const auto [it, inserted] = first_definition.emplace(util::to_lower_ascii(fn.label), fn.line);
    if (!inserted) {
      warn(fn.line, "duplicate footnote label [^" + fn.label + "] (first defined at line " +
                        std::to_string(it->second) + ")");
    } else if (!fn.referenced) {
      warn(fn.line, "footnote [^" + fn.label + "] is defined but never referenced");
    }
    m_scan.footnotes.push_back(std::move(fn));
  }
  for (const auto& [key, use] : m_markers) {
    if (!first_definition.contains(key)) {
      warn(use.first, "footnote reference [^" + use.second + "] has no definition");
    }
  }
}

} // namespace

PostScan read_footnotes(std::string_view text, const std::string& where) {
  return Reader(where).read(text);
}

std::vector<model::Reference> to_references(const std::vector<model::Footnote>& footnotes) {
  std::vector<model::Reference> refs;
  for (const model::Footnote& fn : footnotes) {
    if (fn.links.empty()) {
      refs.push_back({fn.label, fn.line, 0, fn.text, "", fn.text});
      continue;
    }
    for (std::size_t i = 0; i < fn.links.size(); ++i) {
      const model::Link& link = fn.links[i];
      refs.push_back({fn.label, link.line, static_cast<int>(i), link.text, link.url, fn.text});
    }
  }
  return refs;
}

} // namespace refs::post
