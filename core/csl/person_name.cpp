#include "core/csl/person_name.hpp"

#include "core/util/string.hpp"

#include <algorithm>
#include <array>

namespace refs::csl {

namespace {

constexpr std::array<std::string_view, 17> k_particles = {"van", "von", "der", "den", "de",  "del",
                                                          "della", "di", "da", "du", "dos", "das",
                                                          "le", "la", "ten", "ter", "st."};
constexpr std::array<std::string_view, 7> k_suffixes = {"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"};

// Words that make a name a body rather than a person: arXiv and bylines
// write "Microsoft Research AI4Science" like "Bowen Peng".
constexpr std::array<std::string_view, 44> k_organisation_words = {
    "research", "team", "group", "consortium", "collaboration", "lab", "labs", "laboratory", "laboratories",
    "institute", "university", "foundation", "corporation", "inc", "inc.", "ltd", "ltd.", "llc", "gmbh",
    "project", "initiative", "committee", "council", "association", "society", "center", "centre",
    "department", "ministry", "agency", "office", "staff", "microsoft", "google", "openai", "deepmind",
    "meta", "nvidia", "anthropic", "ibm", "amazon", "alibaba", "baidu", "tencent"};

template <std::size_t N> bool in(const std::array<std::string_view, N>& list, const std::string& word) {
  return std::find(list.begin(), list.end(), util::to_lower_ascii(word)) != list.end();
}

std::string join(const std::vector<std::string_view>& words, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) {
    if (!out.empty()) {
      out += ' ';
    }
    out += words[i];
  }
  return out;
}

} // namespace

model::Person person_from_name(std::string_view raw) {
  const std::string name = util::collapse_whitespace(raw);
  if (const std::size_t comma = name.find(','); comma != std::string::npos) {
    return model::Person{std::string(util::trim(std::string_view(name).substr(0, comma))),
                         std::string(util::trim(std::string_view(name).substr(comma + 1))), ""};
  }
  std::vector<std::string_view> words;
  for (std::string_view w : util::split(name, ' ')) {
    if (!w.empty()) {
      words.push_back(w);
    }
  }
  if (words.empty()) {
    return {};
  }
  if (std::any_of(words.begin(), words.end(), [](std::string_view w) { return in(k_organisation_words, std::string(w)); })) {
    return model::Person{"", "", name};
  }
  std::size_t end = words.size();
  std::string suffix;
  const auto is_initial = [](std::string_view w) { return w.size() == 2 && w[1] == '.'; };
  if (end > 2 && (in(k_suffixes, std::string(words[end - 1])) || is_initial(words[end - 1]))) {
    suffix = std::string(words[--end]); // "Jr.", or a trailing initial: "Nicolas Gutierrez C."
  }
  std::size_t family = end - 1;
  while (family > 1 && in(k_particles, std::string(words[family - 1]))) {
    --family;
  }
  return model::Person{join(words, family, end), join(words, 0, family), "", suffix};
}

} // namespace refs::csl
