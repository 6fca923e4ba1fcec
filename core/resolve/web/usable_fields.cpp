#include "core/resolve/web/usable_fields.hpp"

#include "core/csl/csl_fields.hpp"

#include <string_view>

namespace refs::resolve::web {

namespace {

/// The longest value a field can hold: real titles stay under a few
/// hundred characters, author lists of big collaborations run long.
std::size_t limit_for(std::string_view field) {
  if (field == "abstract") {
    return 100000;
  }
  if (field == "author" || field == "editor") {
    return 200000;
  }
  return 2000;
}

/// Why `text` is not usable, or "".
std::string unusable_because(std::string_view text, std::size_t limit) {
  if (text.size() > limit) {
    return std::to_string(text.size()) + " bytes long";
  }
  if (text.find("\xEF\xBF\xBD") != std::string_view::npos) { // U+FFFD
    return "not valid text";
  }
  for (const char ch : text) {
    const auto byte = static_cast<unsigned char>(ch);
    if ((byte < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') || byte == 0x7F) {
      return "holds control characters";
    }
  }
  return "";
}

} // namespace

std::vector<std::string> drop_unusable_fields(model::Citation& citation) {
  std::vector<std::string> dropped;
  for (const std::string_view name : csl::field_names()) {
    const std::string text = csl::field_text(citation, name);
    if (text.empty()) {
      continue;
    }
    if (const std::string why = unusable_because(text, limit_for(name)); !why.empty()) {
      (void)csl::set_field(citation, name, ""); // clearing cannot fail
      citation.sources.erase(std::string(name));
      dropped.push_back(std::string(name) + ": " + why);
    }
  }
  return dropped;
}

} // namespace refs::resolve::web
