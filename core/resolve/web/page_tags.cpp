#include "core/resolve/web/page_tags.hpp"

#include "core/util/string.hpp"

#include <gumbo.h>

#include <algorithm>
#include <memory>

namespace refs::resolve::web {

// Why not parse the whole page: a full gumbo parse of a news page costs
// ten times what its <head> does, and the metadata is in the head (the
// JSON-LD blocks some sites put in the body are cut out and parsed with
// it). Why gumbo and not a scan: attribute quoting, order, entities and
// case vary freely, and a real parser reads them all as browsers do.

namespace {

constexpr std::size_t k_head_cap = 512 * 1024;

struct OutputDeleter {
  void operator()(GumboOutput* output) const { gumbo_destroy_output(&kGumboDefaultOptions, output); }
};

std::string attribute(const GumboElement& element, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&element.attributes, name);
  return a != nullptr ? a->value : "";
}

std::string text_of(const GumboNode* node) {
  std::string out;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE || child->type == GUMBO_NODE_CDATA) {
      out += child->v.text.text;
    }
  }
  return out;
}

void read_element(const GumboNode* node, PageTags& tags) {
  const GumboElement& e = node->v.element;
  switch (e.tag) {
  case GUMBO_TAG_META: {
    std::string key = attribute(e, "property");
    for (const char* name : {"name", "itemprop"}) {
      if (key.empty()) {
        key = attribute(e, name);
      }
    }
    std::string content = attribute(e, "content");
    if (!key.empty() && !content.empty()) {
      tags.metas.emplace_back(util::to_lower_ascii(util::trim(key)), util::collapse_whitespace(content));
    }
    break;
  }
  case GUMBO_TAG_TITLE:
    if (tags.title.empty()) {
      tags.title = util::collapse_whitespace(text_of(node));
    }
    break;
  case GUMBO_TAG_LINK:
    if (tags.canonical.empty() && util::to_lower_ascii(attribute(e, "rel")) == "canonical") {
      tags.canonical = util::trim(attribute(e, "href"));
    }
    break;
  case GUMBO_TAG_SCRIPT:
    if (util::to_lower_ascii(util::trim(attribute(e, "type"))) == "application/ld+json") {
      tags.json_ld.push_back(text_of(node));
    }
    break;
  case GUMBO_TAG_HTML:
    tags.language = attribute(e, "lang");
    break;
  default:
    break;
  }
}

/// Walks the tree without recursion: a page can nest deeply enough to
/// exhaust the stack.
void walk(const GumboNode* root, PageTags& tags) {
  std::vector<const GumboNode*> stack = {root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) {
      continue;
    }
    if (node->type == GUMBO_NODE_ELEMENT) {
      read_element(node, tags);
    }
    const GumboVector& children = node->type == GUMBO_NODE_ELEMENT ? node->v.element.children : node->v.document.children;
    for (unsigned i = children.length; i-- > 0;) {
      stack.push_back(static_cast<const GumboNode*>(children.data[i]));
    }
  }
}

/// The head without the bodies of its scripts and style sheets (often most
/// of its bytes, and nothing a citation needs), keeping JSON-LD scripts.
std::string head_without_code(std::string_view html, std::string_view lower, std::size_t head_end) {
  std::string region;
  std::size_t from = 0;
  while (from < head_end) {
    const std::size_t script = lower.find("<script", from);
    const std::size_t style = lower.find("<style", from);
    const std::size_t open = std::min(script, style);
    if (open >= head_end) {
      break;
    }
    // A "<script" inside a comment is text, not a tag.
    if (const std::size_t comment = lower.find("<!--", from); comment < open) {
      const std::size_t end = lower.find("-->", comment + 4);
      const std::size_t next = end == std::string_view::npos ? head_end : std::min(end + 3, head_end);
      region += html.substr(from, next - from);
      from = next;
      continue;
    }
    const std::size_t tag_end = lower.find('>', open);
    const std::string_view closer = open == script ? "</script" : "</style";
    const std::size_t close = tag_end == std::string_view::npos ? std::string_view::npos : lower.find(closer, tag_end);
    if (close == std::string_view::npos || close > head_end) {
      break;
    }
    const bool json_ld = lower.substr(open, tag_end - open).find("ld+json") != std::string_view::npos;
    region += html.substr(from, (json_ld ? close : tag_end + 1) - from);
    from = close;
  }
  region += html.substr(from, head_end - std::min(from, head_end));
  return region;
}

/// The head, and any JSON-LD scripts after it.
std::string metadata_region(std::string_view html) {
  const std::string lower = util::to_lower_ascii(html.substr(0, std::min(html.size(), 4 * k_head_cap)));
  std::size_t head_end = lower.find("</head");
  if (head_end == std::string::npos) {
    head_end = std::min(html.size(), k_head_cap);
  }
  std::string region = head_without_code(html, lower, head_end);
  // Only a script tag that says ld+json counts, each once, and the whole
  // region stays under the cap however often a page mentions the type.
  for (std::size_t at = lower.find("application/ld+json", head_end); at != std::string::npos && region.size() < k_head_cap;
       at = lower.find("application/ld+json", at + 19)) {
    const std::size_t open = lower.rfind("<script", at);
    const std::size_t tag_end = lower.find('>', at);
    const std::size_t close = tag_end == std::string::npos ? std::string::npos : lower.find("</script", tag_end);
    if (open == std::string::npos || close == std::string::npos || open < head_end ||
        lower.find('>', open) != tag_end) {
      continue;
    }
    region += html.substr(open, std::min(close + 9 - open, k_head_cap));
    at = close;
  }
  return region;
}

} // namespace

PageTags read_page_tags(std::string_view html) {
  const std::string region = metadata_region(html);
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0; // errors are not read; don't collect them
  std::unique_ptr<GumboOutput, OutputDeleter> output(gumbo_parse_with_options(&options, region.data(), region.size()));
  PageTags tags;
  if (output) {
    walk(output->document, tags);
  }
  return tags;
}

std::vector<std::string> meta_values(const PageTags& tags, std::string_view key) {
  std::vector<std::string> out;
  for (const auto& [k, v] : tags.metas) {
    if (k == key) {
      out.push_back(v);
    }
  }
  return out;
}

std::string meta_value(const PageTags& tags, std::string_view key) {
  for (const auto& [k, v] : tags.metas) {
    if (k == key && !v.empty()) {
      return v;
    }
  }
  return "";
}

} // namespace refs::resolve::web
