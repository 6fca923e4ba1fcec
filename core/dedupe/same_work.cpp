#include "core/dedupe/same_work.hpp"

#include "core/dedupe/folded_text.hpp"
#include "core/dedupe/title_similarity.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace refs::dedupe {

namespace {

bool has_arxiv(const std::vector<std::string>& keys) {
  return std::any_of(keys.begin(), keys.end(), [](const std::string& u) { return u.starts_with("arxiv:"); });
}

bool years_agree(const TitleKey& a, const TitleKey& b) {
  if (a.year == 0 || b.year == 0) {
    return a.year == b.year;
  }
  if (a.year == b.year) {
    return true;
  }
  const bool preprint_and_published = (a.stage == Stage::preprint && b.stage == Stage::published) ||
                                      (a.stage == Stage::published && b.stage == Stage::preprint);
  return preprint_and_published && std::abs(a.year - b.year) == 1;
}

/// Whether both hold keys with this prefix and share none.
bool disjoint(const std::vector<std::string>& a, const std::vector<std::string>& b, std::string_view prefix) {
  bool a_has = false;
  bool b_has = false;
  for (const std::string& x : a) {
    if (!x.starts_with(prefix)) {
      continue;
    }
    a_has = true;
    if (std::find(b.begin(), b.end(), x) != b.end()) {
      return false;
    }
  }
  for (const std::string& y : b) {
    b_has = b_has || y.starts_with(prefix);
  }
  return a_has && b_has;
}

/// Whether two words are one insertion, deletion or substitution apart.
bool one_edit_apart(std::u32string_view a, std::u32string_view b) {
  if (a.size() < b.size()) {
    std::swap(a, b);
  }
  if (a.size() - b.size() > 1) {
    return false;
  }
  std::size_t i = 0;
  while (i < b.size() && a[i] == b[i]) {
    ++i;
  }
  // Past the first difference the rest agrees: after one substitution
  // (equal lengths) or after one letter of the longer word.
  const std::size_t skip_b = a.size() == b.size() ? 1 : 0;
  return a.substr(std::min(a.size(), i + 1)) == b.substr(std::min(b.size(), i + skip_b));
}

std::vector<std::u32string_view> split_words(std::u32string_view text) {
  std::vector<std::u32string_view> out;
  while (!text.empty()) {
    const std::size_t space = text.find(U' ');
    out.push_back(text.substr(0, space));
    text = space == std::u32string_view::npos ? std::u32string_view() : text.substr(space + 1);
  }
  return out;
}

/// Whether two titles of equal word count differ only by typos: at most
/// two words, each of four letters or more and one edit from the other
/// ("optimisation"/"optimization", "Extension"/"Extensions"). A whole word
/// or prefix that differs ("Supervised"/"Unsupervised", "upper"/"lower",
/// "June"/"July", "Part A"/"Part B") is another work.
bool differ_by_typos(std::u32string_view a, std::u32string_view b) {
  const auto wa = split_words(a);
  const auto wb = split_words(b);
  if (wa.size() != wb.size()) {
    return false;
  }
  int differing = 0;
  for (std::size_t i = 0; i < wa.size(); ++i) {
    if (wa[i] == wb[i]) {
      continue;
    }
    if (++differing > 2 || std::min(wa[i].size(), wb[i].size()) < 4 || !one_edit_apart(wa[i], wb[i])) {
      return false;
    }
  }
  return true;
}

/// Letters and signs that come from TeX math: Greek, super- and
/// subscripts, mathematical operators.
bool math_sign(char32_t c) {
  return (c >= 0x0370 && c <= 0x03FF) || (c >= 0x2070 && c <= 0x209F) || (c >= 0x2200 && c <= 0x22FF);
}

/// Whether one title is the other with some of its math lost ("$\\mu$-opioid"
/// and "-opioid": some tools and copies drop math): the words of one are
/// the other's with some words made only of math signs left out. Titles
/// whose math differs (α- and β-synuclein, α- and αβ-) are two works.
bool same_but_lost_math(std::u32string_view a, std::u32string_view b) {
  const auto wa = split_words(a);
  const auto wb = split_words(b);
  if (wa.size() == wb.size()) {
    return false;
  }
  const auto& longer = wa.size() > wb.size() ? wa : wb;
  const auto& shorter = wa.size() > wb.size() ? wb : wa;
  const auto all_math = [](std::u32string_view w) { return std::all_of(w.begin(), w.end(), math_sign); };
  std::size_t j = 0;
  for (std::u32string_view word : longer) {
    if (j < shorter.size() && word == shorter[j]) {
      ++j;
    } else if (!all_math(word)) {
      return false;
    }
  }
  return j == shorter.size() && !shorter.empty();
}

} // namespace

bool unique_ids_conflict(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return disjoint(a, b, "arxiv:") || disjoint(a, b, "doi:");
}

std::optional<double> titles_match(const TitleKey& a, const TitleKey& b) {
  if (a.block != b.block || a.numbers != b.numbers || !years_agree(a, b)) {
    return std::nullopt;
  }
  if ((a.genre == Genre::web && b.genre == Genre::scholarly) || (a.genre == Genre::scholarly && b.genre == Genre::web)) {
    return std::nullopt;
  }
  if (a.title == b.title || same_but_lost_math(a.words, b.words)) {
    return 1.0; // recased, repunctuated, other Unicode forms, math lost in one
  }
  const double score = title_similarity(a.title, b.title);
  if (score < k_title_threshold || !differ_by_typos(a.words, b.words)) {
    return std::nullopt;
  }
  return score;
}

std::optional<double> same_title(std::string_view a, std::string_view b) {
  if (title_numbers(a) != title_numbers(b)) {
    return std::nullopt;
  }
  const std::u32string words_a = fold_words(a);
  const std::u32string words_b = fold_words(b);
  if (fold_letters(a) == fold_letters(b) || same_but_lost_math(words_a, words_b)) {
    return 1.0;
  }
  const double score = title_similarity(fold_letters(a), fold_letters(b));
  if (score < k_title_threshold || !differ_by_typos(words_a, words_b)) {
    return std::nullopt;
  }
  return score;
}

Match unique_match(const std::string& key, const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (key.starts_with("arxiv:")) {
    return {"arxiv-id", 1.0, key.substr(6)};
  }
  const bool preprint = has_arxiv(a) != has_arxiv(b);
  return {preprint ? "preprint-doi" : "doi", 1.0, key.substr(4)};
}

Match title_match(const TitleKey& key, double score) {
  return {key.block.starts_with("a:") ? "title-author-year" : "title-site-year", score, ""};
}

std::string describe(const Match& match) {
  if (match.rule == "arxiv-id") {
    return "same arXiv id " + match.detail;
  }
  if (match.rule == "doi") {
    return "same DOI " + match.detail;
  }
  if (match.rule == "preprint-doi") {
    return "preprint of the published DOI " + match.detail;
  }
  if (match.rule == "url") {
    return "same URL " + match.detail;
  }
  if (match.rule == "canonical-url") {
    return "canonical URL " + match.detail;
  }
  if (match.rule == "key") {
    return "same key " + match.detail + ", title and year";
  }
  char score[16];
  std::snprintf(score, sizeof score, "%.3f", match.score);
  const char* what = match.rule == "title-author-year" ? "same title, first author and year" : "same title, site and year";
  return std::string(what) + " (similarity " + score + ")";
}

} // namespace refs::dedupe
