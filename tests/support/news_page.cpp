#include "tests/support/news_page.hpp"

namespace refs::testing {

std::string news_page(const std::string& title, const std::string& site, const std::string& author,
                      const std::string& date) {
  return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + " | " + site +
         "</title><meta property=\"og:site_name\" content=\"" + site + "\"><meta property=\"og:title\" content=\"" +
         title + "\"><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
         "\"headline\":\"" + title + "\",\"datePublished\":\"" + date + "\",\"author\":[{\"@type\":\"Person\",\"name\":\"" +
         author + "\"}]}</script></head><body><p>Text.</p></body></html>";
}

} // namespace refs::testing
