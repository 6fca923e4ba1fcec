#include "core/resolve/web/page_body.hpp"

#include "core/util/string.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace refs::resolve::web {

namespace {

constexpr std::size_t k_before = 24 * 1024;
constexpr std::size_t k_after = 64 * 1024;

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

/// The window's text without what no reader sees: the insides of scripts,
/// styles, SVG drawings and comments (often most of a page's bytes). The
/// tags themselves stay, so the tree keeps its shape.
std::string without_code(std::string_view html) {
  // <noscript> stays: pages that draw their article with script put the
  // same article there (Blogger's dynamic views).
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 3> k_code = {
      {{"script", "</script"}, {"style", "</style"}, {"svg", "</svg"}}};
  std::string out;
  out.reserve(html.size() / 2);
  std::size_t from = 0;
  while (from < html.size()) {
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
    if (!skipped) {
      out += '<';
    }
  }
  return out;
}

} // namespace

void PageBody::Deleter::operator()(GumboOutput* output) const { gumbo_destroy_output(&kGumboDefaultOptions, output); }

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
  cut = cut == std::string_view::npos ? start : cut;
  const std::size_t end = std::min(html.size(), anchor + k_after);
  if (cut >= end) {
    return;
  }
  window_ = without_code(html.substr(cut, end - cut));
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  output_.reset(gumbo_parse_with_options(&options, window_.data(), window_.size()));
}

} // namespace refs::resolve::web
