#include "core/resolve/web/gumbo_tree.hpp"

#include "core/util/string.hpp"

namespace refs::resolve::web {

namespace {

const GumboVector* children_of(const GumboNode* node) {
  if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) {
    return &node->v.element.children;
  }
  return node->type == GUMBO_NODE_DOCUMENT ? &node->v.document.children : nullptr;
}

bool inline_element(const GumboNode* node) {
  if (node->type != GUMBO_NODE_ELEMENT) {
    return false;
  }
  switch (node->v.element.tag) {
  case GUMBO_TAG_A: case GUMBO_TAG_SPAN: case GUMBO_TAG_STRONG: case GUMBO_TAG_EM: case GUMBO_TAG_B:
  case GUMBO_TAG_I: case GUMBO_TAG_U: case GUMBO_TAG_ABBR: case GUMBO_TAG_TIME: case GUMBO_TAG_SMALL:
  case GUMBO_TAG_SUP: case GUMBO_TAG_SUB: case GUMBO_TAG_FONT: case GUMBO_TAG_CITE: case GUMBO_TAG_MARK:
    return true;
  default:
    return false;
  }
}

bool hidden_code(const GumboNode* node) {
  if (node->type != GUMBO_NODE_ELEMENT) {
    return false;
  }
  const GumboTag tag = node->v.element.tag;
  return tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_TEMPLATE;
}

/// The text without invisible characters (word joiners, zero-width
/// spaces, soft hyphens, byte-order marks), which are no part of what a
/// reader reads; no-break spaces as spaces.
std::string without_invisible_marks(const std::string& out) {
  std::string clean;
  clean.reserve(out.size());
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto lead = static_cast<unsigned char>(out[i]);
    if (lead != 0xE2 && lead != 0xEF && lead != 0xC2) { // the first bytes of the marks below
      clean += out[i];
      continue;
    }
    const std::string_view rest = std::string_view(out).substr(i);
    bool invisible = false;
    for (std::string_view mark : {"\u2060", "\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad"}) {
      if (rest.starts_with(mark)) {
        i += mark.size() - 1;
        invisible = true;
        break;
      }
    }
    if (invisible) {
      continue;
    }
    if (rest.starts_with("\u00a0")) { // a no-break space reads as a space
      clean += ' ';
      ++i;
      continue;
    }
    clean += out[i];
  }
  return clean;
}

} // namespace

std::string_view attribute(const GumboNode* element, const char* name) {
  if (element == nullptr || element->type != GUMBO_NODE_ELEMENT) {
    return {};
  }
  const GumboAttribute* a = gumbo_get_attribute(&element->v.element.attributes, name);
  return a != nullptr ? std::string_view(a->value) : std::string_view();
}

std::vector<const GumboNode*> child_elements(const GumboNode* element) {
  std::vector<const GumboNode*> out;
  if (const GumboVector* children = children_of(element)) {
    for (unsigned i = 0; i < children->length; ++i) {
      const auto* child = static_cast<const GumboNode*>(children->data[i]);
      if (child->type == GUMBO_NODE_ELEMENT) {
        out.push_back(child);
      }
    }
  }
  return out;
}

std::string visible_text(const GumboNode* node, std::size_t cap) {
  std::string out;
  std::vector<const GumboNode*> stack = {node};
  while (!stack.empty() && out.size() < cap) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
      out += n->v.text.text;
      continue;
    }
    if (hidden_code(n)) {
      continue;
    }
    if (n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == GUMBO_TAG_BR) {
      out += ' ';
    }
    if (const GumboVector* children = children_of(n)) {
      // Block boundaries read as spaces: "<p>By X</p><p>May 3</p>".
      if (!inline_element(n)) {
        out += ' ';
      }
      for (unsigned i = children->length; i-- > 0;) {
        stack.push_back(static_cast<const GumboNode*>(children->data[i]));
      }
    }
  }
  return util::collapse_whitespace(without_invisible_marks(out));
}

std::vector<std::string> name_words(const GumboNode* element) {
  std::vector<std::string> words;
  // React sites name their parts in test ids ("prism-byline").
  for (const char* name : {"class", "id", "data-testid"}) {
    const std::string value = util::to_lower_ascii(attribute(element, name));
    std::string word;
    std::string whole;
    for (std::size_t i = 0; i <= value.size(); ++i) {
      const char c = i < value.size() ? value[i] : ' ';
      if (c == ' ' || c == '\t' || c == '\n') {
        if (!word.empty()) {
          words.push_back(word);
        }
        if (!whole.empty() && whole != word) {
          words.push_back(whole);
        }
        word.clear();
        whole.clear();
        continue;
      }
      whole += c;
      if (c == '-' || c == '_') {
        if (!word.empty()) {
          words.push_back(word);
        }
        word.clear();
      } else {
        word += c;
      }
    }
  }
  return words;
}

std::string describe_element(const GumboNode* element) {
  if (element == nullptr || element->type != GUMBO_NODE_ELEMENT) {
    return "";
  }
  std::string out = "<";
  out += gumbo_normalized_tagname(element->v.element.tag);
  for (const char* name : {"itemprop", "rel", "class", "id"}) {
    if (const std::string_view value = attribute(element, name); !value.empty()) {
      out += std::string(" ") + name + "=\"" + util::collapse_whitespace(value.substr(0, 60)) + "\"";
      break;
    }
  }
  return out + ">";
}

std::vector<const GumboNode*> elements_in_order(const GumboNode* root) {
  std::vector<const GumboNode*> out;
  std::vector<const GumboNode*> stack = {root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_ELEMENT) {
      out.push_back(n);
    }
    if (hidden_code(n)) {
      continue;
    }
    if (const GumboVector* children = children_of(n)) {
      for (unsigned i = children->length; i-- > 0;) {
        stack.push_back(static_cast<const GumboNode*>(children->data[i]));
      }
    }
  }
  return out;
}

} // namespace refs::resolve::web
