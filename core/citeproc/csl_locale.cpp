#include "core/citeproc/csl_locale.hpp"

#include "core/util/string.hpp"

#include <algorithm>
#include <system_error>
#include <vector>

namespace refs::citeproc {

// CSL locale files are locales-LL-RR.xml (citation-style-language-locales:
// /usr/share/citation-style-language/locales); a CSL processor picks a
// language's primary dialect for a bare "ko" itself.

tl::expected<std::string, std::string> checked_locale(const std::string& lang, const std::filesystem::path& locales) {
  std::error_code ec;
  if (!std::filesystem::is_directory(locales, ec)) {
    return lang;
  }
  std::vector<std::string> known;
  for (std::filesystem::directory_iterator it(locales, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string file = it->path().filename().string();
    if (file.starts_with("locales-") && file.ends_with(".xml")) {
      known.push_back(file.substr(8, file.size() - 12));
    }
  }
  std::sort(known.begin(), known.end());
  // Language tags ignore case (Hugo writes en-us): the file's spelling is the one to hand on.
  const std::string wanted = util::to_lower_ascii(lang);
  for (const std::string& l : known) {
    if (util::to_lower_ascii(l) == wanted) {
      return l;
    }
  }
  const auto dialect_of = [&](const std::string& l) { return util::to_lower_ascii(l).starts_with(wanted + "-"); };
  if (std::any_of(known.begin(), known.end(), dialect_of)) {
    return lang;
  }
  std::string near;
  const std::string language = wanted.substr(0, wanted.find('-'));
  for (const std::string& l : known) {
    if (util::to_lower_ascii(l).starts_with(language + "-")) {
      near += (near.empty() ? "" : ", ") + l;
    }
  }
  return tl::make_unexpected("no CSL locale " + lang + " in " + locales.string() +
                             (near.empty() ? "" : " (there: " + near + ")"));
}

} // namespace refs::citeproc
