#pragma once

#include "core/model/citation.hpp"

#include <string>
#include <vector>

namespace refs::resolve::web {

/// Turns the author values a page gives into people and organisations:
/// drops what is not a name (URLs, @handles, e-mail addresses, dates,
/// placeholders such as "admin" or "Staff", the site's own name), strips
/// bylines' "By " and "Updated", splits "A, B and C" and "A; B", removes
/// repeats, and splits each name into family and given
/// (csl::person_from_name), as the page's `language` writes names: a
/// Spanish name of three or four words ends in two family names.
std::vector<model::Person> clean_authors(const std::vector<std::string>& values, const std::string& site_name,
                                         std::string_view language = "");

/// A title without the site's name that pages append (" | Reuters",
/// " - The Verge", " — Site"), when what follows the separator is the site
/// name (or its host's first label); whitespace collapsed.
std::string clean_title(const std::string& title, const std::string& site_name);

} // namespace refs::resolve::web
