#include "core/post/front_matter.hpp"

#include "core/util/string.hpp"

namespace refs::post {

std::size_t front_matter_lines(const std::vector<std::string_view>& lines) {
  if (lines.empty()) {
    return 0;
  }
  const std::string_view open = util::trim(lines[0]);
  if (open != "---" && open != "+++") {
    return 0;
  }
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const std::string_view line = util::trim(lines[i]);
    if (line == open || (open == "---" && line == "...")) {
      return i + 1;
    }
  }
  return 0;
}

std::string front_matter_field(const std::vector<std::string_view>& lines, std::string_view name) {
  const std::size_t count = front_matter_lines(lines);
  for (std::size_t i = 1; i + 1 < count; ++i) {
    const std::string_view line = lines[i];
    if (!line.starts_with(name)) {
      continue;
    }
    std::string_view rest = util::trim(line.substr(name.size()));
    if (rest.empty() || (rest[0] != ':' && rest[0] != '=')) {
      continue;
    }
    rest = util::trim(rest.substr(1));
    if (rest.size() >= 2 && (rest[0] == '"' || rest[0] == '\'') && rest.back() == rest[0]) {
      rest = rest.substr(1, rest.size() - 2);
    }
    return std::string(rest);
  }
  return "";
}

} // namespace refs::post
