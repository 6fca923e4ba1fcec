#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace refs::importing {

/// The DOIs a `doi` field holds, as written by people and tools: "DOI:
/// 10.1/x", "https://doi.org/10.1/x", "doi.org/10.1/x", `%20` and `%2F`
/// escapes (refs' own export once wrote "DOI:%2010.…"), or two DOIs
/// separated by a comma, semicolon or space. In order, case kept; empty
/// when the field holds no DOI.
std::vector<std::string> dois_in_field(std::string_view raw);

} // namespace refs::importing
