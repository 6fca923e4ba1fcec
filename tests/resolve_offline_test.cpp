#include "core/key/citation_key.hpp"
#include "core/post/footnote_reader.hpp"
#include "core/resolve/offline.hpp"
#include "core/util/file.hpp"
#include "core/util/time.hpp"

#include <gtest/gtest.h>

namespace refs::resolve {
namespace {

struct Expected {
  const char* label;
  int line;
  const char* kind;
  const char* id; ///< arXiv id, or the URL for other kinds
  const char* title;
};

// Written from the post by hand: the 38 footnotes of the sample post.
const Expected k_sample[] = {
    {"ref-n-1", 204, "web", "https://www.whitehouse.gov/briefing-room/presidential-actions/2023/10/30/executive-order-on-the-safe-secure-and-trustworthy-development-and-use-of-artificial-intelligence", "Executive Order on the Safe, Secure, and Trustworthy Development and Use of Artificial Intelligence"},
    {"ref-n-2", 206, "web", "https://www.reuters.com/business/autos-transportation/california-suspends-gm-cruises-driverless-autonomous-vehicle-permits-2023-10-24", "California sidelines GM Cruise's driverless cars, cites safety risk"},
    {"ref-n-3", 208, "web", "https://openai.com/blog/new-models-and-developer-products-announced-at-devday", "New models and developer products announced at DevDay"},
    {"ref-n-4", 210, "web", "https://www.gov.uk/government/publications/ai-safety-summit-2023-the-bletchley-declaration/the-bletchley-declaration-by-countries-attending-the-ai-safety-summit-1-2-november-2023", "The Bletchley Declaration by Countries Attending the AI Safety Summit, 1-2 November 2023"},
    {"ref-n-5", 212, "web", "https://oecd.ai/en/ai-principles", "OECD AI Principles overview"},
    {"ref-n-6", 214, "pdf", "https://deadline.com/wp-content/uploads/2023/11/SAG-AFTRA-TV-Theatrical-Summary-Agreement.pdf", "TV/THEATRICAL CONTRACTS 2023"},
    {"ref-n-7", 216, "web", "https://status.openai.com/incidents/21vl32gvx3hb", "Periodic outages across ChatGPT and API"},
    {"ref-n-8", 218, "web", "https://www.wsj.com/tech/ai/google-commits-2-billion-in-funding-to-ai-startup-anthropic-db4d4c50", "Google Commits $2 Billion in Funding to AI Startup Anthropic"},
    {"ref-n-9", 220, "web", "https://www.nytimes.com/2023/11/22/technology/openai-sam-altman-returns.html", "Sam Altman Is Reinstated as OpenAI\u2019s Chief Executive"},
    {"ref-n-10", 222, "web", "https://tldraw.substack.com/p/make-real-the-story-so-far", "make real, the story so far"},
    {"ref-n-11", 224, "web", "https://deepmind.google/discover/blog/graphcast-ai-model-for-faster-and-more-accurate-global-weather-forecasting/", "GraphCast: AI model for faster and more accurate global weather forecasting"},
    {"ref-pa-1", 226, "arxiv", "2310.12941", "The Foundation Model Transparency Index"},
    {"ref-pa-2", 228, "pdf", "https://cdn.openai.com/papers/dall-e-3.pdf", "Improving Image Generation with Better Captions"},
    {"ref-pa-3", 230, "arxiv", "2306.06079", "Deep Learning for Day Forecasts from Sparse Observations"},
    {"ref-pa-4", 232, "arxiv", "2310.19736", "Evaluating Large Language Models: A Comprehensive Survey"},
    {"ref-pa-5", 234, "arxiv", "2310.19909", "Battle of the Backbones: A Large-Scale Comparison of Pretrained Models across Computer Vision Tasks"},
    {"ref-pa-6", 236, "arxiv", "2309.00071", "YaRN: Efficient Context Window Extension of Large Language Models"},
    {"ref-pa-7", 238, "arxiv", "2311.00212", "A Unified Framework to Enforce, Discover, and Promote Symmetry in Machine Learning"},
    {"ref-pa-8", 240, "arxiv", "2310.18313", "FP8-LM: Training FP8 Large Language Models"},
    {"ref-pa-9", 242, "arxiv", "2306.00984", "StableRep: Synthetic Images from Text-to-Image Models Make Strong Visual Representation Learners"},
    {"ref-pa-10", 244, "arxiv", "2311.01906", "Simplifying Transformer Blocks"},
    {"ref-pa-11", 246, "arxiv", "2311.00871", "Pretraining Data Mixtures Enable Narrow Model Selection Capabilities in Transformer Models"},
    {"ref-pa-12", 248, "arxiv", "2301.13310", "Alternating Updates for Efficient Transformers"},
    {"ref-pa-13", 250, "web", "https://ai.meta.com/blog/emu-text-to-video-generation-image-editing-research", "Introducing Emu Video and Emu Edit, our latest generative AI research milestones"},
    {"ref-pa-14", 252, "arxiv", "2311.07361", "The Impact of Large Language Models on Scientific Discovery: a Preliminary Study using GPT-4"},
    {"ref-pa-15", 254, "arxiv", "2311.08401", "Fine-tuning Language Models for Factuality"},
    {"ref-pa-16", 256, "arxiv", "2311.05997", "JARVIS-1: Open-World Multi-task Agents with Memory-Augmented Multimodal Language Models"},
    {"ref-pa-17", 258, "arxiv", "2311.07590", "Technical Report: Large Language Models can Strategically Deceive their Users when Put Under Pressure"},
    {"ref-pa-18", 260, "arxiv", "2304.08483", "Text2Performer: Text-Driven Human Video Generation"},
    {"ref-dl-1", 262, "web", "https://towardsdatascience.com/rag-vs-finetuning-which-is-the-best-tool-to-boost-your-llm-application-94654b1eaba7", "RAG vs Finetuning \u2014 Which Is the Best Tool to Boost Your LLM Application?"},
    {"ref-dl-2", 264, "web", "https://huggingface.co/blog/peft", "PEFT: Parameter-Efficient Fine-Tuning of Billion-Scale Models on Low-Resource Hardware"},
    {"ref-dl-3", 266, "web", "https://medium.com/artefact-engineering-and-data-science/llms-deployment-a-practical-cost-analysis-e0c1b8eb08ca", "Cost Analysis of deploying LLMs: A comparative Study between Cloud Managed, Self-Hosted and 3rd Party LLMs"},
    {"ref-dl-4", 268, "web", "https://neptune.ai/blog/deep-learning-visualization", "How to Visualize Deep Learning Models"},
    {"ref-ml-1", 270, "web", "https://www.builder.io/blog/build-ai", "Don\u2019t Build AI Products The Way Everyone Else Is Doing It"},
    {"ref-ml-2", 272, "web", "https://towardsdatascience.com/from-data-platform-to-ml-platform-4a8192edab5d", "From Data Platform to ML Platform"},
    {"ref-ml-3", 274, "web", "https://luminousmen.com/post/two-archetypes-of-data-engineers", "Two Archetypes of Data Engineers"},
    {"ref-ml-4", 276, "web", "https://doordash.engineering/2023/11/28/transforming-mlops-at-doordash-with-machine-learning-workbench", "Transforming MLOps at DoorDash with Machine Learning Workbench"},
    {"ref-pr-1", 279, "web", "https://sidsite.com/posts/python-corrset-optimization/", "Analyzing Data 170,000x Faster with Python"},
};

class SamplePost : public ::testing::Test {
protected:
  void SetUp() override {
    auto text = util::read_file(std::string(REFS_SOURCE_DIR) + "/tests/data/ai-trends-2023-11.md");
    ASSERT_TRUE(text) << text.error();
    m_scan = post::read_footnotes(*text, "ai-trends-2023-11.md");
    m_refs = post::to_references(m_scan.footnotes);
  }

  post::PostScan m_scan;
  std::vector<model::Reference> m_refs;
};

TEST_F(SamplePost, Has38FootnotesAndNoWarnings) {
  EXPECT_EQ(m_scan.footnotes.size(), 38u);
  EXPECT_TRUE(m_scan.diagnostics.empty());
  ASSERT_EQ(m_refs.size(), std::size(k_sample));
}

TEST_F(SamplePost, EveryReferenceHasItsKindIdAndTitle) {
  const Registry registry;
  const classify::SiteNamer sites;
  ASSERT_EQ(m_refs.size(), std::size(k_sample));
  int arxiv = 0, pdf = 0, web = 0;
  for (std::size_t i = 0; i < m_refs.size(); ++i) {
    const Expected& e = k_sample[i];
    const model::Reference& r = m_refs[i];
    const Classified k = classify_reference(r, registry);
    const model::Citation c = offline_citation(r, k, sites, {2025, 11, 27}, "2025-11-27T00:00:00Z");
    EXPECT_EQ(r.label, e.label);
    EXPECT_EQ(r.line, e.line) << e.label;
    EXPECT_EQ(k.kind, e.kind) << e.label;
    ASSERT_TRUE(k.recognition) << e.label;
    EXPECT_EQ(k.recognition->id.value, e.id) << e.label;
    EXPECT_EQ(c.title, e.title) << e.label;
    EXPECT_EQ(c.sources.at("title"), "post");
    EXPECT_EQ(c.accessed, (model::Date{2025, 11, 27}));
    arxiv += k.kind == "arxiv";
    pdf += k.kind == "pdf";
    web += k.kind == "web";
  }
  EXPECT_EQ(arxiv, 16);
  EXPECT_EQ(pdf, 2);
  EXPECT_EQ(web, 20);
}

TEST_F(SamplePost, ArxivCitationFollowsZoteroAndPandoc) {
  const Registry registry;
  const classify::SiteNamer sites;
  const model::Reference& yarn = m_refs[16];
  const model::Citation c =
      offline_citation(yarn, classify_reference(yarn, registry), sites, {2025, 11, 27}, "2025-11-27T00:00:00Z");
  EXPECT_EQ(c.type, "article");
  EXPECT_EQ(c.publisher, "arXiv");
  EXPECT_EQ(c.number, "arXiv:2309.00071");
  EXPECT_EQ(c.doi, "10.48550/arXiv.2309.00071");
  EXPECT_EQ(c.url, "https://arxiv.org/abs/2309.00071");
  EXPECT_EQ(c.issued, (model::Date{2023, 9, 0}));
  EXPECT_EQ(c.ids, (std::vector<model::WorkId>{{model::IdKind::arxiv, "2309.00071"},
                                               {model::IdKind::url, "https://arxiv.org/abs/2309.00071"}}));
  EXPECT_EQ(key::KeyMaker().base_key(c), "arxiv2023yarn");
}

TEST_F(SamplePost, WebCitationTakesSiteAndUrlDate) {
  const Registry registry;
  const classify::SiteNamer sites;
  const model::Reference& reuters = m_refs[1];
  const model::Citation c = offline_citation(reuters, classify_reference(reuters, registry), sites,
                                             {2025, 11, 27}, "2025-11-27T00:00:00Z");
  EXPECT_EQ(c.type, "webpage");
  EXPECT_EQ(c.container_title, "Reuters");
  EXPECT_EQ(c.issued, (model::Date{2023, 10, 24}));
  EXPECT_EQ(key::KeyMaker().base_key(c), "reuters2023california");
}

TEST(Offline, NoteAndUnsupportedSchemeStayNotes) {
  const Registry registry;
  const classify::SiteNamer sites;
  const model::Reference note{"n", 3, 0, "Conversation with the author", "", "Conversation with the author"};
  const Classified kn = classify_reference(note, registry);
  EXPECT_EQ(kn.kind, "note");
  const model::Citation cn = offline_citation(note, kn, sites, {2025, 11, 27}, "t");
  EXPECT_EQ(cn.type, "document");
  EXPECT_EQ(cn.title, "Conversation with the author");
  EXPECT_FALSE(cn.accessed.known());
  EXPECT_EQ(cn.ids, (std::vector<model::WorkId>{{model::IdKind::note, "Conversation with the author"}}));

  const model::Reference ftp{"f", 4, 0, "Old archive", "ftp://ftp.example.org/a.ps", "[Old archive](ftp://ftp.example.org/a.ps)"};
  const Classified kf = classify_reference(ftp, registry);
  EXPECT_EQ(kf.kind, "unsupported");
  EXPECT_EQ(kf.problem, "unsupported URL scheme 'ftp'");
  const model::Citation cf = offline_citation(ftp, kf, sites, {2025, 11, 27}, "t");
  EXPECT_EQ(cf.url, "");
  EXPECT_EQ(cf.note, "Cited as ftp://ftp.example.org/a.ps");
}

} // namespace
} // namespace refs::resolve
