#include "core/resolve/web/charset.hpp"
#include "core/resolve/web/date_text.hpp"
#include "core/resolve/web/author_names.hpp"
#include "core/resolve/web/json_ld.hpp"
#include "core/resolve/web/page_metadata.hpp"
#include "core/util/file.hpp"

#include <gtest/gtest.h>

namespace refs::resolve::web {
namespace {

// Pages are read as on this day (dates after it are not taken).
constexpr model::Date k_today{2026, 12, 6};

PageMetadata extract(const std::string& name, const std::string& url, const std::string& type = "text/html") {
  auto bytes = util::read_file(std::string(REFS_SOURCE_DIR) + "/tests/fixtures/web/" + name);
  EXPECT_TRUE(bytes) << name;
  return extract_page(bytes ? *bytes : "", type, url, k_today);
}

std::vector<model::Person> people(std::initializer_list<model::Person> p) { return p; }

TEST(WebPage, ArsTechnicaJsonLdNewsArticle) {
  const PageMetadata p = extract("arstechnica_2024_metascraper.head.html", "https://arstechnica.com/features/2017/06/youtube-changed-my-life/");
  const model::Citation& c = p.citation;
  EXPECT_EQ(c.title, "More than a decade later, how do original YouTube stars feel about the site?");
  EXPECT_EQ(p.provenance.at("title"), "json-ld headline");
  EXPECT_EQ(c.container_title, "Ars Technica");
  EXPECT_EQ(c.issued, (model::Date{2017, 6, 11}));
  EXPECT_EQ(c.type, "article-newspaper");
  // "Ars Staff" is a desk, not a person; this saved head has no visible
  // byline to take instead.
  EXPECT_EQ(c.authors, people({}));
  EXPECT_EQ(p.encoding, "UTF-8");
}

TEST(WebPage, BbcTitleWithoutSiteSuffixAndStringAuthor) {
  const PageMetadata p = extract("bbc_news_2017_metascraper.head.html", "https://www.bbc.co.uk/news/business-40504764");
  EXPECT_EQ(p.citation.title, "The man who built a $1bn firm in his basement");
  EXPECT_EQ(p.citation.authors, people({{"Smale", "Will", ""}}));
  EXPECT_EQ(p.citation.container_title, "BBC News");
  EXPECT_EQ(p.citation.issued, (model::Date{2017, 7, 10}));
}

TEST(WebPage, BloggerOpenGraphOnly) {
  const PageMetadata p = extract("blogger_2024_metascraper.head.html", "https://bitsorpieces.blogspot.com/2024/01/map.html");
  EXPECT_EQ(p.citation.title, "A good enough map");
  EXPECT_EQ(p.provenance.at("title"), "opengraph og:title");
}

TEST(WebPage, YoastGraphWithEntitiesAndEmptyAuthor) {
  const PageMetadata p = extract("pressgazette_2026_wordpress_yoast.head.html", "https://pressgazette.co.uk/news/nick-davies/");
  EXPECT_EQ(p.citation.title,
            "Nick Davies: \u2018Churnalism has taken the place of what we should be doing: Telling the truth\u2019");
  EXPECT_TRUE(p.citation.authors.empty());
  EXPECT_EQ(p.citation.container_title, "Press Gazette");
  EXPECT_EQ(p.citation.issued, (model::Date{2008, 2, 4}));
}

TEST(WebPage, HighwireBeatsEverythingElse) {
  const PageMetadata p = extract("SYNTHETIC_wikimedia_html-metadata_turtle_article.html", "http://www.example.com/turtlelvr");
  const model::Citation& c = p.citation;
  EXPECT_EQ(c.title, "Turtles are AWESOME!!1");
  EXPECT_EQ(p.provenance.at("title"), "highwire citation_title");
  EXPECT_EQ(c.authors, people({{"Lvr", "Turtle", ""}}));
  EXPECT_EQ(c.issued, (model::Date{2012, 2, 4}));
  EXPECT_EQ(c.container_title, "Turtles");
  EXPECT_EQ(c.type, "article-journal");
  EXPECT_EQ(c.volume, "150");
  EXPECT_EQ(c.issue, "1");
  EXPECT_EQ(c.page, "123-456");
  EXPECT_EQ(c.doi, "10.1000/123");
  EXPECT_EQ(c.sources.at("title"), "highwire");
}

TEST(WebPage, ShiftJisAndEucKrPagesDecode) {
  const PageMetadata jp = extract("SYNTHETIC_shift_jis_meta_charset.head.html", "https://example.jp/a");
  EXPECT_EQ(jp.encoding, "CP932");
  EXPECT_EQ(jp.citation.title, "日本語");
  const PageMetadata kr = extract("SYNTHETIC_euc_kr_yonhap_like.head.html", "https://www.yna.co.kr/view/1");
  EXPECT_EQ(kr.encoding, "CP949");
  EXPECT_EQ(kr.citation.title, "인공지능 기술 동향");
  EXPECT_EQ(kr.citation.container_title, "연합뉴스");
  EXPECT_EQ(kr.citation.authors, people({{"김철수", "", ""}}));
}

TEST(WebPage, BotWallsAreNotPages) {
  const PageMetadata p = extract_page("<html><head><title>Just a moment...</title></head></html>", "text/html", "https://x.example/", k_today);
  EXPECT_EQ(p.problem, "not the page but a bot, login or error wall (\"Just a moment...\")");
  EXPECT_EQ(extract_page("<head><title>Sign in - Example</title></head>", "text/html", "https://x.example/", k_today).problem,
            "not the page but a bot, login or error wall (\"Sign in - Example\")");
  EXPECT_EQ(extract_page("<head><title>Why captcha fails</title><meta property=og:title content=\"Why captcha fails\"></head>",
                         "text/html", "https://x.example/", k_today).problem, "");
}

TEST(WebPage, CanonicalUrlIsResolvedAgainstThePage) {
  const PageMetadata p = extract_page("<head><link rel=canonical href=\"/story/1\"><title>T</title></head>", "text/html",
                                      "https://www.example.com/story/1?utm_source=x", k_today);
  EXPECT_EQ(p.citation.ids, (std::vector<model::WorkId>{{model::IdKind::canonical_url, "https://www.example.com/story/1"}}));
}

TEST(Charset, LabelsAndDeclarationsThatLie) {
  EXPECT_EQ(encoding_for_label(" ISO-8859-1 "), "WINDOWS-1252");
  EXPECT_EQ(encoding_for_label("euc-kr"), "CP949");
  EXPECT_EQ(encoding_for_label("Shift_JIS"), "CP932");
  EXPECT_EQ(encoding_for_label("x-unknown"), "");
  EXPECT_EQ(charset_of_content_type("text/html; charset=\"EUC-KR\""), "euc-kr");
  EXPECT_EQ(sniff_meta_charset("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">"), "windows-1251");
  const DecodedPage liar = decode_page("<meta charset=\"windows-1252\"><title>caf\xC3\xA9</title>", "");
  EXPECT_EQ(liar.encoding, "UTF-8");
  EXPECT_EQ(liar.text(), "<meta charset=\"windows-1252\"><title>caf\xC3\xA9</title>");
  const DecodedPage latin = decode_page("<title>caf\xE9</title>", "text/html; charset=iso-8859-1");
  EXPECT_EQ(latin.text(), "<title>caf\xC3\xA9</title>");
  EXPECT_EQ(decode_page("\xEF\xBB\xBFhi", "text/html; charset=euc-kr").text(), "hi");
}

TEST(DateText, Forms) {
  EXPECT_EQ(parse_date_text("2023-11-22T10:00:00+09:00"), (model::Date{2023, 11, 22}));
  EXPECT_EQ(parse_date_text("2023-11"), (model::Date{2023, 11, 0}));
  EXPECT_EQ(parse_date_text("2012/02/04"), (model::Date{2012, 2, 4}));
  EXPECT_EQ(parse_date_text("Wed, 22 Nov 2023 10:00:00 GMT"), (model::Date{2023, 11, 22}));
  EXPECT_EQ(parse_date_text("November 22, 2023"), (model::Date{2023, 11, 22}));
  EXPECT_EQ(parse_date_text("Nov. 22, 2023"), (model::Date{2023, 11, 22}));
  EXPECT_EQ(parse_date_text("2023-02-30"), (model::Date{}));
  EXPECT_EQ(parse_date_text("yesterday"), (model::Date{}));
}

TEST(AuthorNames, JunkIsDroppedAndListsSplit) {
  EXPECT_EQ(clean_authors({"https://www.facebook.com/bbcnews", "@pressgazette", "By Jane Doe and John Roe"}, "BBC News"),
            people({{"Doe", "Jane", ""}, {"Roe", "John", ""}}));
  EXPECT_EQ(clean_authors({"BBC News", "admin", "2023-11-22", "a@b.com"}, "BBC News"), people({}));
  EXPECT_EQ(clean_authors({"Peng, Bowen"}, ""), people({{"Peng", "Bowen", ""}}));
  EXPECT_EQ(clean_authors({"A. One; B. Two", "A. One"}, ""), people({{"One", "A.", ""}, {"Two", "B.", ""}}));
}

TEST(AuthorNames, TitleSuffixes) {
  EXPECT_EQ(clean_title("California halts Cruise | Reuters", "Reuters"), "California halts Cruise");
  EXPECT_EQ(clean_title("A - B - The Verge", "The Verge"), "A - B");
  EXPECT_EQ(clean_title("Rust - A language", "Reuters"), "Rust - A language");
}

TEST(JsonLd, AuthorsByIdInAGraph) {
  const JsonLdWork w = main_work({R"({"@graph":[{"@type":"NewsArticle","headline":"H","author":{"@id":"https://x.example/#/person/1"},
    "publisher":{"@id":"https://x.example/#org"}},{"@type":"Person","@id":"https://x.example/#/person/1","name":"Jane Doe"},
    {"@type":"Organization","@id":"https://x.example/#org","name":"X Times"}]})"});
  EXPECT_EQ(w.authors, std::vector<std::string>{"Jane Doe"});
  EXPECT_EQ(w.publisher, "X Times");
}

TEST(JsonLd, DeepNestingIsCutNotFatal) {
  std::string deep = "{\"@type\":\"NewsArticle\",\"headline\":\"H\",\"x\":";
  for (int i = 0; i < 100000; ++i) {
    deep += "[";
  }
  for (int i = 0; i < 100000; ++i) {
    deep += "]";
  }
  deep += "}";
  EXPECT_EQ(main_work({deep}).headline, "H");
}

} // namespace
} // namespace refs::resolve::web
