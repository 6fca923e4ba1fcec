#include "core/export/markdown_writer.hpp"

#include "core/csl/csl_date.hpp"
#include "core/csl/csl_fields.hpp"

#include <algorithm>

namespace refs::exporting {

// Footnote definitions as kramdown, GFM and pandoc read them. The link text
// is escaped for the characters that would end it or start other markup;
// the destination uses the `<...>` form when a bare one would break.

namespace {

std::string escape_text(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '[' || c == ']' || c == '*' || c == '_' || c == '`' || c == '<' || c == '\\') {
      out += '\\';
    }
    out += c;
  }
  return out;
}

std::string destination(const std::string& url) {
  const auto opens = std::count(url.begin(), url.end(), '(');
  const auto closes = std::count(url.begin(), url.end(), ')');
  if (url.find_first_of(" <>") == std::string::npos && opens == closes) {
    return url;
  }
  std::string out = "<";
  for (char c : url) {
    out += c == '<' ? std::string("%3C") : c == '>' ? std::string("%3E") : c == ' ' ? std::string("%20") : std::string(1, c);
  }
  return out + ">";
}

std::string author_list(const model::Citation& c) {
  std::string out;
  const std::size_t shown = c.authors.size() > 3 ? 1 : c.authors.size();
  for (std::size_t i = 0; i < shown; ++i) {
    const model::Person& p = c.authors[i];
    out += (i == 0 ? "" : ", ") + escape_text(p.literal.empty() ? (p.given.empty() ? p.family : p.given + " " + p.family) : p.literal);
  }
  if (shown < c.authors.size()) {
    out += " et al.";
  }
  return out;
}

std::string definition(const model::Citation& c) {
  std::vector<std::string> parts;
  if (!c.authors.empty()) {
    parts.push_back(author_list(c));
  }
  const std::string title = escape_text(c.title.empty() ? c.url : c.title);
  parts.push_back(c.url.empty() ? title : "[" + title + "](" + destination(c.url) + ")");
  std::string where = escape_text(c.container_title.empty() ? c.publisher : c.container_title);
  const std::string date = csl::format_date(c.issued);
  if (!date.empty()) {
    where += (where.empty() ? "" : ", ") + date;
  }
  if (!where.empty()) {
    parts.push_back(where);
  }
  if (const std::string id = csl::identifier(c, model::IdKind::arxiv); !id.empty()) {
    parts.push_back("arXiv:" + id);
  }
  if (!c.note.empty()) {
    parts.push_back(escape_text(c.note));
  }
  std::string out;
  for (const std::string& part : parts) {
    out += (out.empty() ? "" : " ") + part + (part.ends_with('.') ? "" : ".");
  }
  return out;
}

} // namespace

std::string to_markdown(const std::vector<MarkdownFootnote>& footnotes) {
  std::string out;
  for (const MarkdownFootnote& f : footnotes) {
    out += "[^" + f.label + "]: " + definition(f.citation) + "\n";
  }
  return out;
}

} // namespace refs::exporting
