#include "core/post/link_definitions.hpp"

#include "core/post/post_lines.hpp"
#include "core/util/string.hpp"

namespace refs::post {

namespace {

std::string normalise_label(std::string_view label) {
  return util::to_lower_ascii(util::collapse_whitespace(label));
}

std::string unescape(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      ++i;
    }
    out += s[i];
  }
  return out;
}

/// Reads an optional `"title"`, `'title'` or `(title)` that must end the line.
bool read_title(std::string_view rest, std::string& title) {
  rest = util::trim(rest);
  if (rest.empty()) {
    return true;
  }
  const char open = rest.front();
  const char close = open == '(' ? ')' : open;
  if ((open != '"' && open != '\'' && open != '(') || rest.size() < 2 || rest.back() != close) {
    return false;
  }
  title = unescape(rest.substr(1, rest.size() - 2));
  return true;
}

} // namespace

std::optional<LinkDefinition> parse_link_definition(std::string_view line) {
  if (indent_width(line) > 3) {
    return std::nullopt;
  }
  std::string_view s = util::trim(line);
  if (!s.starts_with('[') || s.starts_with("[^")) {
    return std::nullopt;
  }
  const std::size_t close = s.find("]:");
  if (close == std::string_view::npos || close < 2 ||
      s.substr(1, close - 1).find_first_of("[]") != std::string_view::npos) {
    return std::nullopt;
  }
  LinkDefinition definition;
  definition.label = std::string(s.substr(1, close - 1));
  s = util::trim(s.substr(close + 2));
  std::size_t end = 0;
  if (s.starts_with('<')) {
    end = s.find('>');
    if (end == std::string_view::npos) {
      return std::nullopt;
    }
    definition.destination = unescape(s.substr(1, end - 1));
    ++end;
  } else {
    end = s.find_first_of(" \t");
    end = end == std::string_view::npos ? s.size() : end;
    definition.destination = unescape(s.substr(0, end));
  }
  if (definition.destination.empty() || !read_title(s.substr(end), definition.title)) {
    return std::nullopt;
  }
  return definition;
}

void LinkDefinitions::add(LinkDefinition definition) {
  m_by_label.emplace(normalise_label(definition.label), std::move(definition));
}

const LinkDefinition* LinkDefinitions::find(std::string_view label) const {
  const auto it = m_by_label.find(normalise_label(label));
  return it == m_by_label.end() ? nullptr : &it->second;
}

} // namespace refs::post
