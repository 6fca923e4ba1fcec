#include "core/resolve/web/window_markup.hpp"

#include "core/util/string.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace refs::resolve::web {

namespace {

// Attributes the body rules read; every other one (data-*, srcset, event
// handlers, long inline styles) is dropped before gumbo parses the
// window: they are most of a modern page's markup, and gumbo allocates
// each one, which made the tree up to nine times the page's size.
constexpr std::array<std::string_view, 13> k_kept_attributes = {
    "class", "id", "itemprop", "rel", "datetime", "content", "title", "alt", "role", "hidden", "lang", "data-testid", "pubdate"};

/// "/author/jane-doe/", "/autoren/x", "/u/mrb24c/": a link to a writer's
/// page, which byline_rules.cpp reads as a byline.
bool is_author_page(std::string_view href) {
  static constexpr std::array<std::string_view, 14> k_paths = {
      "/author/", "/authors/", "/autor/", "/autoren", "/auteur/", "/autore/", "/u/",  "/profile/",
      "/people/", "/staff/",   "/journalist", "/reporter", "/writers/", "/contributors/"};
  const std::string lower = util::to_lower_ascii(href);
  return lower.find('"') == std::string::npos &&
         std::any_of(k_paths.begin(), k_paths.end(), [&](std::string_view p) { return lower.find(p) != std::string::npos; });
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

/// One attribute of a start tag as written: `name`, `name=value`,
/// `name="value"`.
struct Attribute {
  std::string name; ///< lower-cased
  std::string_view value;
  bool has_value = false;
};

/// Reads the attribute at `at`; returns the position after it, or npos
/// when its quoted value does not close.
std::size_t read_attribute(std::string_view html, std::size_t at, Attribute& a) {
  const std::size_t name_start = at;
  while (at < html.size() && !is_space(html[at]) && html[at] != '=' && html[at] != '>' && html[at] != '/') {
    ++at;
  }
  a.name = util::to_lower_ascii(html.substr(name_start, at - name_start));
  std::size_t probe = at;
  while (probe < html.size() && is_space(html[probe])) {
    ++probe;
  }
  if (probe >= html.size() || html[probe] != '=') {
    return at;
  }
  a.has_value = true;
  at = probe + 1;
  while (at < html.size() && is_space(html[at])) {
    ++at;
  }
  if (at < html.size() && (html[at] == '"' || html[at] == '\'')) {
    const std::size_t close = html.find(html[at], at + 1);
    if (close == std::string_view::npos) {
      return std::string_view::npos;
    }
    a.value = html.substr(at + 1, close - at - 1);
    return close + 1;
  }
  const std::size_t start = at;
  while (at < html.size() && !is_space(html[at]) && html[at] != '>') {
    ++at;
  }
  a.value = html.substr(start, at - start);
  return at;
}

/// Appends `a` to `out` when a rule reads it: the kept attributes, a link
/// to "/" or to a writer's page, a style that hides.
void keep_attribute(const Attribute& a, std::string& out) {
  if (std::find(k_kept_attributes.begin(), k_kept_attributes.end(), a.name) != k_kept_attributes.end()) {
    out += ' ';
    out += a.name;
    if (a.has_value) {
      out += "=\"";
      for (char c : a.value) {
        out += c == '"' ? std::string_view("&quot;") : std::string_view(&c, 1);
      }
      out += '"';
    }
  } else if (a.name == "href" && (a.value == "/" || is_author_page(a.value))) {
    out += " href=\"";
    out += a.value;
    out += '"';
  } else if (a.name == "style") {
    std::string compact;
    for (char c : util::to_lower_ascii(a.value)) {
      if (!is_space(c)) {
        compact += c;
      }
    }
    if (compact.find("display:none") != std::string::npos) {
      out += " style=\"display:none\"";
    }
  }
}

/// Copies the start tag at `lt` ("<div class=a data-x='…'>") to `out` with
/// only the attributes a rule reads; returns the position after it, or
/// npos when the tag does not end.
std::size_t copy_start_tag(std::string_view html, std::size_t lt, std::string& out) {
  std::size_t at = lt + 1;
  while (at < html.size() && !is_space(html[at]) && html[at] != '>' && html[at] != '/') {
    ++at;
  }
  out += html.substr(lt, at - lt);
  while (at < html.size()) {
    while (at < html.size() && (is_space(html[at]) || html[at] == '/')) {
      ++at;
    }
    if (at >= html.size()) {
      break;
    }
    if (html[at] == '>') {
      out += '>';
      return at + 1;
    }
    Attribute a;
    if ((at = read_attribute(html, at, a)) == std::string_view::npos) {
      break;
    }
    keep_attribute(a, out);
  }
  return std::string_view::npos;
}

/// At a <script>, <style> or <svg> start tag: copies the tag to `out` and
/// returns where its end tag starts (the page's end when it has none);
/// 0 at any other tag. <noscript> stays: pages that draw their article
/// with script put the same article there (Blogger's dynamic views).
std::size_t skip_code(std::string_view html, std::size_t lt, std::string& out) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 3> k_code = {
      {{"script", "</script"}, {"style", "</style"}, {"svg", "</svg"}}};
  const std::string_view rest = html.substr(lt + 1);
  for (const auto& [name, closer] : k_code) {
    if (!util::starts_with_ci(rest, name) || rest.size() <= name.size() ||
        std::isalnum(static_cast<unsigned char>(rest[name.size()])) != 0) {
      continue;
    }
    const std::size_t tag_end = html.find('>', lt);
    for (std::size_t at = tag_end; at != std::string_view::npos; at = html.find("</", at + 1)) {
      if (util::starts_with_ci(html.substr(at), closer)) {
        out += html.substr(lt, tag_end + 1 - lt);
        return at;
      }
    }
    return html.size();
  }
  return 0;
}

} // namespace

/// The window's text without what no reader sees: the insides of scripts,
/// styles, SVG drawings and comments (often most of a page's bytes), and
/// the attributes no rule reads. The tags themselves stay, so the tree
/// keeps its shape.
std::string markup_for_reading(std::string_view html, std::size_t limit, std::size_t* stopped_at) {
  std::string out;
  std::size_t from = 0;
  while (from < html.size() && out.size() < limit) {
    const std::size_t lt = html.find('<', from);
    if (lt == std::string_view::npos) {
      out += html.substr(from);
      break;
    }
    out += html.substr(from, lt - from);
    if (html.substr(lt, 4) == "<!--") {
      const std::size_t end = html.find("-->", lt + 4);
      from = end == std::string_view::npos ? html.size() : end + 3;
    } else if (const std::size_t after_code = skip_code(html, lt, out); after_code != 0) {
      from = after_code;
    } else if (lt + 1 < html.size() && std::isalpha(static_cast<unsigned char>(html[lt + 1])) != 0) {
      const std::size_t after = copy_start_tag(html, lt, out);
      from = after == std::string_view::npos ? html.size() : after;
    } else {
      out += '<';
      from = lt + 1;
    }
  }
  if (stopped_at != nullptr) {
    *stopped_at = std::min(from, html.size());
  }
  return out;
}

} // namespace refs::resolve::web
