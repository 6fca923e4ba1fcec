#pragma once

#include "core/model/citation.hpp"

#include <span>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

namespace refs::csl {

/// The fields a Citation holds, by their CSL names, in display order: type,
/// title, author, issued, container-title, publisher, number, DOI, URL,
/// abstract, accessed, language, note, and two of our own that travel in
/// CSL's `custom`: primary-class and journal-ref (from arXiv).
std::span<const std::string_view> field_names();

/// CSL 1.0.2's item types ("article-journal", "webpage", …), in byte order.
std::span<const std::string_view> type_names();

/// Whether `name` is one of field_names().
bool is_field(std::string_view name);

/// A field as one line of text: dates as YYYY[-MM[-DD]], authors in BibTeX
/// form ("Peng, Bowen and {Microsoft Research}"); "" when empty or unknown.
std::string field_text(const model::Citation& citation, std::string_view name);

/// Sets a field from the text form field_text() writes (an empty value clears
/// it). Fails for an unknown field name or a malformed date or name list,
/// with a lower-case reason.
tl::expected<void, std::string> set_field(model::Citation& citation, std::string_view name,
                                          const std::string& value);

/// Copies one field's value from `from` to `to`.
void copy_field(model::Citation& to, const model::Citation& from, std::string_view name);

/// The citation's first identifier of `kind` ("2309.00071" for arxiv), or "".
std::string identifier(const model::Citation& citation, model::IdKind kind);

/// Parses a BibTeX-style name list: "Family, Given and Given Family and
/// Family, Jr., Given and {Corporate Name}". Fails on an empty name or unbalanced braces.
tl::expected<std::vector<model::Person>, std::string> parse_names(std::string_view text);

} // namespace refs::csl
