// The body pass: each rule on a small page written for it, and the merge
// of what the page shows with what its head says.
#include "core/resolve/web/author_names.hpp"
#include "core/resolve/web/body_pass.hpp"
#include "core/resolve/web/date_text.hpp"
#include "core/resolve/web/month_names.hpp"
#include "core/resolve/web/page_metadata.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace refs::resolve::web {
namespace {

constexpr model::Date k_today{2026, 12, 6};

std::vector<std::string> values(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings) {
    out.push_back(f.value);
  }
  return out;
}

std::vector<std::string> rules(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings) {
    out.push_back(f.rule);
  }
  return out;
}

BodyFindings body_of(const std::string& html, const std::string& language = "en", const std::string& url = "https://example.com/a") {
  return read_body(html, language, url, k_today);
}

PageMetadata page_of(const std::string& html, const std::string& url = "https://www.example.com/story/1") {
  return extract_page(html, "text/html", url, k_today);
}

std::string families(const model::Citation& c) {
  std::string out;
  for (const model::Person& p : c.authors) {
    out += (out.empty() ? "" : "; ") + (p.literal.empty() ? p.family + ", " + p.given + (p.suffix.empty() ? "" : ", " + p.suffix) : p.literal);
  }
  return out;
}

// --- written dates ---------------------------------------------------------

TEST(WrittenDate, MonthNamesInSevenLanguages) {
  EXPECT_EQ(parse_date_text("24. Januar 2022", "de"), (model::Date{2022, 1, 24}));
  EXPECT_EQ(parse_date_text("3. März 2021", "de"), (model::Date{2021, 3, 3}));
  EXPECT_EQ(parse_date_text("3 novembre 2020", "fr"), (model::Date{2020, 11, 3}));
  EXPECT_EQ(parse_date_text("1er févr. 2019", "fr"), (model::Date{2019, 2, 1}));
  EXPECT_EQ(parse_date_text("3 de mayo de 2022", "es"), (model::Date{2022, 5, 3}));
  EXPECT_EQ(parse_date_text("7 febbraio 2019", "it"), (model::Date{2019, 2, 7}));
  EXPECT_EQ(parse_date_text("5 de março de 2021", "pt"), (model::Date{2021, 3, 5}));
  EXPECT_EQ(parse_date_text("13 maart 2021", "nl"), (model::Date{2021, 3, 13}));
  EXPECT_EQ(parse_date_text("Nov. 3, 2020"), (model::Date{2020, 11, 3}));
  EXPECT_EQ(parse_date_text("Thursday, May 26, 2016"), (model::Date{2016, 5, 26}));
  EXPECT_EQ(parse_date_text("12 Jan, 2016, 10.34PM IST"), (model::Date{2016, 1, 12}));
  EXPECT_EQ(parse_date_text("Posted on: May 3, 2020"), (model::Date{2020, 5, 3}));
}

TEST(WrittenDate, KoreanJapaneseAndChineseDates) {
  EXPECT_EQ(parse_date_text("2020년 11월 3일 오후 2:15", "ko"), (model::Date{2020, 11, 3}));
  EXPECT_EQ(parse_date_text("입력 2020.11.03 14:15", "ko"), (model::Date{2020, 11, 3}));
  EXPECT_EQ(parse_date_text("公開日：2020年11月3日", "ja"), (model::Date{2020, 11, 3}));
  EXPECT_EQ(parse_date_text("发布时间：2021年7月15日 10:00", "zh"), (model::Date{2021, 7, 15}));
  EXPECT_EQ(parse_date_text("2019年5月", "ja"), (model::Date{2019, 5, 0}));
}

TEST(WrittenDate, NumbersInThePagesOrder) {
  EXPECT_EQ(parse_date_text("26.10.2023", "de"), (model::Date{2023, 10, 26}));
  EXPECT_EQ(parse_date_text("3/5/2022", "en-US"), (model::Date{2022, 3, 5}));
  EXPECT_EQ(parse_date_text("3/5/2022", "es"), (model::Date{2022, 5, 3}));
  EXPECT_EQ(parse_date_text("25/5/2022", "en-US"), (model::Date{2022, 5, 25}));
  EXPECT_EQ(parse_date_text("2023-02-30"), (model::Date{}));
  EXPECT_EQ(parse_date_text("April Smith"), (model::Date{}));
  EXPECT_TRUE(has_time_of_day("2021-01-06T02:23:00Z"));
  EXPECT_FALSE(has_time_of_day("2021-01-06"));
}

TEST(WrittenDate, MonthAndWeekdayNamesFromIcu) {
  EXPECT_EQ(month_from_name("Januar"), 1);
  EXPECT_EQ(month_from_name("MRT"), 3);
  EXPECT_EQ(month_from_name("août"), 8);
  EXPECT_EQ(month_from_name("Sept."), 9);
  EXPECT_EQ(month_from_name("Smith"), 0);
  EXPECT_TRUE(is_weekday_name("Donnerstag"));
  EXPECT_TRUE(is_weekday_name("jeudi"));
  EXPECT_FALSE(is_weekday_name("Jeudinho"));
}

// --- author clean-up ---------------------------------------------------------

TEST(AuthorCleanUp, BylineWordsRolesAndDesksGo) {
  const auto one = [](const std::string& byline, const std::string& language = "") {
    model::Citation c;
    c.authors = clean_authors({byline}, "Site", language);
    return families(c);
  };
  EXPECT_EQ(one("View all posts by Daniel Lemire"), "Lemire, Daniel");
  EXPECT_EQ(one("Von FOCUS-Online-Experte Robin Tschöpe"), "Tschöpe, Robin");
  EXPECT_EQ(one("Alles von Martin Junker"), "Junker, Martin");
  EXPECT_EQ(one("Posted by Brian Stevens, Vice President, Google Cloud"), "Stevens, Brian");
  EXPECT_EQ(one("von Dennis Kochinky am 24.01.2022"), "Kochinky, Dennis");
  EXPECT_EQ(one("par Didier Roy le 3 mai"), "Roy, Didier");
  EXPECT_EQ(one("By Alex Bozarjian Thursday, November"), "Bozarjian, Alex");
  EXPECT_EQ(one("Fiona Bornhöft und Mariam Hofbeck"), "Bornhöft, Fiona; Hofbeck, Mariam");
  EXPECT_EQ(one("David Brand and Ramsey Khalifeh"), "Brand, David; Khalifeh, Ramsey");
  EXPECT_EQ(one("Michael Rädel, Redaktion"), "Rädel, Michael");
  EXPECT_EQ(one("J Vignesh, ET Bureau"), "Vignesh, J");
  EXPECT_EQ(one("Redaktion"), "");
  EXPECT_EQ(one("WIRED Staff"), "");
  EXPECT_EQ(one("About the Author"), "");
  EXPECT_EQ(one("글·사진 홍길동 기자"), "홍길동, ");
  EXPECT_EQ(one("山田太郎記者"), "山田太郎, ");
  EXPECT_EQ(one("Por Ariel Melgar Cabrera", "es"), "Melgar Cabrera, Ariel");
  EXPECT_EQ(one("Nicolas Gutierrez C.", "es"), "Gutierrez, Nicolas, C.");
}

// --- headline rules -----------------------------------------------------------

TEST(HeadlineRules, TheArticlesH1NotTheSitesName) {
  const BodyFindings f = body_of(
      "<body><header><h1 class=\"site-title\"><a href=\"/\">My Blog</a></h1></header>"
      "<nav><h1>Menu</h1></nav>"
      "<article><h1 class=\"entry-title\">A Long Walk Home</h1><p>By Jane Doe</p></article></body>");
  EXPECT_EQ(values(f.headlines), (std::vector<std::string>{"A Long Walk Home"}));
  EXPECT_EQ(rules(f.headlines), (std::vector<std::string>{"h1 in article"}));
  ASSERT_EQ(f.rejected.size(), 2u);
  EXPECT_EQ(f.rejected[0].why, "the site's logo");
  EXPECT_EQ(f.rejected[1].why, "in <nav>");
}

// --- byline rules ------------------------------------------------------------

TEST(BylineRules, VisibleBylinesInTheArticleHeader) {
  const BodyFindings en = body_of("<body><h1>Sixers win</h1><div class=\"meta\"><p>By Adam Aaronson</p></div></body>");
  EXPECT_EQ(values(en.bylines), (std::vector<std::string>{"By Adam Aaronson"}));
  EXPECT_EQ(rules(en.bylines), (std::vector<std::string>{"byline text"}));

  const BodyFindings de =
      body_of("<body><h1>Neue Regeln</h1><p>von Dennis Kochinky <time datetime=\"2022-01-24\">24. Januar 2022</time></p></body>", "de");
  EXPECT_EQ(values(de.bylines), (std::vector<std::string>{"von Dennis Kochinky"}));
  EXPECT_EQ(values(de.dates), (std::vector<std::string>{"2022-01-24", "von Dennis Kochinky 24. Januar 2022"}));

  const BodyFindings ko = body_of("<body><h1>새 정책 발표</h1><p class=\"info\">글·사진 홍길동 기자</p><p>입력 2020.11.03 14:15</p></body>", "ko");
  EXPECT_EQ(values(ko.bylines), (std::vector<std::string>{"글·사진 홍길동 기자"}));
  EXPECT_EQ(values(ko.dates), (std::vector<std::string>{"입력 2020.11.03 14:15"}));

  const BodyFindings ja = body_of("<body><h1>新しい政策</h1><p>山田太郎記者</p><p>2020年11月3日</p></body>", "ja");
  EXPECT_EQ(values(ja.bylines), (std::vector<std::string>{"山田太郎記者"}));
  EXPECT_EQ(values(ja.dates), (std::vector<std::string>{"2020年11月3日"}));
}

TEST(BylineRules, PostedOnDateByName) {
  const BodyFindings f = body_of("<body><h1>Items</h1><div>Posted on September 21, 2020 by Adi Tzlil</div></body>");
  EXPECT_EQ(values(f.bylines), (std::vector<std::string>{"by Adi Tzlil"}));
}

TEST(BylineRules, MarkedAuthorsAndWhatIsRejected) {
  const BodyFindings f = body_of(
      "<body><article><h1>Title Here</h1>"
      "<span itemprop=\"author\" itemscope><span itemprop=\"name\">Mark Emmons</span></span>"
      "<figure><figcaption class=\"credit\">Foto: Ingo Schneider</figcaption></figure>"
      "</article><section class=\"comments\"><span class=\"comment-author\">Troll</span></section></body>");
  EXPECT_EQ(values(f.bylines), (std::vector<std::string>{"Mark Emmons"}));
  EXPECT_EQ(rules(f.bylines), (std::vector<std::string>{"itemprop author"}));
  ASSERT_EQ(f.rejected.size(), 2u);
  EXPECT_EQ(f.rejected[0].finding.value, "Foto: Ingo Schneider");
  EXPECT_EQ(f.rejected[0].why, "a photo credit");
  EXPECT_EQ(f.rejected[1].finding.value, "Troll");
  EXPECT_EQ(f.rejected[1].why, "in <span class=\"comment-author\">");
}

TEST(BylineRules, AnAuthorBoxNamedForItsPlaceIsStillTheAuthors) {
  const BodyFindings f = body_of(
      "<body><h1>Firmenwagen: Leasing oder Finanzierung?</h1><p>Text of the article.</p>"
      "<div class=\"author-bio footer\"><h3>Martin Junker</h3></div>"
      "<footer class=\"site-footer\"><p class=\"comment-author\">Troll</p></footer></body>",
      "de");
  EXPECT_EQ(values(f.bylines), (std::vector<std::string>{"Martin Junker"}));
  ASSERT_EQ(f.rejected.size(), 1u);
  EXPECT_EQ(f.rejected[0].finding.value, "Troll");
}

TEST(BylineRules, BylineCutAtItsSeparator) {
  const BodyFindings f =
      body_of("<body><h1>CircleCI raises</h1><p class=\"post-meta\">by <a>Kyt Dotson</a> | May 16, 2016 | 0 comments</p></body>");
  EXPECT_EQ(values(f.bylines), (std::vector<std::string>{"by Kyt Dotson"}));
}

// --- date rules -------------------------------------------------------------

TEST(DateRules, PublishedNotUpdatedNotOtherArticles) {
  const BodyFindings f = body_of(
      "<body><article><h1>Budget passes</h1>"
      "<p><span>Updated: </span><time datetime=\"2021-03-09\">March 9</time></p>"
      "<p><time class=\"entry-date published\" datetime=\"2021-03-08T09:00:00+01:00\">8 March 2021</time></p>"
      "</article><aside><time datetime=\"2021-02-01\">Feb 1</time></aside>"
      "<footer>\xC2\xA9 2021 Example</footer></body>");
  EXPECT_EQ(values(f.dates), (std::vector<std::string>{"2021-03-08T09:00:00+01:00", "8 March 2021"}));
  EXPECT_EQ(rules(f.dates), (std::vector<std::string>{"time published", "date text"}));
  std::vector<std::string> why;
  for (const Rejection& r : f.rejected) {
    why.push_back(r.finding.value + ": " + r.why);
  }
  EXPECT_EQ(why, (std::vector<std::string>{"2021-03-09: a date of change, not of publication", "2021-02-01: in <aside>"}));
}

TEST(DateRules, PublishedBeforeAnUpdateInOneLine) {
  const BodyFindings f = body_of("<body><h1>Charges</h1><div>Jan. 5, 2021, 9:23 PM UTC / Updated Jan. 6, 2021, 12:34 AM UTC</div></body>");
  EXPECT_EQ(values(f.dates), (std::vector<std::string>{"Jan. 5, 2021, 9:23 PM UTC /"}));
}

TEST(DateRules, DatesAfterTodayAndBefore1995AreNotPublications) {
  const BodyFindings f = body_of("<body><h1>Plans</h1><p>December 24, 2030</p><p>May 3, 1990</p></body>");
  EXPECT_TRUE(f.dates.empty());
  EXPECT_EQ(f.rejected.size(), 2u);
}

TEST(DateRules, TheUrlsDateComesLast) {
  const BodyFindings f = body_of("<body><h1>Post</h1><p>Nothing dated here</p></body>", "en", "https://blog.example/2020/11/03/post/");
  EXPECT_EQ(values(f.dates), (std::vector<std::string>{"2020/11/03"}));
  EXPECT_EQ(rules(f.dates), (std::vector<std::string>{"URL date"}));
}

TEST(DateRules, RepeatedTeaserDatesAreAList) {
  std::string teasers;
  for (int i = 1; i <= 5; ++i) {
    teasers += "<div class=\"card\"><h3>Other " + std::to_string(i) + "</h3><span class=\"td-date\">May " +
               std::to_string(i) + ", 2021</span></div>";
  }
  std::string filler;
  for (int i = 0; i < 40; ++i) {
    filler += "<p>Paragraph " + std::to_string(i) + " of the article's text.</p>";
  }
  const BodyFindings f = body_of("<body><h1>Main story</h1>" + filler + teasers + "</body>");
  EXPECT_TRUE(f.dates.empty());
  // Each teaser's box and its date element: five alike of each.
  ASSERT_EQ(f.rejected.size(), 10u);
  for (const Rejection& r : f.rejected) {
    EXPECT_EQ(r.why, "one of 5 alike elements: a list of other articles") << r.finding.value;
  }
}

// --- the merge with the head -------------------------------------------------

TEST(EvidenceMerge, WikipediaTitleIsTheH1NotTheJsonLdHeadline) {
  const PageMetadata p = page_of(
      "<html lang=\"en\"><head><title>Bob Dylan - Wikipedia</title>"
      "<meta property=\"og:title\" content=\"Bob Dylan - Wikipedia\">"
      "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"headline\":\"American singer-songwriter\"}</script>"
      "</head><body><h1 id=\"firstHeading\">Bob Dylan</h1><p>Bob Dylan is an American singer.</p></body></html>",
      "https://en.wikipedia.org/wiki/Bob_Dylan");
  EXPECT_EQ(p.citation.title, "Bob Dylan");
  EXPECT_EQ(p.citation.container_title, "Wikipedia");
  EXPECT_EQ(p.provenance.at("title"),
            "page h1 <h1 id=\"firstHeading\"> (opengraph og:title is the headline and \"Wikipedia\")");
}

TEST(EvidenceMerge, SiteNameBeforeTheHeadlineInTitle) {
  const PageMetadata p = page_of(
      "<html><head><title>Gregory Szorc's Digital Home | Mercurial's Journey to Python 3</title></head>"
      "<body><article><h1>Mercurial's Journey to Python 3</h1><p>January 13, 2020 at 10:00 AM</p></article></body></html>",
      "https://gregoryszorc.com/blog/2020/01/13/mercurial's-journey/");
  EXPECT_EQ(p.citation.title, "Mercurial's Journey to Python 3");
  EXPECT_EQ(p.citation.container_title, "Gregory Szorc's Digital Home");
  EXPECT_EQ(p.citation.issued, (model::Date{2020, 1, 13}));
}

TEST(EvidenceMerge, TheLocalDayOverAUtcShiftedHeadDate) {
  const PageMetadata p = page_of(
      "<html lang=\"en\"><head><meta property=\"og:title\" content=\"Charges decision\">"
      "<meta property=\"article:published_time\" content=\"2021-01-06T02:23:00Z\"></head>"
      "<body><h1>Charges decision</h1><div>Jan. 5, 2021, 9:23 PM EST</div></body></html>");
  EXPECT_EQ(p.citation.issued, (model::Date{2021, 1, 5}));
  EXPECT_EQ(p.citation.sources.at("issued"), "page");
}

TEST(EvidenceMerge, HeadDateStandsAgainstAnotherVisibleDate) {
  const PageMetadata p = page_of(
      "<html lang=\"en\"><head><meta property=\"og:title\" content=\"Budget\">"
      "<meta property=\"article:published_time\" content=\"2021-03-08T09:00:00Z\"></head>"
      "<body><h1>Budget</h1><p>March 1, 2021</p></body></html>");
  EXPECT_EQ(p.citation.issued, (model::Date{2021, 3, 8}));
  ASSERT_FALSE(p.rejected.empty());
  EXPECT_EQ(p.rejected.back(), "issued: \"March 1, 2021\" from date text <p>: the head's date 2021-03-08 stands");
}

TEST(EvidenceMerge, BylineReplacesAPlaceholderOrInitials) {
  const PageMetadata placeholder = page_of(
      "<html lang=\"de\"><head><meta name=\"author\" content=\"Redaktion\"><meta property=\"og:title\" content=\"Neue Regeln\">"
      "</head><body><h1>Neue Regeln</h1><p>Von Lisa Petrich</p></body></html>");
  EXPECT_EQ(families(placeholder.citation), "Petrich, Lisa");
  const PageMetadata initials = page_of(
      "<html lang=\"en\"><head><meta name=\"author\" content=\"DT\"><meta property=\"og:title\" content=\"A walk\">"
      "</head><body><h1>A walk</h1><p>By Dana Townsend</p></body></html>");
  EXPECT_EQ(families(initials.citation), "Townsend, Dana");
  EXPECT_EQ(initials.provenance.at("author"),
            "page byline text <p> (a person, where the head gave a user name, initials or an organisation)");
}

TEST(EvidenceMerge, HeadAuthorStandsWhenTheBylineNamesAnother) {
  const PageMetadata p = page_of(
      "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Talk\","
      "\"author\":{\"@type\":\"Person\",\"name\":\"Ramona Bloj\"}}</script></head>"
      "<body><h1>Talk</h1><p>By Gilles Gressani</p></body></html>");
  EXPECT_EQ(families(p.citation), "Bloj, Ramona");
}

TEST(EvidenceMerge, HeadIsEnoughSoTheBodyIsNotRead) {
  const PageMetadata p = page_of(
      "<html lang=\"en\"><head><meta property=\"og:title\" content=\"Budget passes\">"
      "<meta property=\"og:site_name\" content=\"Daily Example\">"
      "<meta property=\"article:published_time\" content=\"2021-03-08T09:00:00+01:00\">"
      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Budget passes\","
      "\"author\":{\"@type\":\"Person\",\"name\":\"Jane Doe\"}}</script></head>"
      "<body><h1>Something else entirely</h1><p>By John Roe</p></body></html>");
  EXPECT_EQ(p.citation.title, "Budget passes");
  EXPECT_EQ(families(p.citation), "Doe, Jane");
  EXPECT_EQ(p.provenance.count("body"), 0u);
}

/// The site a page gets whose head names it `site_name`, headline "A post".
std::string site_of(const std::string& site_name, const std::string& url) {
  return page_of("<html><head><meta property=\"og:site_name\" content=\"" + site_name +
                     "\"><meta property=\"og:title\" content=\"A post\"></head><body><h1>A post</h1></body></html>",
                 url)
      .citation.container_title;
}

TEST(EvidenceMerge, SiteNamesWithoutWhatSitesAdd) {
  EXPECT_EQ(site_of("X (formerly Twitter)", "https://x.com/a/status/1"), "X");
  EXPECT_EQ(site_of("BioBioChile - La Red de Prensa Más Grande de Chile", "https://www.biobiochile.cl/noticias/1.html"),
            "BioBioChile");
  EXPECT_EQ(site_of("LN - Lübecker Nachrichten", "https://www.ln-online.de/a.html"), "Lübecker Nachrichten");
  EXPECT_EQ(site_of("90min.de", "https://www.90min.de/posts/1"), "90min");
  EXPECT_EQ(site_of("Phys.org", "https://phys.org/news/1.html"), "Phys.org");
  EXPECT_EQ(site_of("St.GEORG", "https://www.st-georg.de/a/"), "St.GEORG");
}

} // namespace
} // namespace refs::resolve::web
