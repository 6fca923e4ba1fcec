#pragma once

#include "core/model/citation.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class Transliterator;
U_NAMESPACE_END

namespace refs::key {

/// Makes Google-Scholar-style citation keys: lower-case ASCII, first
/// author's family name + year + first title word that is not a stopword
/// (`peng2023yarn`). Without an author the site name stands in
/// (`reuters2023california`), without a year the key has no digits. Latin,
/// Greek and Cyrillic are transliterated to ASCII (ICU `Any-Latin;
/// Latin-ASCII`); Han, Hangul and Kana are not romanised and so never give a
/// key part. Owns the ICU transliterator.
class KeyMaker {
public:
  /// Throws refs::Error when ICU cannot build the transliterator.
  KeyMaker();
  ~KeyMaker();
  KeyMaker(const KeyMaker&) = delete;
  KeyMaker& operator=(const KeyMaker&) = delete;

  /// The key before any clash suffix; "anon" plus year and word when the
  /// citation names no author and no site.
  std::string base_key(const model::Citation& citation) const;

  /// The words of `text` as lower-case ASCII, in order.
  std::vector<std::string> ascii_words(std::string_view text) const;

private:
  std::unique_ptr<icu::Transliterator> m_transliterator;
};

/// `base` with the n-th clash suffix: n = 0 gives `base`, 1 gives `base` +
/// "a", 26 "z", 27 "aa", and so on.
std::string with_suffix(const std::string& base, int n);

/// Whether a title word is skipped when making a key (a, an, the, of, ...).
bool is_stopword(std::string_view word);

} // namespace refs::key
