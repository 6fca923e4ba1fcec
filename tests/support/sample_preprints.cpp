#include "tests/support/sample_preprints.hpp"

namespace refs::testing {

const std::map<std::string, FakePaper>& sample_preprints() {
  static const std::map<std::string, FakePaper> papers = {
      {"2309.00071", {"YaRN: Efficient Context Window Extension of Large Language Models", {"Bowen Peng", "Jeffrey Quesnelle", "Honglu Fan", "Enrico Shippole"}, "2023-08-31T17:59:41Z"}},
      {"2310.12941", {"The Foundation Model Transparency Index", {"Rishi Bommasani", "Kevin Klyman"}, "2023-10-19T17:39:02Z"}},
      {"2306.06079", {"Deep Learning for Day Forecasts from Sparse Observations", {"Marcin Andrychowicz"}, "2023-06-06T07:07:54Z", "physics.ao-ph"}},
      {"2310.19736", {"Evaluating Large Language Models: A Comprehensive Survey", {"Zishan Guo"}, "2023-10-30T17:00:52Z"}},
      {"2310.19909", {"Battle of the Backbones: A Large-Scale Comparison of Pretrained Models across Computer Vision Tasks", {"Micah Goldblum"}, "2023-10-30T18:23:58Z", "cs.CV"}},
      {"2311.00212", {"A Unified Framework to Enforce, Discover, and Promote Symmetry in Machine Learning", {"Samuel E. Otto"}, "2023-11-01T01:19:54Z", "cs.LG"}},
      {"2310.18313", {"FP8-LM: Training FP8 Large Language Models", {"Houwen Peng"}, "2023-10-27T17:59:51Z", "cs.LG"}},
      {"2306.00984", {"StableRep: Synthetic Images from Text-to-Image Models Make Strong Visual Representation Learners", {"Yonglong Tian"}, "2023-06-01T17:59:51Z", "cs.CV"}},
      {"2311.01906", {"Simplifying Transformer Blocks", {"Bobby He", "Thomas Hofmann"}, "2023-11-03T13:30:52Z", "cs.LG"}},
      {"2311.00871", {"Pretraining Data Mixtures Enable Narrow Model Selection Capabilities in Transformer Models", {"Steve Yadlowsky"}, "2023-11-01T21:41:08Z", "cs.LG"}},
      {"2301.13310", {"Alternating Updates for Efficient Transformers", {"Cenk Baykal"}, "2023-01-30T23:41:02Z", "cs.LG"}},
      {"2311.07361", {"The Impact of Large Language Models on Scientific Discovery: a Preliminary Study using GPT-4", {"Microsoft Research AI4Science", "Microsoft Azure Quantum"}, "2023-11-13T14:26:12Z"}},
      {"2311.08401", {"Fine-tuning Language Models for Factuality", {"Katherine Tian"}, "2023-11-14T18:59:15Z"}},
      {"2311.05997", {"JARVIS-1: Open-World Multi-task Agents with Memory-Augmented Multimodal Language Models", {"Zihao Wang"}, "2023-11-10T11:17:58Z", "cs.AI"}},
      {"2311.07590", {"Large Language Models can Strategically Deceive their Users when Put Under Pressure", {"Jérémy Scheurer"}, "2023-11-09T17:12:44Z"}},
      {"2304.08483", {"Text2Performer: Text-Driven Human Video Generation", {"Yuming Jiang"}, "2023-04-17T17:59:02Z", "cs.CV"}},
  };
  return papers;
}

} // namespace refs::testing
