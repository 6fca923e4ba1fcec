#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace refs::resolve::web {

/// What a page's JSON-LD says about the page's main work.
struct JsonLdWork {
  std::string type; ///< schema.org type: NewsArticle, BlogPosting, ScholarlyArticle, WebPage, ...
  std::string headline;
  std::vector<std::string> authors; ///< names (people or organisations), in order
  std::string date_published;
  std::string date_modified;
  std::string publisher;
  std::string url;
};

/// Finds the page's main work among its JSON-LD blocks: items at the top
/// level, in arrays or in `@graph`; an Article type (Article, NewsArticle,
/// BlogPosting, ScholarlyArticle, Report, ...) is preferred to a WebPage.
/// `author` may be a string, an object, or an array of either; `publisher`
/// an object with `name`. Blocks that do not parse are skipped, and nesting
/// deeper than 64 levels is cut off while parsing. Empty when none.
JsonLdWork main_work(const std::vector<std::string>& blocks);

} // namespace refs::resolve::web
