#include "core/export/markdown_writer.hpp"

#include "core/csl/csl_date.hpp"
#include "core/csl/csl_fields.hpp"
#include "core/export/reference_parts.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

namespace refs::exporting {

// Footnote definitions as kramdown, GFM and pandoc read them. The link text
// is escaped for the characters that would end it or start other markup;
// the destination uses the `<...>` form when a bare one would break.

namespace {

bool label_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-'; }

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

std::string author_list(const model::Citation& c) { return escape_text(author_names(c)); }

/// `text` escaped, linked to `url` when there is one.
std::string markdown_link(const std::string& text, const std::string& url) {
  const std::string escaped = escape_text(text);
  return url.empty() ? escaped : "[" + escaped + "](" + destination(url) + ")";
}

std::string linked_title(const model::Citation& c) {
  const std::string url = reference_link(c);
  return markdown_link(c.title.empty() ? url : c.title, url);
}

std::string definition(const model::Citation& c) {
  std::string out;
  for (const ReferencePart& part : full_reference(c)) {
    out += out.empty() ? "" : " ";
    out += markdown_link(part.text, part.url);
    out += needs_period(part) ? "." : "";
  }
  return out;
}

/// The value of a template field; nullopt for an unknown field.
std::optional<std::string> field_value(const model::Citation& c, std::string_view name) {
  if (name == "key") {
    return c.key;
  }
  if (name == "title") {
    return escape_text(c.title);
  }
  if (name == "link") {
    return linked_title(c);
  }
  if (name == "url") {
    const std::string url = reference_link(c);
    return url.empty() ? "" : destination(url);
  }
  if (name == "authors") {
    return author_list(c);
  }
  if (name == "author") {
    model::Citation first = c;
    first.authors.resize(std::min<std::size_t>(1, c.authors.size()));
    return author_list(first);
  }
  if (name == "year") {
    return c.issued.year > 0 ? std::to_string(c.issued.year) : "";
  }
  if (name == "date") {
    return csl::format_date(c.issued);
  }
  if (name == "site" || name == "container") {
    return escape_text(name == "site" && c.container_title.empty() ? c.publisher : c.container_title);
  }
  if (name == "publisher") {
    return escape_text(c.publisher);
  }
  if (name == "doi") {
    return c.doi;
  }
  if (name == "arxiv") {
    return csl::identifier(c, model::IdKind::arxiv);
  }
  if (name == "note") {
    return escape_text(c.note);
  }
  if (name == "archived") {
    return c.archive_url.empty() ? "" : destination(c.archive_url);
  }
  return std::nullopt;
}

/// Calls `f` with each piece of a template: literal text, or a field name
/// (true) between braces.
template <typename F> void for_each_piece(std::string_view text, F&& f) {
  while (!text.empty()) {
    const std::size_t open = text.find('{');
    const std::size_t close = open == std::string_view::npos ? open : text.find('}', open);
    if (close == std::string_view::npos) {
      f(text, false);
      return;
    }
    if (open > 0) {
      f(text.substr(0, open), false);
    }
    f(text.substr(open + 1, close - open - 1), true);
    text.remove_prefix(close + 1);
  }
}

std::string templated(const model::Citation& c, std::string_view text) {
  std::string out;
  for_each_piece(text, [&](std::string_view piece, bool field) {
    out += field ? field_value(c, piece).value_or("") : std::string(piece);
  });
  return out;
}

} // namespace

const std::vector<std::string>& markdown_template_fields() {
  static const std::vector<std::string> k_fields = {"key",  "title", "link",      "url", "authors", "author", "year",
                                                    "date", "site",  "container", "publisher", "doi", "arxiv", "note", "archived"};
  return k_fields;
}

std::vector<std::string> unknown_template_fields(std::string_view text) {
  std::vector<std::string> out;
  const model::Citation none;
  for_each_piece(text, [&](std::string_view piece, bool field) {
    if (field && !field_value(none, piece)) {
      out.emplace_back(piece);
    }
  });
  return out;
}

std::string footnote_label(std::string_view key) {
  std::string out;
  for (char c : key) {
    const char k = label_char(c) ? c : '-';
    if (k != '-' || (!out.empty() && out.back() != '-')) {
      out += k;
    }
  }
  while (!out.empty() && out.back() == '-') {
    out.pop_back();
  }
  return out.empty() ? "ref" : out;
}

std::string footnote_text(const model::Citation& citation, const MarkdownStyle& style, std::string_view locator) {
  std::string text = style.kind == MarkdownStyle::Kind::link        ? linked_title(citation)
                     : style.kind == MarkdownStyle::Kind::templated ? templated(citation, style.text)
                                                                    : definition(citation);
  if (locator.empty()) {
    return text;
  }
  while (!text.empty() && (text.back() == '.' || text.back() == ' ')) {
    text.pop_back();
  }
  return text + (text.empty() ? "" : ", ") + escape_text(locator);
}

std::string in_text_name(const model::Citation& c) {
  const auto name = [](const model::Person& p) { return escape_text(p.literal.empty() ? p.family : p.literal); };
  if (c.authors.size() > 2) {
    return name(c.authors[0]) + " et al.";
  }
  if (c.authors.size() == 2 && model::is_et_al(c.authors[1])) {
    return name(c.authors[0]) + " et al.";
  }
  if (c.authors.size() == 2) {
    return name(c.authors[0]) + " and " + name(c.authors[1]);
  }
  if (c.authors.size() == 1) {
    return name(c.authors[0]);
  }
  return escape_text(c.container_title.empty() ? c.publisher : c.container_title);
}

std::string to_markdown(const std::vector<MarkdownFootnote>& footnotes, const MarkdownStyle& style) {
  std::string out;
  for (const MarkdownFootnote& f : footnotes) {
    out += "[^" + f.label + "]: " + footnote_text(f.citation, style, f.locator) + "\n";
  }
  return out;
}

} // namespace refs::exporting
