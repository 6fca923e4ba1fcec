#include "core/resolve/web/page_body.hpp"

#include "core/resolve/web/window_markup.hpp"

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
  std::string before = markup_for_reading(html.substr(cut, anchor - cut), std::string::npos);
  const std::size_t keep_before = std::min(before.size(), budget / 4);
  before.erase(0, before.size() - keep_before);
  std::size_t stopped = 0;
  const std::string after = markup_for_reading(html.substr(anchor, end_ - anchor), budget - keep_before, &stopped);
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
  window_ = markup_for_reading(html.substr(next_, end_ - next_), budget_for(html), &stopped);
  next_ += stopped;
  parse();
}

void PageBody::parse() {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  output_.reset(gumbo_parse_with_options(&options, window_.data(), window_.size()));
}

} // namespace refs::resolve::web
