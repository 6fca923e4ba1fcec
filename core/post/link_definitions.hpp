#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace refs::post {

/// A link reference definition: `[label]: destination "title"`.
struct LinkDefinition {
  std::string label;
  std::string destination;
  std::string title;
};

/// Parses a one-line link reference definition (at most 3 spaces in; a
/// footnote definition `[^x]:` is not one). nullopt when the line is not one.
std::optional<LinkDefinition> parse_link_definition(std::string_view line);

/// The link definitions of a post. Labels match case-insensitively with
/// whitespace collapsed, and the first definition of a label wins
/// (CommonMark §4.7).
class LinkDefinitions {
public:
  /// Records a definition; a label already defined keeps its first one.
  void add(LinkDefinition definition);
  /// nullptr when the label is not defined.
  const LinkDefinition* find(std::string_view label) const;

private:
  std::map<std::string, LinkDefinition> m_by_label;
};

} // namespace refs::post
