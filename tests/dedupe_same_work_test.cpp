#include "core/dedupe/same_work.hpp"
#include "core/dedupe/work_groups.hpp"
#include "core/dedupe/work_profile.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace refs::dedupe {
namespace {

model::Citation work(const std::string& title, const std::string& family, int year,
                     const std::string& type = "article-journal", const std::string& url = "") {
  model::Citation c;
  c.type = type;
  c.title = title;
  c.sources["title"] = "highwire";
  if (!family.empty()) {
    c.authors.push_back({family, "A.", ""});
  }
  c.issued.year = year;
  if (!url.empty()) {
    c.url = url;
    c.ids.push_back({model::IdKind::url, url});
  }
  return c;
}

std::optional<double> titles(const model::Citation& a, const model::Citation& b) {
  const WorkProfile pa = profile_of(a);
  const WorkProfile pb = profile_of(b);
  if (!pa.title || !pb.title) {
    return std::nullopt;
  }
  return titles_match(*pa.title, *pb.title);
}

struct TitleCase {
  model::Citation a;
  model::Citation b;
  bool same;
  const char* why;
};

TEST(TitleRule, MustAndMustNotJoin) {
  const std::string yarn = "YaRN: Efficient Context Window Extension of Large Language Models";
  const std::vector<TitleCase> cases = {
      {work(yarn, "Peng", 2023), work("YaRN - efficient context window extension of large language models", "Peng", 2023), true, "repunctuated, recased"},
      {work(yarn, "Peng", 2023), work("ＹａＲＮ: Eﬃcient Context Window Extension of Large Language Models", "Peng", 2023), true, "fullwidth and ligature"},
      {work(yarn, "Peng", 2023), work("YaRN: Efficient Context Window Extensions of Large Language Models", "Peng", 2023), true, "one letter more"},
      {work("Attention Is All You Need", "Vaswani", 2017), work("Attention is all you need.", "Vaswani", 2017), true, "trailing period"},
      {work("Müller's Lemma Revisited for Graphs", "Müller", 2020), work("Mu\u0308ller’s lemma revisited for graphs", "Mu\u0308ller", 2020), true, "decomposed accents, curly apostrophe"},
      {work("대규모 언어 모델의 문맥 창 확장 방법", "김", 2023), work("대규모 언어 모델의 문맥 창 확장 방법.", "김", 2023), true, "Korean title"},
      {work("대규모 언어 모델의 문맥 창 확장 방법", "김", 2023), work("대규모 언어 모델의 문맥 창 확장", "김", 2023), false, "Korean title cut short"},
      {work("AI 트렌드 정리 2부: 오픈소스 모델의 부상", "이", 2023), work("AI 트렌드 정리 3부: 오픈소스 모델의 부상", "이", 2023), false, "Korean part number"},
      {work("Scaling Laws for Neural Language Models, Part 2", "Kaplan", 2020), work("Scaling Laws for Neural Language Models, Part 3", "Kaplan", 2020), false, "part number"},
      {work("Scaling Laws for Neural Language Models Part II", "Kaplan", 2020), work("Scaling Laws for Neural Language Models Part III", "Kaplan", 2020), false, "roman part"},
      {work("GPT-3 Technical Report and Evaluation", "OpenAI", 2023), work("GPT-4 Technical Report and Evaluation", "OpenAI", 2023), false, "model version"},
      {work("Llama 2: Open Foundation and Fine-Tuned Chat Models", "Touvron", 2023), work("Llama 3: Open Foundation and Fine-Tuned Chat Models", "Touvron", 2023), false, "version"},
      {work("Benchmarking Large Language Models v1", "Chen", 2023), work("Benchmarking Large Language Models v2", "Chen", 2023), false, "v1 v2"},
      {work("Zero-shot Learning in Large Language Models", "Chen", 2023), work("One-shot Learning in Large Language Models", "Chen", 2023), false, "number words"},
      {work("State of AI Report 2023 Edition", "", 2023, "report", "https://stateof.ai/2023"), work("State of AI Report 2024 Edition", "", 2024, "report", "https://stateof.ai/2024"), false, "annual report year in title"},
      {work("Annual Report on Artificial Intelligence", "Stanford HAI", 2023, "report"), work("Annual Report on Artificial Intelligence", "Stanford HAI", 2024, "report"), false, "same title, next year"},
      {work("Annual Report on Artificial Intelligence", "Stanford HAI", 2023, "report"), work("Annual Report on Artificial Intelligence", "Stanford HAI", 0, "report"), false, "one year unknown"},
      {work(yarn, "Peng", 2023), work(yarn, "Quesnelle", 2023), false, "different first author"},
      {work(yarn, "Peng", 2023), work(yarn, "Peng", 2025), false, "two years apart"},
      {work(yarn, "Peng", 2023, "post-weblog"), work(yarn, "Peng", 2023, "article"), false, "a blog post about the paper"},
      {work(yarn, "Peng", 2023, "article-newspaper"), work(yarn, "Peng", 2023, "article-journal"), false, "a news story about the paper"},
      {work(yarn, "Peng", 2023, "webpage"), work(yarn, "Peng", 2023, "article"), true, "a repository's page of the paper"},
      {work("Short Title", "Peng", 2023), work("Short Title", "Peng", 2023), true, "short but long enough"},
      {work("Stochastic optimisation of large language models", "Li", 2022), work("Stochastic Optimization of Large Language Models", "Li", 2022), true, "British and American spelling"},
      {work("Efficient pre-training of vision transformers", "Li", 2022), work("Efficient Pretraining of Vision Transformers", "Li", 2022), true, "hyphenation"},
      {work("Supervised contrastive learning for speech representations of low resource languages", "Li", 2022),
       work("Unsupervised contrastive learning for speech representations of low resource languages", "Li", 2022), false, "a negating prefix"},
      {work("New upper bounds on the size of error correcting codes", "Li", 2022), work("New lower bounds on the size of error correcting codes", "Li", 2022), false, "one word of difference"},
      {work("Linear attention for long context language modelling", "Li", 2022), work("Nonlinear attention for long context language modelling", "Li", 2022), false, "linear and nonlinear"},
      {work("Quarterly market report for the month of June", "", 2022, "webpage", "https://example.com/reports/june-report"),
       work("Quarterly market report for the month of July", "", 2022, "webpage", "https://example.com/reports/july-report"), false, "June and July"},
      {work("Algebraic topology lecture notes Part A", "Li", 2022), work("Algebraic topology lecture notes Part B", "Li", 2022), false, "Part A and Part B"},
      {work("Thirteen lessons from training large models", "Li", 2022), work("Fourteen lessons from training large models", "Li", 2022), false, "number words"},
      {work("Compilers for C++ and their optimisations", "Li", 2022), work("Compilers for C# and their optimisations", "Li", 2022), false, "C++ and C#"},
      {work("A short proof that P = NP holds", "Li", 2022), work("A short proof that P ≠ NP holds", "Li", 2022), false, "a symbol of difference"},
      {work("Whisper speech recognition models repository", "", 2022, "webpage", "https://github.com/abc/whisper"),
       work("Whisper speech recognition models repository", "", 2022, "webpage", "https://github.com/xyz/whisper"), false, "two forks on github.com"},
      {work("Intro", "Peng", 2023), work("Intro", "Peng", 2023), false, "too short to tell works apart"},
      {work("OpenAI announces leadership transition today", "", 2023, "webpage", "https://openai.com/blog/openai-announces-leadership-transition"),
       work("OpenAI Announces Leadership Transition Today", "", 2023, "webpage", "https://www.openai.com/index/openai-announces-leadership-transition"), true, "author-less pages of one site"},
      {work("OpenAI announces leadership transition today", "", 2023, "webpage", "https://openai.com/blog/a"),
       work("OpenAI announces leadership transition today", "", 2023, "webpage", "https://www.theverge.com/2023/11/17/b"), false, "author-less pages of two sites"},
      {work("Release notes", "", 2023, "webpage", "https://example.com/notes/1"), work("Release notes", "", 2023, "webpage", "https://example.com/notes/2"), false, "boilerplate page title"},
      {work("Binding of μ-opioid receptors in the rat brain", "Li", 1990), work("Binding of -opioid receptors in the rat brain", "Li", 1990), true, "math lost in one copy"},
      {work("Δ-learning and μ-opioid binding in rats", "Li", 1990), work("Δ-learning and -opioid binding in rats", "Li", 1990), true, "some of the math lost"},
      {work("Binding of α-synuclein in the rat brain", "Li", 1990), work("Binding of β-synuclein in the rat brain", "Li", 1990), false, "other math: another protein"},
      {work("Binding of α-synuclein in the rat brain", "Li", 1990), work("Binding of αβ-synuclein in the rat brain", "Li", 1990), false, "math added, not lost"},
  };
  for (const TitleCase& c : cases) {
    EXPECT_EQ(titles(c.a, c.b).has_value(), c.same) << c.why;
  }
}

TEST(TitleRule, PreprintAndPublishedVersionMayBeAYearApart) {
  model::Citation preprint = work("Deep Residual Learning for Image Recognition", "He", 2015, "article");
  preprint.ids.push_back({model::IdKind::arxiv, "1512.03385"});
  model::Citation published = work("Deep residual learning for image recognition", "He", 2016, "paper-conference");
  published.ids.push_back({model::IdKind::doi, "10.1109/cvpr.2016.90"});
  EXPECT_TRUE(titles(preprint, published));
  model::Citation other = published;
  other.ids.clear();
  EXPECT_FALSE(titles(preprint, other)) << "no DOI: not a published version";
}

TEST(TitleRule, LinkTextIsNotATitle) {
  model::Citation a = work("YaRN paper on context windows", "Peng", 2023);
  a.sources["title"] = "post";
  EXPECT_FALSE(profile_of(a).title);
}

TEST(WorkProfile, UniqueIdsUrlsAndCanonicalUrls) {
  model::Citation c;
  c.ids = {{model::IdKind::arxiv, "2309.00071"},
           {model::IdKind::doi, "10.48550/arxiv.2309.00071"},
           {model::IdKind::doi, "10.1000/ABC"},
           {model::IdKind::url, "http://www.example.com/news/2023/story/?utm_source=x"},
           {model::IdKind::canonical_url, "https://example.com/"},
           {model::IdKind::canonical_url, "https://other.org/news/2023/story"},
           {model::IdKind::canonical_url, "https://amp.example.com/news/2023/story-final"}};
  const WorkProfile p = profile_of(c);
  EXPECT_EQ(p.unique, (std::vector<std::string>{"arxiv:2309.00071", "doi:10.1000/abc"}));
  ASSERT_EQ(p.urls.size(), 2u);
  EXPECT_EQ(p.urls[0].identity, "https://example.com/news/2023/story");
  EXPECT_FALSE(p.urls[0].canonical);
  EXPECT_EQ(p.urls[1].identity, "https://example.com/news/2023/story-final");
  EXPECT_TRUE(p.urls[1].canonical);
}

TEST(WorkGroups, JoinsTransitivelyWithTheFirstRuleThatJoins) {
  std::vector<model::Citation> works(5);
  works[0] = work("Deep Residual Learning for Image Recognition", "He", 2015, "article");
  works[0].ids.push_back({model::IdKind::arxiv, "1512.03385"});
  works[0].ids.push_back({model::IdKind::doi, "10.1109/cvpr.2016.90"});
  works[1] = work("Something else entirely different", "Li", 2020, "article-journal", "https://example.com/p/1");
  works[2] = work("Deep residual learning for image recognition", "He", 2016, "paper-conference", "https://ieeexplore.ieee.org/document/7780459");
  works[2].ids.push_back({model::IdKind::doi, "10.1109/cvpr.2016.90"});
  works[3] = work("Deep Residual Learning for Image Recognition (slides)", "He", 2016, "paper-conference",
                  "http://www.ieeexplore.ieee.org/document/7780459/");
  works[4] = work("Something else entirely different", "Li", 2021, "article-journal", "https://example.com/p/2");
  std::vector<WorkProfile> profiles;
  for (const auto& c : works) {
    profiles.push_back(profile_of(c));
  }
  const auto groups = group_works(profiles);
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].members, (std::vector<std::size_t>{0, 2, 3}));
  ASSERT_EQ(groups[0].joins.size(), 2u);
  EXPECT_EQ(groups[0].joins[0].match.rule, "preprint-doi");
  EXPECT_EQ(describe(groups[0].joins[0].match), "preprint of the published DOI 10.1109/cvpr.2016.90");
  EXPECT_EQ(groups[0].joins[1].match.rule, "url");
  EXPECT_EQ(groups[0].joins[1].older, 2u);
  EXPECT_EQ(groups[0].joins[1].newer, 3u);
}

TEST(WorkGroups, DifferentIdentifiersAreNeverJoined) {
  std::vector<model::Citation> works(5);
  works[0] = work("Large Language Models for Code Generation", "Wang", 2024, "article");
  works[0].ids.push_back({model::IdKind::arxiv, "2406.00515"});
  works[1] = work("Large Language Models for Code Generation", "Wang", 2024, "article");
  works[1].ids.push_back({model::IdKind::arxiv, "2408.11111"});
  // Two preprints naming one proceedings volume's DOI.
  works[2] = work("First paper in a volume", "Kim", 2021, "article");
  works[2].ids = {{model::IdKind::arxiv, "2101.00001"}, {model::IdKind::doi, "10.1/volume"}};
  works[3] = work("Second paper in a volume", "Lee", 2021, "article");
  works[3].ids = {{model::IdKind::arxiv, "2101.00002"}, {model::IdKind::doi, "10.1/volume"}};
  // A chain: a page citing one DOI's URL and another's title.
  works[4] = work("Large Language Models for Code Generation", "Wang", 2024, "article-journal", "https://arxiv.org/abs/2406.00515");
  works[4].ids.push_back({model::IdKind::doi, "10.1/b"});
  std::vector<WorkProfile> profiles;
  for (const auto& c : works) {
    profiles.push_back(profile_of(c));
  }
  const auto groups = group_works(profiles);
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].members, (std::vector<std::size_t>{0, 4})) << "works[1] and works[3] name other works";
  EXPECT_TRUE(unique_ids_conflict({"arxiv:1", "doi:a"}, {"arxiv:2", "doi:a"}));
  EXPECT_FALSE(unique_ids_conflict({"arxiv:1", "doi:a"}, {"doi:a"}));
  EXPECT_TRUE(unique_ids_conflict({"doi:a"}, {"doi:b"}));
  EXPECT_FALSE(unique_ids_conflict({"arxiv:1"}, {"doi:b"}));
}

} // namespace
} // namespace refs::dedupe
