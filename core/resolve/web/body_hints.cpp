#include "core/resolve/web/body_hints.hpp"

#include "core/util/string.hpp"

#include <gumbo.h>

#include <memory>

namespace refs::resolve::web {

// Blogs and older news sites mark the byline and date in the body, as
// schema.org microdata or WordPress's `<time class="entry-date published">`
// and `<a rel="author">`, and put nothing in the head (tests/fixtures/
// corpus: zdnet, lemire.me, googleblog, siliconangle). Parsing a whole body
// costs ten times the head, so each marker is found by a plain search and
// only its element is parsed.

namespace {

constexpr std::size_t k_window = 400;

struct OutputDeleter {
  void operator()(GumboOutput* output) const { gumbo_destroy_output(&kGumboDefaultOptions, output); }
};

/// The first element in a parsed snippet: its attribute or its text.
struct Element {
  std::string attribute;
  std::string text;
};

void gather_text(const GumboNode* node, std::string& out) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE) {
    out += node->v.text.text;
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT || out.size() > 200) {
    return;
  }
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    gather_text(static_cast<const GumboNode*>(children.data[i]), out);
  }
}

const GumboNode* first_element(const GumboNode* node) {
  std::vector<const GumboNode*> stack = {node};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_ELEMENT && n->v.element.tag != GUMBO_TAG_HTML && n->v.element.tag != GUMBO_TAG_HEAD &&
        n->v.element.tag != GUMBO_TAG_BODY) {
      return n;
    }
    const GumboVector* children = n->type == GUMBO_NODE_DOCUMENT  ? &n->v.document.children
                                  : n->type == GUMBO_NODE_ELEMENT ? &n->v.element.children
                                                                  : nullptr;
    for (unsigned i = children != nullptr ? children->length : 0; i-- > 0;) {
      stack.push_back(static_cast<const GumboNode*>(children->data[i]));
    }
  }
  return nullptr;
}

/// Parses the element whose tag contains `at`, with what follows it.
Element element_at(std::string_view html, std::size_t at, std::initializer_list<const char*> attributes) {
  const std::size_t open = html.rfind('<', at);
  if (open == std::string_view::npos) {
    return {};
  }
  const std::string snippet(html.substr(open, at - open + k_window));
  std::unique_ptr<GumboOutput, OutputDeleter> output(gumbo_parse(snippet.c_str()));
  const GumboNode* element = output ? first_element(output->document) : nullptr;
  if (element == nullptr) {
    return {};
  }
  Element e;
  for (const char* name : attributes) {
    if (const GumboAttribute* a = gumbo_get_attribute(&element->v.element.attributes, name); a != nullptr && e.attribute.empty()) {
      e.attribute = util::collapse_whitespace(a->value);
    }
  }
  gather_text(element, e.text);
  e.text = util::collapse_whitespace(e.text);
  return e;
}

/// The first occurrence of any of `needles`, in either quoting.
std::size_t find_marker(std::string_view html, std::initializer_list<std::string_view> needles) {
  std::size_t best = std::string_view::npos;
  for (std::string_view n : needles) {
    best = std::min(best, html.find(n));
  }
  return best;
}

} // namespace

BodyHints read_body_hints(std::string_view html) {
  BodyHints hints;
  if (const std::size_t at = find_marker(html, {"itemprop=\"datePublished\"", "itemprop='datePublished'"});
      at != std::string_view::npos) {
    const Element e = element_at(html, at, {"datetime", "content"});
    hints.date = e.attribute.empty() ? e.text : e.attribute;
    hints.date_origin = "microdata datePublished";
  } else if (const std::size_t at = find_marker(html, {"class=\"entry-date published", "class=\"published", " pubdate"});
             at != std::string_view::npos) {
    const Element e = element_at(html, at, {"datetime", "title"});
    hints.date = e.attribute.empty() ? e.text : e.attribute;
    hints.date_origin = "time published";
  }
  if (const std::size_t at = find_marker(html, {"itemprop=\"author\"", "itemprop='author'"}); at != std::string_view::npos) {
    hints.author = element_at(html, at, {"content"}).text;
    hints.author_origin = "microdata author";
  }
  if (hints.author.empty()) {
    if (const std::size_t at = find_marker(html, {"rel=\"author\"", "rel='author'"}); at != std::string_view::npos) {
      const Element e = element_at(html, at, {"title"});
      hints.author = e.text;
      if (util::starts_with_ci(e.attribute, "posts by ")) {
        hints.author = e.attribute.substr(9);
      }
      hints.author_origin = "link rel=author";
    }
  }
  return hints;
}

} // namespace refs::resolve::web
