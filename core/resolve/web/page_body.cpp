#include "core/resolve/web/page_body.hpp"

#include "core/util/string.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace refs::resolve::web {

namespace {

constexpr std::size_t k_before = 24 * 1024;
constexpr std::size_t k_after = 64 * 1024;
// A small page's window is not cut below this: its header must fit.
constexpr std::size_t k_least_window = 4 * 1024;

/// The first `<tag` (ASCII case ignored) at or after `from`, as a tag and
/// not a longer name ("<h1" but not "<h1x").
std::size_t find_tag(std::string_view html, std::string_view tag, std::size_t from) {
  for (std::size_t at = html.find('<', from); at != std::string_view::npos; at = html.find('<', at + 1)) {
    if (at + tag.size() + 1 < html.size() && util::starts_with_ci(html.substr(at + 1), tag)) {
      const char next = html[at + 1 + tag.size()];
      if (next == ' ' || next == '>' || next == '\t' || next == '\n' || next == '\r' || next == '/') {
        return at;
      }
    }
  }
  return std::string_view::npos;
}

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

/// Copies the start tag at `lt` ("<div class=a data-x='…'>") to `out` with
/// only the kept attributes (and `href="/"`, `style` that hides); returns
/// the position after it, or npos when the tag does not end.
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
      return std::string_view::npos;
    }
    if (html[at] == '>') {
      out += '>';
      return at + 1;
    }
    const std::size_t name_start = at;
    while (at < html.size() && !is_space(html[at]) && html[at] != '=' && html[at] != '>' && html[at] != '/') {
      ++at;
    }
    const std::string name = util::to_lower_ascii(html.substr(name_start, at - name_start));
    std::string_view value;
    bool has_value = false;
    std::size_t probe = at;
    while (probe < html.size() && is_space(html[probe])) {
      ++probe;
    }
    if (probe < html.size() && html[probe] == '=') {
      has_value = true;
      at = probe + 1;
      while (at < html.size() && is_space(html[at])) {
        ++at;
      }
      if (at < html.size() && (html[at] == '"' || html[at] == '\'')) {
        const std::size_t close = html.find(html[at], at + 1);
        if (close == std::string_view::npos) {
          return std::string_view::npos;
        }
        value = html.substr(at + 1, close - at - 1);
        at = close + 1;
      } else {
        const std::size_t start = at;
        while (at < html.size() && !is_space(html[at]) && html[at] != '>') {
          ++at;
        }
        value = html.substr(start, at - start);
      }
    }
    const bool kept = std::find(k_kept_attributes.begin(), k_kept_attributes.end(), name) != k_kept_attributes.end();
    if (kept) {
      out += ' ';
      out += name;
      if (has_value) {
        out += "=\"";
        for (char c : value) {
          out += c == '"' ? std::string_view("&quot;") : std::string_view(&c, 1);
        }
        out += '"';
      }
    } else if (name == "href" && (value == "/" || is_author_page(value))) {
      out += " href=\"";
      out += value;
      out += '"';
    } else if (name == "style") {
      std::string compact;
      for (char c : util::to_lower_ascii(value)) {
        if (!is_space(c)) {
          compact += c;
        }
      }
      if (compact.find("display:none") != std::string::npos) {
        out += " style=\"display:none\"";
      }
    }
  }
  return std::string_view::npos;
}

/// The window's text without what no reader sees: the insides of scripts,
/// styles, SVG drawings and comments (often most of a page's bytes), and
/// the attributes no rule reads. The tags themselves stay, so the tree
/// keeps its shape.
std::string without_code(std::string_view html, std::size_t limit, std::size_t* stopped_at = nullptr) {
  // <noscript> stays: pages that draw their article with script put the
  // same article there (Blogger's dynamic views).
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 3> k_code = {
      {{"script", "</script"}, {"style", "</style"}, {"svg", "</svg"}}};
  std::string out;
  std::size_t from = 0;
  while (from < html.size() && out.size() < limit) {
    const std::size_t lt = html.find('<', from);
    if (lt == std::string_view::npos) {
      out += html.substr(from);
      break;
    }
    out += html.substr(from, lt - from);
    from = lt + 1;
    if (html.substr(lt, 4) == "<!--") {
      const std::size_t end = html.find("-->", lt + 4);
      from = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    bool skipped = false;
    for (const auto& [name, closer] : k_code) {
      const std::string_view rest = html.substr(lt + 1);
      if (!util::starts_with_ci(rest, name) || rest.size() <= name.size() || std::isalnum(static_cast<unsigned char>(rest[name.size()])) != 0) {
        continue;
      }
      const std::size_t tag_end = html.find('>', lt);
      std::size_t close = std::string_view::npos;
      for (std::size_t at = tag_end; at != std::string_view::npos; at = html.find("</", at + 1)) {
        if (util::starts_with_ci(html.substr(at), closer)) {
          close = at;
          break;
        }
      }
      if (tag_end == std::string_view::npos || close == std::string_view::npos) {
        from = html.size();
      } else {
        out += html.substr(lt, tag_end + 1 - lt);
        from = close;
      }
      skipped = true;
      break;
    }
    if (!skipped && lt + 1 < html.size() && std::isalpha(static_cast<unsigned char>(html[lt + 1])) != 0) {
      const std::size_t after = copy_start_tag(html, lt, out);
      from = after == std::string_view::npos ? html.size() : after;
    } else if (!skipped) {
      out += '<';
    }
  }
  if (stopped_at != nullptr) {
    *stopped_at = std::min(from, html.size());
  }
  return out;
}

} // namespace

void PageBody::Deleter::operator()(GumboOutput* output) const { gumbo_destroy_output(&kGumboDefaultOptions, output); }

std::size_t PageBody::budget_for(std::string_view html) { return std::max(html.size() / 8, k_least_window); }

PageBody::PageBody(std::string_view html) {
  std::size_t body = find_tag(html, "body", 0);
  body = body == std::string_view::npos ? 0 : body;
  std::size_t anchor = find_tag(html, "h1", body);
  if (anchor == std::string_view::npos) {
    anchor = find_tag(html, "article", body);
  }
  if (anchor == std::string_view::npos) {
    anchor = body;
  }
  const std::size_t start = std::max(body, anchor > k_before ? anchor - k_before : 0);
  std::size_t cut = html.find('<', start);
  cut = cut == std::string_view::npos || cut > anchor ? anchor : cut;
  end_ = std::min(html.size(), anchor + k_after);
  if (cut >= end_) {
    return;
  }
  // gumbo's tree takes six to sixteen times the markup it parses: past an
  // eighth of the page's size, the window is cut around the headline, a
  // quarter before it and the rest after.
  const std::size_t budget = budget_for(html);
  std::string before = without_code(html.substr(cut, anchor - cut), std::string::npos);
  const std::size_t keep_before = std::min(before.size(), budget / 4);
  before.erase(0, before.size() - keep_before);
  std::size_t stopped = 0;
  const std::string after = without_code(html.substr(anchor, end_ - anchor), budget - keep_before, &stopped);
  next_ = anchor + stopped;
  window_ = std::move(before);
  window_ += after;
  parse();
}

PageBody::PageBody(std::string_view html, Rest rest) : next_(rest.from), end_(std::min(rest.end, html.size())) {
  if (next_ >= end_) {
    return;
  }
  std::size_t stopped = 0;
  window_ = without_code(html.substr(next_, end_ - next_), budget_for(html), &stopped);
  next_ += stopped;
  parse();
}

void PageBody::parse() {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  output_.reset(gumbo_parse_with_options(&options, window_.data(), window_.size()));
}

} // namespace refs::resolve::web
