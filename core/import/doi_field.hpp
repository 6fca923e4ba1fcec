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

/// A verbatim field (url, doi) with the escapes of TeX's special
/// characters undone: DBLP and other tools write `11880561\_13` so that
/// the classic styles print it, and no URL or DOI holds a backslash.
std::string unescaped_verbatim(std::string_view raw);

} // namespace refs::importing
