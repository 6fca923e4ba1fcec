#include "core/resolve/web/microdata_scan.hpp"

#include "core/resolve/web/gumbo_tree.hpp"
#include "core/util/string.hpp"

#include <algorithm>
#include <memory>

namespace refs::resolve::web {

namespace {

constexpr std::size_t k_snippet = 400;

struct OutputDeleter {
  void operator()(GumboOutput* output) const { gumbo_destroy_output(&kGumboDefaultOptions, output); }
};

/// The first occurrence of either quoting of `itemprop="name"`.
std::size_t find_itemprop(std::string_view html, std::string_view name) {
  std::string double_quoted = "itemprop=\"";
  double_quoted += name;
  double_quoted += '"';
  std::string single_quoted = "itemprop='";
  single_quoted += name;
  single_quoted += '\'';
  return std::min(html.find(double_quoted), html.find(single_quoted));
}

/// The marked element's value: its datetime or content attribute, else
/// (for an author) the `name` inside it, else its text.
std::string marked_value(std::string_view html, std::size_t at) {
  const std::size_t open = html.rfind('<', at);
  if (open == std::string_view::npos) {
    return "";
  }
  const std::string snippet(html.substr(open, at - open + k_snippet));
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  const std::unique_ptr<GumboOutput, OutputDeleter> output(gumbo_parse_with_options(&options, snippet.data(), snippet.size()));
  if (!output) {
    return "";
  }
  for (const GumboNode* e : elements_in_order(output->root)) {
    const GumboTag tag = e->v.element.tag;
    if (tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_HEAD || tag == GUMBO_TAG_BODY) {
      continue;
    }
    for (const char* name : {"datetime", "content"}) {
      if (const std::string_view v = attribute(e, name); !v.empty()) {
        return util::collapse_whitespace(v);
      }
    }
    for (const GumboNode* d : elements_in_order(e)) {
      if (d != e && attribute(d, "itemprop") == "name") {
        const std::string_view content = attribute(d, "content");
        return content.empty() ? visible_text(d, 200) : util::collapse_whitespace(content);
      }
    }
    return visible_text(e, 200);
  }
  return "";
}

/// Inserts `f` before the first finding made by one of `weaker` rules.
void insert_before(std::vector<Finding>& list, Finding f, std::initializer_list<std::string_view> weaker) {
  if (std::any_of(list.begin(), list.end(), [&](const Finding& have) { return have.value == f.value; })) {
    return;
  }
  const auto at = std::find_if(list.begin(), list.end(), [&](const Finding& have) {
    return std::find(weaker.begin(), weaker.end(), have.rule) != weaker.end();
  });
  list.insert(at, std::move(f));
}

} // namespace

void find_page_microdata(std::string_view html, BodyFindings& findings) {
  if (const std::size_t at = find_itemprop(html, "datePublished"); at != std::string_view::npos) {
    if (std::string value = marked_value(html, at); !value.empty()) {
      insert_before(findings.dates, {std::move(value), "microdata in the page", "<* itemprop=\"datePublished\">"},
                    {"date class", "date text", "URL date"});
    }
  }
  if (const std::size_t at = find_itemprop(html, "author"); at != std::string_view::npos) {
    if (std::string value = marked_value(html, at); !value.empty()) {
      insert_before(findings.bylines, {std::move(value), "microdata in the page", "<* itemprop=\"author\">"},
                    {"author class", "byline text"});
    }
  }
}

} // namespace refs::resolve::web
