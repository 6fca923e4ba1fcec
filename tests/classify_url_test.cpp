#include "core/classify/site_name.hpp"
#include "core/classify/url.hpp"
#include "core/classify/url_date.hpp"

#include <gtest/gtest.h>

namespace refs::classify {
namespace {

TEST(Url, PartsAndNormalisedForm) {
  auto url = parse_url("HTTPS://WWW.Example.COM/a%20b/c?x=1&y=2#top");
  ASSERT_TRUE(url);
  EXPECT_EQ(url->scheme, "https");
  EXPECT_EQ(url->host, "www.example.com");
  EXPECT_EQ(url->path, "/a b/c");
  EXPECT_EQ(url->query, "x=1&y=2");
  EXPECT_EQ(url->normalised, "https://www.example.com/a%20b/c?x=1&y=2");
}

TEST(Url, SpacesFromAngleDestinationsAreEncoded) {
  auto url = parse_url("https://example.com/a file.pdf");
  ASSERT_TRUE(url);
  EXPECT_EQ(url->normalised, "https://example.com/a%20file.pdf");
  EXPECT_EQ(url->path, "/a file.pdf");
}

TEST(Url, OpaqueSchemes) {
  auto url = parse_url("doi:10.1000/182");
  ASSERT_TRUE(url);
  EXPECT_EQ(url->scheme, "doi");
  EXPECT_EQ(url->opaque, "10.1000/182");
  EXPECT_FALSE(url->is_web());
  EXPECT_EQ(parse_url("no-scheme.example.com/x").error(), "not an absolute URL");
}

TEST(SiteName, TableThenPublicSuffixList) {
  const SiteNamer sites;
  EXPECT_EQ(sites.site_name("www.reuters.com"), "Reuters");
  EXPECT_EQ(sites.site_name("arxiv.org"), "arXiv");
  EXPECT_EQ(sites.site_name("cdn.openai.com"), "OpenAI");
  EXPECT_EQ(sites.site_name("blog.example.co.uk"), "example");
  EXPECT_EQ(sites.site_name("sidsite.com"), "sidsite");
  EXPECT_EQ(sites.site_name("tldraw.substack.com"), "Substack");
  EXPECT_EQ(sites.site_name("notreuters.com"), "notreuters");
  EXPECT_EQ(sites.site_name(""), "");
}

TEST(UrlDate, OnlyWhatThePathStates) {
  EXPECT_EQ(date_in_path("/2023/11/22/technology/x.html"), (model::Date{2023, 11, 22}));
  EXPECT_EQ(date_in_path("/wp-content/uploads/2023/11/file.pdf"), (model::Date{2023, 11, 0}));
  EXPECT_EQ(date_in_path("/business/california-suspends-2023-10-24"), (model::Date{2023, 10, 24}));
  EXPECT_EQ(date_in_path("/2023/02/30/x"), (model::Date{2023, 2, 0}));
  EXPECT_EQ(date_in_path("/2023/x"), (model::Date{}));
  EXPECT_EQ(date_in_path("/abs/2309.00071"), (model::Date{}));
  EXPECT_EQ(date_in_path("/p/1234/12/"), (model::Date{}));
  EXPECT_EQ(date_in_path("/post-2023-13-01"), (model::Date{}));
}

} // namespace
} // namespace refs::classify
