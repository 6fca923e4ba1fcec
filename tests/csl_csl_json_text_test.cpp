#include "core/csl/csl_json.hpp"

#include <gtest/gtest.h>

namespace refs::csl {
namespace {

// The writer's layout and field order are in csl_csl_json_test.cpp (through
// to_csl_json, which reads this text back); here, its escaping.

TEST(CslJsonText, EscapesWhatJsonMustAndReplacesWhatIsNotText) {
  model::Citation c;
  c.key = "k\"1";
  c.type = "webpage";
  c.title = "Tab\there \\ \x01 caf\xc3\xa9 \xff end";
  c.authors = {{"", "", "\xec\x9d\xb4 \"Lee\""}};
  c.editors = {{"Ng", "", ""}};
  c.issued = {2021, 0, 0};
  c.sources = {{"ti\ntle", "po\\st"}};
  c.journal_ref = "J. 1";
  EXPECT_EQ(csl_json_text(c),
            R"({"id":"k\"1","type":"webpage","title":"Tab\there \\ \u0001 café )" "\xef\xbf\xbd" R"( end",)"
            R"("author":[{"literal":"이 \"Lee\""}],"editor":[{"family":"Ng"}],"issued":{"date-parts":[[2021]]},)"
            R"("custom":{"identifiers":[],"sources":{"ti\ntle":"po\\st"},"key-fixed":false,"journal-ref":"J. 1"}})");
  // The text is JSON, in the form nlohmann writes it: read and written
  // again, it is the same.
  EXPECT_EQ(to_csl_json(c).dump(), csl_json_text(c));
}

} // namespace
} // namespace refs::csl
