#include "core/resolve/web/usable_fields.hpp"

#include "core/csl/csl_fields.hpp"

#include <algorithm>
#include <string_view>

namespace refs::resolve::web {

namespace {

/// The longest value a field can hold: real titles stay under a few
/// hundred characters, abstracts under a few thousand.
constexpr std::size_t k_text_limit = 2000;
constexpr std::size_t k_abstract_limit = 100000;
constexpr std::size_t k_name_limit = 500;

/// Why `text` is not usable, or "".
std::string unusable_because(std::string_view text, std::size_t limit) {
  if (text.size() > limit) {
    return std::to_string(text.size()) + " bytes long";
  }
  if (text.find("\xEF\xBF\xBD") != std::string_view::npos) { // U+FFFD
    return "not valid text";
  }
  const auto control = [](char ch) {
    const auto byte = static_cast<unsigned char>(ch);
    return (byte < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') || byte == 0x7F;
  };
  return std::any_of(text.begin(), text.end(), control) ? "holds control characters" : "";
}

/// Leaves out the people whose names are not usable; "field: why" when any.
std::string drop_people(std::vector<model::Person>& people, std::string_view field) {
  std::string why;
  std::size_t dropped = 0;
  std::erase_if(people, [&](const model::Person& p) {
    for (const std::string& part : {p.family, p.given, p.literal}) {
      if (std::string reason = unusable_because(part, k_name_limit); !reason.empty()) {
        why = std::move(reason);
        ++dropped;
        return true;
      }
    }
    return false;
  });
  if (dropped == 0) {
    return "";
  }
  return std::string(field) + ": " + (dropped == 1 ? why : std::to_string(dropped) + " names, e.g. " + why);
}

} // namespace

std::vector<std::string> drop_unusable_fields(model::Citation& citation) {
  std::vector<std::string> dropped;
  for (const std::string_view name : csl::field_names()) {
    // The type is ours, never the page's text; dates are digits once read.
    if (name == "type" || name == "issued" || name == "accessed") {
      continue;
    }
    if (name == "author" || name == "editor") {
      if (std::string why = drop_people(name == "author" ? citation.authors : citation.editors, name); !why.empty()) {
        dropped.push_back(std::move(why));
      }
      continue;
    }
    const std::string text = csl::field_text(citation, name);
    const std::string why = unusable_because(text, name == "abstract" ? k_abstract_limit : k_text_limit);
    if (text.empty() || why.empty()) {
      continue;
    }
    (void)csl::set_field(citation, name, ""); // an empty text field is always accepted
    citation.sources.erase(std::string(name));
    if (name == "DOI") { // and not fetched either
      std::erase_if(citation.ids, [&](const model::WorkId& id) { return id.kind == model::IdKind::doi && id.value == text; });
    }
    dropped.push_back(std::string(name) + ": " + why);
  }
  return dropped;
}

} // namespace refs::resolve::web
