#include "core/resolve/web/wall_titles.hpp"

#include "core/util/string.hpp"

#include <array>
#include <utility>

namespace refs::resolve::web {

namespace {

// Titles of pages that stand in front of the article, as the walls of
// 2023-2026 name themselves.
constexpr std::array<std::pair<std::string_view, Wall>, 22> k_wall_titles = {{
    {"just a moment", Wall::bot},
    {"attention required", Wall::bot},
    {"access denied", Wall::bot},
    {"are you a robot", Wall::bot},
    {"please verify you are a human", Wall::bot},
    {"security check", Wall::bot},
    {"verify you are human", Wall::bot},
    {"captcha", Wall::bot},
    {"enable javascript and cookies", Wall::bot},
    {"you have been blocked", Wall::bot},
    {"403 forbidden", Wall::error},
    {"404 not found", Wall::error},
    {"page not found", Wall::error},
    {"this domain is for sale", Wall::parked},
    {"domain for sale", Wall::parked},
    {"before you continue", Wall::consent},
    {"cookie consent", Wall::consent},
    {"we value your privacy", Wall::consent},
    {"log in", Wall::login},
    {"sign in", Wall::login},
    {"login", Wall::login},
    {"subscribe to continue", Wall::login},
}};

} // namespace

Wall wall_of_title(std::string_view title) {
  const std::string lower = util::to_lower_ascii(util::trim(title));
  for (const auto& [marker, wall] : k_wall_titles) {
    if (lower.starts_with(marker)) {
      return wall;
    }
  }
  return Wall::none;
}

} // namespace refs::resolve::web
