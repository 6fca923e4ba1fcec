#include "core/resolve/doi.hpp"
#include "core/resolve/registry.hpp"

#include "tests/support/recognized.hpp"

#include <gtest/gtest.h>

namespace refs::resolve {
namespace {

using testing::recognized;

TEST(Registry, Doi) {
  EXPECT_EQ(recognized("https://doi.org/10.1126/science.169.3946.635"), "doi doi 10.1126/science.169.3946.635");
  EXPECT_EQ(recognized("http://dx.doi.org/10.1145/3290605.3300857"), "doi doi 10.1145/3290605.3300857");
  EXPECT_EQ(recognized("https://doi.org/10.1000%2FABC"), "doi doi 10.1000/abc");
  EXPECT_EQ(recognized("doi:10.1038/NPHYS1170"), "doi doi 10.1038/nphys1170");
  EXPECT_EQ(recognized("https://doi.org/"), "web url https://doi.org/");
  EXPECT_EQ(normalise_doi("10.abc/x"), std::nullopt);
  EXPECT_EQ(normalise_doi("10.1000/"), std::nullopt);
  EXPECT_EQ(normalise_doi(" DOI: 10.1000/X "), "10.1000/x");
  EXPECT_EQ(normalise_doi("doi:10.1000/182."), "10.1000/182");
}

TEST(Registry, PdfAndWebPages) {
  EXPECT_EQ(recognized("https://cdn.openai.com/papers/dall-e-3.pdf"), "pdf url https://cdn.openai.com/papers/dall-e-3.pdf");
  EXPECT_EQ(recognized("https://EXAMPLE.com/Report.PDF#page=2"), "pdf url https://example.com/Report.PDF");
  EXPECT_EQ(recognized("https://openai.com/blog/devday"), "web url https://openai.com/blog/devday");
  EXPECT_EQ(recognized("http://Example.COM:80/a?b=1#frag"), "web url http://example.com:80/a?b=1");
}

TEST(Registry, UnsupportedSchemesAreNotClaimed) {
  EXPECT_EQ(recognized("ftp://ftp.example.com/paper.pdf"), "none");
  EXPECT_EQ(recognized("file:///etc/passwd"), "none");
  EXPECT_EQ(recognized("javascript:alert(1)"), "none");
  EXPECT_EQ(recognized("mailto:someone@example.com"), "none");
  EXPECT_EQ(recognized("/relative/path"), "error: not an absolute URL");
  EXPECT_EQ(recognized("https://exa mple.com/"), "error: bad host name");
}

} // namespace
} // namespace refs::resolve
