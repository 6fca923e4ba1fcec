#include "core/resolve/arxiv.hpp"
#include "core/resolve/offline.hpp"
#include "core/resolve/registry.hpp"

#include "tests/support/recognized.hpp"

#include <gtest/gtest.h>

namespace refs::resolve {
namespace {

using testing::recognized;

TEST(Arxiv, EveryUrlFormGivesTheVersionlessId) {
  for (const char* url : {"https://arxiv.org/abs/2309.00071", "http://arxiv.org/abs/2309.00071v2",
                          "https://www.arxiv.org/abs/2309.00071", "https://export.arxiv.org/abs/2309.00071",
                          "https://arxiv.org/pdf/2309.00071", "https://arxiv.org/pdf/2309.00071v2",
                          "https://arxiv.org/pdf/2309.00071v2.pdf", "https://arxiv.org/pdf/2309.00071.pdf",
                          "https://arxiv.org/html/2309.00071v2", "https://arxiv.org/html/2309.00071v2/x1.png",
                          "https://arxiv.org/abs/2309.00071#", "https://huggingface.co/papers/2309.00071",
                          "https://alphaxiv.org/abs/2309.00071", "https://www.alphaxiv.org/overview/2309.00071v1",
                          "https://doi.org/10.48550/arXiv.2309.00071", "https://dx.doi.org/10.48550/ARXIV.2309.00071",
                          "doi:10.48550/arXiv.2309.00071"}) {
    EXPECT_EQ(recognized(url), "arxiv arxiv 2309.00071") << url;
  }
}

TEST(Arxiv, OldStyleIds) {
  EXPECT_EQ(recognized("https://arxiv.org/abs/hep-th/9901001"), "arxiv arxiv hep-th/9901001");
  EXPECT_EQ(recognized("https://arxiv.org/abs/hep-th/9901001v3"), "arxiv arxiv hep-th/9901001");
  EXPECT_EQ(recognized("https://arxiv.org/abs/math.GT/0309136"), "arxiv arxiv math/0309136");
  EXPECT_EQ(recognized("https://arxiv.org/pdf/cond-mat/0603029v1.pdf"), "arxiv arxiv cond-mat/0603029");
  EXPECT_EQ(recognized("https://doi.org/10.48550/arXiv.math/0211159"), "arxiv arxiv math/0211159");
}

TEST(Arxiv, IdGrammar) {
  EXPECT_EQ(normalise_arxiv_id("arXiv:1501.00001v12"), "1501.00001");
  EXPECT_EQ(normalise_arxiv_id("0704.0001"), "0704.0001");
  EXPECT_EQ(normalise_arxiv_id("1412.9999"), "1412.9999");
  EXPECT_EQ(normalise_arxiv_id("physics.acc-ph/0102001"), "physics/0102001");
  EXPECT_EQ(normalise_arxiv_id("0703.0001"), std::nullopt);   // before the new scheme
  EXPECT_EQ(normalise_arxiv_id("0808.05394"), std::nullopt);  // 5 digits before 2015
  EXPECT_EQ(normalise_arxiv_id("1501.0001"), std::nullopt);   // 4 digits from 2015
  EXPECT_EQ(normalise_arxiv_id("2313.00001"), std::nullopt);  // month 13
  EXPECT_EQ(normalise_arxiv_id("2301.00000"), std::nullopt);  // number 0
  EXPECT_EQ(normalise_arxiv_id("2309.00071v"), std::nullopt); // bare v
  EXPECT_EQ(normalise_arxiv_id("2309.00071v0"), std::nullopt);
  EXPECT_EQ(normalise_arxiv_id("2309.000712"), std::nullopt);
  EXPECT_EQ(normalise_arxiv_id("foo-th/9901001"), std::nullopt);
  EXPECT_EQ(normalise_arxiv_id("hep-th/0704001"), std::nullopt); // old scheme ended 0703
  EXPECT_EQ(normalise_arxiv_id("hep-th/9013001"), std::nullopt); // month 13
  EXPECT_EQ(normalise_arxiv_id("abc"), std::nullopt);
}

TEST(Arxiv, NonIdsAreNotArxiv) {
  EXPECT_EQ(recognized("https://arxiv.org/list/cs.CL/recent"), "web url https://arxiv.org/list/cs.CL/recent");
  // Not an id by arXiv's grammar: left to the web-page source, never sent to the API.
  EXPECT_EQ(recognized("https://arxiv.org/abs/0808.05394"), "web url https://arxiv.org/abs/0808.05394");
  EXPECT_EQ(recognized("https://huggingface.co/blog/peft"), "web url https://huggingface.co/blog/peft");
}

TEST(Arxiv, FutureIdStatesNoDate) {
  const Registry registry;
  const classify::SiteNamer sites;
  const model::Reference r{"f", 1, 0, "Typo", "https://arxiv.org/abs/9901.12345", ""};
  const model::Citation c = offline_citation(r, classify_reference(r, registry), sites, {2025, 11, 27}, "t");
  EXPECT_EQ(c.number, "arXiv:9901.12345");
  EXPECT_FALSE(c.issued.known());
}

TEST(Arxiv, IdDate) {
  EXPECT_EQ(arxiv_id_date("2309.00071"), (model::Date{2023, 9, 0}));
  EXPECT_EQ(arxiv_id_date("hep-th/9901001"), (model::Date{1999, 1, 0}));
  EXPECT_EQ(arxiv_id_date("math/0309136"), (model::Date{2003, 9, 0}));
}

} // namespace
} // namespace refs::resolve
