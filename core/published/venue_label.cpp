#include "core/published/venue_label.hpp"

#include "core/util/string.hpp"

#include <algorithm>
#include <cctype>

namespace refs::published {

namespace {

/// One word of letters (and / or -) with at least two capitals: "ICLR",
/// "NeurIPS", "ACL", "IEEE/CVF".
bool is_acronym(std::string_view word) {
  if (word.empty() || word.size() > 12) {
    return false;
  }
  int capitals = 0;
  for (char c : word) {
    if (std::isupper(static_cast<unsigned char>(c))) {
      ++capitals;
    } else if (!std::isalpha(static_cast<unsigned char>(c)) && c != '-' && c != '/') {
      return false;
    }
  }
  return capitals >= 2;
}

/// "ICLR" from a part "ICLR 2024" of a proceedings title.
std::string acronym_before_year(std::string_view part) {
  part = util::trim(part);
  const std::size_t space = part.rfind(' ');
  if (space == std::string_view::npos || part.size() - space != 5 || !util::all_digits(part.substr(space + 1))) {
    return "";
  }
  const std::string_view word = util::trim(part.substr(0, space));
  return is_acronym(word) ? std::string(word) : "";
}

} // namespace

std::string venue_short_name(const std::string& container_title, const std::vector<std::string>& alternates) {
  std::string_view rest = container_title;
  while (!rest.empty()) {
    const std::size_t comma = rest.find(',');
    if (std::string acronym = acronym_before_year(rest.substr(0, comma)); !acronym.empty()) {
      return acronym;
    }
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
  }
  // "2023 IEEE/CVF International Conference on Computer Vision (ICCV)",
  // as Crossref names proceedings.
  const std::size_t open = container_title.rfind('(');
  if (open != std::string::npos && container_title.ends_with(')')) {
    const std::string inside = container_title.substr(open + 1, container_title.size() - open - 2);
    if (is_acronym(inside)) {
      return inside;
    }
  }
  std::string best;
  for (const std::string& name : alternates) {
    if (is_acronym(name) && (best.empty() || name.size() < best.size())) {
      best = name;
    }
  }
  return best;
}

bool is_workshop(std::string_view container_title) {
  // DBLP names a workshop's venue "LLMAgents@ICLR".
  return util::to_lower_ascii(container_title).find("workshop") != std::string::npos ||
         container_title.find('@') != std::string_view::npos;
}

std::string venue_label(const model::Citation& c) {
  std::string label = !c.container_title_short.empty() ? c.container_title_short : c.container_title;
  if (label.empty()) {
    return "";
  }
  if (const std::string year = std::to_string(c.issued.year); c.issued.year > 0 && label.find(year) == std::string::npos) {
    label += " " + year;
  }
  if (is_workshop(c.container_title) && util::to_lower_ascii(label).find("workshop") == std::string::npos) {
    label += " workshop";
  }
  return label;
}

} // namespace refs::published
