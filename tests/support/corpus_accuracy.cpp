#include "tests/support/corpus_accuracy.hpp"

#include "core/csl/csl_date.hpp"
#include "core/resolve/web/page_metadata.hpp"
#include "core/util/file.hpp"
#include "core/util/string.hpp"

#include <nlohmann/json.hpp>

namespace refs::testing {

namespace {

/// Lower-case with every run of space (also U+00A0) as one space.
std::string folded(std::string s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 2, "\xC2\xA0") == 0) {
      out += ' ';
      ++i;
    } else {
      out += s[i];
    }
  }
  return util::to_lower_ascii(util::collapse_whitespace(out));
}

std::string first_author(const model::Citation& c) {
  if (c.authors.empty()) {
    return "";
  }
  return c.authors[0].literal.empty() ? c.authors[0].family : c.authors[0].literal;
}

void score(FieldScore& s, const std::string& file, const std::string& got, const std::string& expected) {
  ++s.total;
  if (folded(got) == folded(expected)) {
    ++s.right;
  } else {
    s.misses.push_back(file + ": got \"" + got + "\", expected \"" + expected + "\"");
  }
}

std::string text(const nlohmann::json& item, const char* key) {
  return item.contains(key) && item[key].is_string() ? item[key].get<std::string>() : "";
}

} // namespace

std::vector<FieldScore> score_corpus(const std::string& dir) {
  std::vector<FieldScore> scores = {{"title", 0, 0, {}}, {"first author", 0, 0, {}}, {"published", 0, 0, {}}, {"site", 0, 0, {}}};
  auto expected = util::read_file(dir + "/expected.json");
  const auto items = nlohmann::json::parse(expected ? *expected : "[]", nullptr, false);
  for (const auto& item : items) {
    const std::string file = text(item, "file");
    auto bytes = util::read_file(dir + "/html/" + file);
    if (!bytes) {
      continue;
    }
    const auto page = resolve::web::extract_page(*bytes, "text/html", text(item, "url"));
    const model::Citation& c = page.citation;
    score(scores[0], file, c.title, text(item, "title"));
    score(scores[1], file, first_author(c), text(item, "first_author"));
    const std::string published = text(item, "published");
    model::Date got = c.issued;
    // Compare at the precision the label gives.
    if (published.size() == 7) {
      got.day = 0;
    } else if (published.size() == 4) {
      got.month = got.day = 0;
    }
    score(scores[2], file, csl::format_date(got), published);
    score(scores[3], file, c.container_title, text(item, "site"));
  }
  return scores;
}

} // namespace refs::testing
