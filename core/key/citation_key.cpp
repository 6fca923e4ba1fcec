#include "core/key/citation_key.hpp"

#include "core/util/error.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>

namespace refs::key {

namespace {

// Title words that do not name a work; the first other word goes in the key.
constexpr std::array<std::string_view, 40> k_stopwords = {
    "a",    "an",   "the",  "of",   "on",   "in",    "for",   "to",    "with",  "and",
    "or",   "is",   "are",  "was",  "were", "be",    "at",    "by",    "from",  "as",
    "into", "via",  "about", "how", "what", "why",   "when",  "which", "who",   "this",
    "that", "these", "its", "it",   "our",  "we",    "your",  "do",    "does",  "vs"};

// A global filter keeps Han, Hangul and Kana out of Any-Latin: a romanised
// Korean or Chinese name in a key reads worse than the site's name.
constexpr const char* k_rules = ":: [^[:Han:][:Hangul:][:Hiragana:][:Katakana:]] ;\n"
                                ":: Any-Latin ;\n"
                                ":: Latin-ASCII ;\n";

bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

bool has_letter(const std::string& word) {
  return std::any_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

std::string join_ascii(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    out += w;
  }
  return out;
}

} // namespace

KeyMaker::KeyMaker() {
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse_error{};
  m_transliterator.reset(icu::Transliterator::createFromRules(
      "refs-key", icu::UnicodeString::fromUTF8(k_rules), UTRANS_FORWARD, parse_error, status));
  if (U_FAILURE(status) || !m_transliterator) {
    throw Error(std::string("cannot build the ICU transliterator for keys: ") + u_errorName(status));
  }
}

KeyMaker::~KeyMaker() = default;

std::vector<std::string> KeyMaker::ascii_words(std::string_view text) const {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  m_transliterator->transliterate(u);
  std::string ascii;
  u.toUTF8String(ascii);
  std::vector<std::string> words;
  std::string word;
  for (char raw : ascii) {
    const char c = raw >= 'A' && raw <= 'Z' ? static_cast<char>(raw - 'A' + 'a') : raw;
    if (is_alnum(c)) {
      word += c;
    } else if (c == '\'' || static_cast<unsigned char>(c) >= 0x80) {
      continue; // O'Brien -> obrien; what ICU left unromanised is dropped
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) {
    words.push_back(std::move(word));
  }
  return words;
}

std::string KeyMaker::base_key(const model::Citation& c) const {
  std::string who;
  if (!c.authors.empty()) {
    const model::Person& first = c.authors.front();
    who = join_ascii(ascii_words(first.family.empty() ? first.literal : first.family));
  }
  for (const std::string* site : {&c.container_title, &c.publisher}) {
    if (!who.empty()) {
      break;
    }
    std::vector<std::string> words = ascii_words(*site);
    if (words.size() > 1 && words.front() == "the") {
      words.erase(words.begin());
    }
    who = join_ascii(words);
  }
  if (who.empty()) {
    who = "anon";
  }
  std::string word;
  for (std::string& w : ascii_words(c.title)) {
    if (has_letter(w) && !is_stopword(w)) {
      word = std::move(w);
      break;
    }
  }
  return who + (c.issued.year > 0 ? std::to_string(c.issued.year) : "") + word;
}

std::string with_suffix(const std::string& base, int n) {
  std::string suffix;
  while (n > 0) {
    --n;
    suffix.insert(suffix.begin(), static_cast<char>('a' + n % 26));
    n /= 26;
  }
  return base + suffix;
}

bool is_stopword(std::string_view word) {
  return std::find(k_stopwords.begin(), k_stopwords.end(), word) != k_stopwords.end();
}

} // namespace refs::key
