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

/// `got` against the label and the alternatives in its "also" object.
FieldOutcome outcome(const std::string& file, const char* field, const std::string& got, const std::string& expected,
                     const nlohmann::json& item, const char* key) {
  const bool strict = folded(got) == folded(expected);
  bool right = strict;
  if (item.contains("also") && item["also"].is_object() && item["also"].contains(key) && item["also"][key].is_array()) {
    for (const auto& alternative : item["also"][key]) {
      right = right || (alternative.is_string() && folded(got) == folded(alternative.get<std::string>()));
    }
  }
  return {file, field, got, expected, right, strict};
}

std::string text(const nlohmann::json& item, const char* key) {
  return item.contains(key) && item[key].is_string() ? item[key].get<std::string>() : "";
}

} // namespace

std::vector<FieldOutcome> score_pages(const std::string& dir, const std::string& labels) {
  std::vector<FieldOutcome> outcomes;
  auto expected = util::read_file(dir + "/" + labels);
  const auto items = nlohmann::json::parse(expected ? *expected : "[]", nullptr, false);
  for (const auto& item : items) {
    const std::string file = text(item, "file");
    auto bytes = util::read_file(dir + "/html/" + file);
    if (!bytes) {
      for (const char* field : {"title", "first author", "published", "site"}) {
        outcomes.push_back({file, field, "(page not read: " + bytes.error() + ")", "", false, false});
      }
      continue;
    }
    const auto page = resolve::web::extract_page(*bytes, "text/html", text(item, "url"), {2026, 12, 6});
    const model::Citation& c = page.citation;
    outcomes.push_back(outcome(file, "title", c.title, text(item, "title"), item, "title"));
    outcomes.push_back(outcome(file, "first author", first_author(c), text(item, "first_author"), item, "first_author"));
    const std::string published = text(item, "published");
    model::Date got = c.issued;
    // Compare at the precision the label gives.
    if (published.size() == 7) {
      got.day = 0;
    } else if (published.size() == 4) {
      got.month = got.day = 0;
    }
    // An alternative date is compared at its own precision.
    FieldOutcome dated = outcome(file, "published", csl::format_date(got), published, item, "published");
    if (!dated.right && item.contains("also") && item["also"].contains("published")) {
      for (const auto& alternative : item["also"]["published"]) {
        const std::string alt = alternative.is_string() ? alternative.get<std::string>() : "";
        model::Date at = c.issued;
        if (alt.size() == 7) {
          at.day = 0;
        } else if (alt.size() == 4) {
          at.month = at.day = 0;
        }
        dated.right = dated.right || csl::format_date(at) == alt;
      }
    }
    outcomes.push_back(dated);
    outcomes.push_back(outcome(file, "site", c.container_title, text(item, "site"), item, "site"));
  }
  return outcomes;
}

std::vector<FieldScore> score_corpus(const std::string& dir, const std::string& labels) {
  return score_fields(score_pages(dir, labels));
}

std::vector<FieldScore> score_fields(const std::vector<FieldOutcome>& outcomes) {
  std::vector<FieldScore> scores = {
      {"title", 0, 0, 0, {}}, {"first author", 0, 0, 0, {}}, {"published", 0, 0, 0, {}}, {"site", 0, 0, 0, {}}};
  for (const FieldOutcome& o : outcomes) {
    for (FieldScore& s : scores) {
      if (s.field != o.field) {
        continue;
      }
      ++s.total;
      s.strict_right += o.strict ? 1 : 0;
      if (o.right) {
        ++s.right;
      } else {
        s.misses.push_back(o.file + ": got \"" + o.got + "\", expected \"" + o.expected + "\"");
      }
    }
  }
  return scores;
}

} // namespace refs::testing
