#pragma once

#include <string_view>

namespace refs::resolve::web {

/// The month a written month name means, 1-12, or 0: full and abbreviated
/// names, as ICU's CLDR data spells them (format and stand-alone forms) in
/// English, German, French, Spanish, Italian, Portuguese and Dutch, matched
/// without case and without a trailing dot ("Nov.", "März", "févr.",
/// "novembre", "maio", "mrt"). `word` is UTF-8.
int month_from_name(std::string_view word);

/// True for a day of the week's name, full or abbreviated, in the same
/// languages ("Thursday", "Do", "jeudi", "jueves").
bool is_weekday_name(std::string_view word);

} // namespace refs::resolve::web
