#pragma once

#include <string>

namespace refs::testing {

/// A news page's head as sites write it: the site's name after the title,
/// OpenGraph, and a JSON-LD NewsArticle with one author and its date.
std::string news_page(const std::string& title, const std::string& site, const std::string& author,
                      const std::string& date);

} // namespace refs::testing
