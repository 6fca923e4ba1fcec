// Venue names as readers know them ("ICLR 2024").
#include "core/published/venue_label.hpp"

#include <gtest/gtest.h>

namespace refs::published {
namespace {

TEST(PublishedVenueLabel, VenuesAreNamedAsReadersKnowThem) {
  EXPECT_EQ(venue_short_name("The Twelfth International Conference on Learning Representations, ICLR 2024, Vienna, Austria, May 7-11, 2024", {}),
            "ICLR");
  EXPECT_EQ(venue_short_name("Advances in Neural Information Processing Systems 36: Annual Conference on Neural Information Processing "
                             "Systems 2023, NeurIPS 2023, New Orleans, LA, USA, December 10 - 16, 2023", {}),
            "NeurIPS");
  EXPECT_EQ(venue_short_name("2023 IEEE/CVF International Conference on Computer Vision (ICCV)", {}), "ICCV");
  EXPECT_EQ(venue_short_name("ICLR 2024 Workshop on Large Language Model (LLM) Agents", {}), "");
  EXPECT_EQ(venue_short_name("Nature", {"Nat", "NATURE JOURNAL", "NJ"}), "NJ");
  model::Citation c;
  c.container_title = "The Twelfth International Conference on Learning Representations, ICLR 2024, Vienna, Austria, May 7-11, 2024";
  c.container_title_short = "ICLR";
  c.issued.year = 2024;
  EXPECT_EQ(venue_label(c), "ICLR 2024");
  c.container_title = "NeurIPS 2023 Workshop on Instruction Tuning";
  c.container_title_short = "NeurIPS";
  c.issued.year = 2023;
  EXPECT_EQ(venue_label(c), "NeurIPS 2023 workshop");
  c.container_title_short = "";
  EXPECT_EQ(venue_label(c), "NeurIPS 2023 Workshop on Instruction Tuning");
  c.container_title = "Transactions on Machine Learning Research";
  c.issued.year = 2024;
  EXPECT_EQ(venue_label(c), "Transactions on Machine Learning Research 2024");
}

} // namespace
} // namespace refs::published
