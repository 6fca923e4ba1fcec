#pragma once

#include <string_view>

namespace refs::exporting {

/// Whether biber's default data model knows a field (biblatex manual,
/// §2.2 and §2.2.5 for the aliases it maps). A field kept from an
/// imported entry that it does not know ("numpages", "collaboration") is
/// left out of BibLaTeX, where biber would warn of it, and kept in BibTeX,
/// where the styles pass over it.
bool biblatex_knows(std::string_view field);

} // namespace refs::exporting
