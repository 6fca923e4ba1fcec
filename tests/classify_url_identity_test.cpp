#include "core/classify/url_identity.hpp"

#include <gtest/gtest.h>

#include <string>

namespace refs::classify {
namespace {

struct Pair {
  const char* a;
  const char* b;
  bool same;
};

// Every rule of identity_url, each with a pair it joins and, where it has
// one, the exception it must not join.
constexpr Pair k_pairs[] = {
    // scheme, host case, default ports, fragments
    {"http://example.com/a/b", "https://example.com/a/b", true},
    {"https://EXAMPLE.com/a/b", "https://example.com/a/b", true},
    {"https://Example.COM./a/b", "https://example.com/a/b", true},
    {"https://example.com:443/a/b", "https://example.com/a/b", true},
    {"http://example.com:80/a/b", "https://example.com/a/b", true},
    {"https://example.com:8443/a/b", "https://example.com/a/b", false},
    {"https://example.com/a/b#section-2", "https://example.com/a/b", true},
    {"https://example.com/a/b#one", "https://example.com/a/b#two", true},
    {"https://example.com/#/post/1", "https://example.com/#/post/2", false},
    {"https://example.com/#/post/1", "https://example.com/", false},
    {"https://example.com/#!/user/ann", "https://www.example.com/#!/user/ann", true},
    // www and other editions of the host
    {"https://www.example.com/a/b", "https://example.com/a/b", true},
    {"http://www.example.com/a/b/", "https://example.com/a/b", true},
    {"https://m.example.com/a/b", "https://example.com/a/b", true},
    {"https://mobile.example.com/a/b", "https://www.example.com/a/b", true},
    {"https://m.facebook.com/story/1", "https://www.facebook.com/story/1", true},
    {"https://en.m.wikipedia.org/wiki/Transformer", "https://en.wikipedia.org/wiki/Transformer", false},
    {"https://blog.example.com/a/b", "https://example.com/a/b", false},
    {"https://news.example.com/a/b", "https://www.example.com/a/b", false},
    {"https://example.org/a/b", "https://example.com/a/b", false},
    {"https://m.co/a", "https://co/a", false},
    {"https://m.co.uk/a", "https://co.uk/a", false},
    {"https://m.example.co.uk/a", "https://example.co.uk/a", true},
    // trailing slash
    {"https://example.com/a/b/", "https://example.com/a/b", true},
    {"https://example.com/a/b//", "https://example.com/a/b", true},
    {"https://example.com/", "https://example.com", true},
    {"https://example.com/a/b/", "https://example.com/a/c/", false},
    // paths stay case-sensitive
    {"https://example.com/A/B", "https://example.com/a/b", false},
    {"https://github.com/openai/CLIP", "https://github.com/openai/clip", false},
    // percent-encoding
    {"https://example.com/%7Euser/page", "https://example.com/~user/page", true},
    {"https://example.com/a%2Db", "https://example.com/a-b", true},
    {"https://example.com/caf%c3%a9", "https://example.com/caf%C3%A9", true},
    {"https://example.com/café", "https://example.com/caf%C3%A9", true},
    {"https://ko.wikipedia.org/wiki/인공지능", "https://ko.wikipedia.org/wiki/%EC%9D%B8%EA%B3%B5%EC%A7%80%EB%8A%A5", true},
    {"https://example.com/a%20b", "https://example.com/a b", true},
    {"https://example.com/a%2Fb", "https://example.com/a/b", false},
    {"https://example.com/search?q=a%2Bb", "https://example.com/search?q=a+b", false},
    {"https://example.com/search?q=%41", "https://example.com/search?q=A", true},
    // tracking parameters
    {"https://example.com/a?utm_source=twitter", "https://example.com/a", true},
    {"https://example.com/a?utm_source=x&utm_medium=y&utm_campaign=z&utm_content=w&utm_term=v", "https://example.com/a", true},
    {"https://example.com/a?UTM_Source=x", "https://example.com/a", true},
    {"https://example.com/a?fbclid=IwAR0abc", "https://example.com/a", true},
    {"https://example.com/a?gclid=Cj0KCQ", "https://example.com/a", true},
    {"https://example.com/a?mc_cid=1a2b&mc_eid=3c4d", "https://example.com/a", true},
    {"https://twitter.com/user/status/1?ref_src=twsrc%5Etfw", "https://twitter.com/user/status/1", true},
    {"https://www.instagram.com/p/Cx1/?igshid=MzRlODBiNWFlZA==", "https://instagram.com/p/Cx1", true},
    {"https://example.com/a?spm=a2c4g.11186623", "https://example.com/a", true},
    {"https://example.com/a?msclkid=9&yclid=8&dclid=7", "https://example.com/a", true},
    {"https://example.com/a?_hsenc=p2A&_hsmi=123", "https://example.com/a", true},
    {"https://www.nytimes.com/2023/11/17/tech/a.html?smid=nytcore-ios-share", "https://www.nytimes.com/2023/11/17/tech/a.html", true},
    {"https://www.youtube.com/watch?v=abc123&si=XyZ", "https://www.youtube.com/watch?v=abc123", true},
    {"https://example.com/a?si=XyZ", "https://example.com/a", false},
    {"https://github.com/a/b/tree/x?ref=main", "https://github.com/a/b/tree/x", false},
    // content-selecting parameters are kept, in any order
    {"https://example.com/item?id=123", "https://example.com/item?id=124", false},
    {"https://example.com/item?id=123", "https://example.com/item", false},
    {"https://www.youtube.com/watch?v=abc123", "https://www.youtube.com/watch?v=abc124", false},
    {"https://example.com/?p=45", "https://example.com/?p=46", false},
    {"https://example.com/?p=45", "https://example.com/", false},
    {"https://example.com/item?id=1&lang=en", "https://example.com/item?lang=en&id=1", true},
    {"https://example.com/item?id=1&utm_source=x", "https://example.com/item?id=1", true},
    {"https://news.ycombinator.com/item?id=38309611", "https://news.ycombinator.com/item?id=38309611&utm_term=a", true},
    {"https://example.com/a?", "https://example.com/a", true},
    {"https://example.com/a?&&", "https://example.com/a", true},
    // AMP
    {"https://example.com/2023/11/story/amp", "https://example.com/2023/11/story", true},
    {"https://example.com/2023/11/story/amp/", "https://example.com/2023/11/story", true},
    {"https://example.com/amp/2023/11/story", "https://example.com/2023/11/story", true},
    {"https://example.com/2023/11/story?amp", "https://example.com/2023/11/story", true},
    {"https://example.com/2023/11/story?amp=1", "https://example.com/2023/11/story", true},
    {"https://example.com/2023/11/story?outputType=amp", "https://example.com/2023/11/story", true},
    {"https://amp.example.com/2023/11/story", "https://www.example.com/2023/11/story", true},
    {"https://www-example-com.cdn.ampproject.org/c/s/www.example.com/2023/11/story", "https://www.example.com/2023/11/story", true},
    {"https://www-example-com.cdn.ampproject.org/v/s/www.example.com/2023/11/story/amp?amp_js_v=0.1", "https://example.com/2023/11/story?amp_js_v=0.1", true},
    {"https://www.google.com/amp/s/www.example.com/2023/11/story/amp", "https://example.com/2023/11/story", true},
    {"https://example.com/2023/11/ampere", "https://example.com/2023/11", false},
    {"https://github.com/someone/amp", "https://github.com/someone", false},
    {"https://github.com/amp/foo", "https://github.com/foo", false},
    {"https://example.com/someone/amp", "https://example.com/someone", false},
    {"https://m.example.com/watch/amp?v=zg3a9", "https://www.example.com/watch?v=zg3a9", true},
    {"https://google.example.com/amp/s/victim.org/2023/page-1", "https://victim.org/2023/page-1", false},
    {"https://www.google.co.uk/amp/s/www.example.com/2023/11/story", "https://example.com/2023/11/story", true},
    {"https://example.com/2023/11/story?amp=0", "https://example.com/2023/11/story", false},
    {"https://www-example-com.cdn.ampproject.org/c/s/www.example.com/2023/11/story", "https://www.example.com/2023/11/other", false},
    // short links that name their target
    {"https://youtu.be/abc123", "https://www.youtube.com/watch?v=abc123", true},
    {"https://youtu.be/abc123?si=share", "https://m.youtube.com/watch?v=abc123", true},
    {"https://youtu.be/abc123?t=42", "https://www.youtube.com/watch?v=abc123&t=42", true},
    {"https://youtu.be/abc123", "https://www.youtube.com/watch?v=abc124", false},
    // real pages of the sample post
    {"https://www.reuters.com/technology/openai-ceo-altman-2023-11-17/", "https://reuters.com/technology/openai-ceo-altman-2023-11-17", true},
    {"https://openai.com/blog/introducing-gpts", "http://www.openai.com/blog/introducing-gpts/?utm_source=newsletter", true},
    {"https://openai.com/blog/introducing-gpts", "https://openai.com/blog/new-models-and-developer-products-announced-at-devday", false},
    {"https://arxiv.org/abs/2309.00071", "https://arxiv.org/abs/2309.00072", false},
    {"https://arxiv.org/abs/2309.00071v2", "https://arxiv.org/abs/2309.00071", false}, // versions are the arXiv id's business
    // different pages stay different
    {"https://example.com/a/b", "https://example.com/a/b.html", false},
    {"https://example.com/a/b", "https://example.com/a/b/c", false},
    {"https://example.com/a/index.html", "https://example.com/a", false},
    {"https://user@example.com/a", "https://example.com/b", false},
};

TEST(UrlIdentity, PairsJoinOnlyUnderTheRules) {
  int checked = 0;
  for (const Pair& pair : k_pairs) {
    const auto a = identity_url(pair.a);
    const auto b = identity_url(pair.b);
    ASSERT_TRUE(a) << pair.a;
    ASSERT_TRUE(b) << pair.b;
    EXPECT_EQ(*a == *b, pair.same) << pair.a << "\n  -> " << *a << "\n" << pair.b << "\n  -> " << *b;
    ++checked;
  }
  EXPECT_GE(checked, 80);
}

TEST(UrlIdentity, ExactForms) {
  EXPECT_EQ(identity_url("HTTP://WWW.Example.com:80/%7eA/b/?b=2&utm_medium=x&a=1#f"), "https://example.com/~A/b?a=1&b=2");
  EXPECT_EQ(identity_url("https://www-nytimes-com.cdn.ampproject.org/c/s/www.nytimes.com/2023/11/17/a.amp.html"),
            "https://nytimes.com/2023/11/17/a.amp.html");
  EXPECT_EQ(identity_url("https://youtu.be/dQw4w9WgXcQ"), "https://youtube.com/watch?v=dQw4w9WgXcQ");
  EXPECT_EQ(identity_url("https://example.com"), "https://example.com");
  EXPECT_FALSE(identity_url("mailto:someone@example.com"));
  EXPECT_FALSE(identity_url("ftp://example.com/file"));
  EXPECT_FALSE(identity_url("not a url"));
  // Found by the fuzzer: every identity is its own identity.
  EXPECT_FALSE(identity_url("http://."));
  EXPECT_EQ(identity_url("http://9./x"), "https://0.0.0.9/x");
  EXPECT_EQ(identity_url("https://example.org/amp/amp/amp?id=1"), "https://example.org?id=1");
}

// Found by the fuzzer: the first reading drops the %7F from the host,
// leaving ".0t.crrrr..." that libcurl cannot read again.
TEST(UrlIdentity, AUrlWhoseNormalFormCannotBeReadAgainHasNoIdentity) {
  EXPECT_EQ(identity_url("http:/.0%7ft.cRRRRomampprojhgoc.etrV0/h\x95tt7#"), std::nullopt);
  EXPECT_EQ(identity_url("http://example.org.:80/a/"), "https://example.org/a");
}

TEST(UrlIdentity, HomeAndSectionPages) {
  const auto section = [](const char* url) { return is_home_or_section(*identity_url(url)); };
  EXPECT_TRUE(section("https://www.example.com/"));
  EXPECT_TRUE(section("https://example.com"));
  EXPECT_TRUE(section("https://example.com/news/"));
  EXPECT_TRUE(section("https://example.com/Technology"));
  EXPECT_TRUE(section("https://example.com/tag/ai"));
  EXPECT_TRUE(section("https://example.com/category/machine-learning/"));
  EXPECT_TRUE(section("https://example.com/author/jane-doe"));
  EXPECT_FALSE(section("https://example.com/introducing-gpts"));
  EXPECT_FALSE(section("https://example.com/gpt4"));
  EXPECT_FALSE(section("https://example.com/blog/introducing-gpts"));
  EXPECT_FALSE(section("https://example.com/?p=45"));
  EXPECT_FALSE(section("https://example.com/2023/11/17/story"));
  EXPECT_FALSE(section("https://example.com/tag/ai/page/2/story"));
  EXPECT_TRUE(section("https://example.com/en-us"));
  EXPECT_TRUE(section("https://example.com/index.html"));
  EXPECT_TRUE(section("https://example.com/blog/index.php"));
  EXPECT_TRUE(section("https://example.com/blog/ai"));
  EXPECT_TRUE(section("https://example.com/news/technology/"));
  EXPECT_TRUE(section("https://example.com/2024/05"));
  EXPECT_TRUE(section("https://example.com/#/"));
  EXPECT_FALSE(section("https://example.com/#/post/1"));
  EXPECT_FALSE(section("https://example.com/2024/05/rain-in-spain"));
  EXPECT_FALSE(section("https://example.com/blog/ai/new-models"));
  EXPECT_EQ(identity_host(*identity_url("https://www.example.com:8443/a")), "example.com");
}

} // namespace
} // namespace refs::classify
