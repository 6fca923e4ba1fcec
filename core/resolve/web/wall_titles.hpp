#pragma once

#include <string_view>

namespace refs::resolve::web {

/// What stands in front of an article when a page's title says so.
enum class Wall {
  none,
  bot,     ///< a bot challenge or block page (Cloudflare, DataDome, Akamai)
  login,   ///< a login or subscription wall
  consent, ///< a cookie consent wall
  error,   ///< an error page answered as a page (403, 404 text)
  parked,  ///< a parked domain for sale
};

/// The wall a page's <title> names, matched at its start, case-insensitive,
/// so a headline that merely mentions a captcha passes.
Wall wall_of_title(std::string_view title);

/// Whether a wall hides a page that is there (bot, login, consent) rather
/// than one that is gone (error, parked).
inline bool hides_a_page(Wall wall) { return wall == Wall::bot || wall == Wall::login || wall == Wall::consent; }

} // namespace refs::resolve::web
