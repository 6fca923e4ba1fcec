#pragma once

#include <filesystem>
#include <string>

#include <tl/expected.hpp>

namespace refs::citeproc {

/// `lang` ("ko-KR", "ko", "en-GB") when the CSL locales (Debian's
/// citation-style-language-locales: locales-ko-KR.xml, …) have it; a bare
/// language is a locale when one of its dialects is there. Fails with one
/// line naming it, and the nearest locales, when there is none: a CSL
/// processor would fall back to American English without a word. Without
/// the locales folder, `lang` is taken as it is (pandoc carries its own).
tl::expected<std::string, std::string> checked_locale(const std::string& lang, const std::filesystem::path& locales);

} // namespace refs::citeproc
