#include "core/citeproc/csl_locale.hpp"

#include <algorithm>
#include <system_error>
#include <vector>

namespace refs::citeproc {

tl::expected<std::string, std::string> checked_locale(const std::string& lang, const std::filesystem::path& locales) {
  std::error_code ec;
  if (!std::filesystem::is_directory(locales, ec)) {
    return lang;
  }
  std::vector<std::string> known;
  for (const auto& entry : std::filesystem::directory_iterator(locales, ec)) {
    const std::string file = entry.path().filename().string();
    if (file.starts_with("locales-") && file.ends_with(".xml")) {
      known.push_back(file.substr(8, file.size() - 12));
    }
  }
  std::sort(known.begin(), known.end());
  const auto dialect_of = [&](const std::string& l) { return l == lang || l.starts_with(lang + "-"); };
  if (std::any_of(known.begin(), known.end(), dialect_of)) {
    return lang;
  }
  std::string near;
  const std::string language = lang.substr(0, lang.find('-'));
  for (const std::string& l : known) {
    if (l.starts_with(language + "-")) {
      near += (near.empty() ? "" : ", ") + l;
    }
  }
  return tl::make_unexpected("no CSL locale " + lang + " in " + locales.string() +
                             (near.empty() ? "" : " (there: " + near + ")"));
}

} // namespace refs::citeproc
