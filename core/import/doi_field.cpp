#include "core/import/doi_field.hpp"

#include "core/resolve/doi.hpp"
#include "core/util/percent_encoding.hpp"
#include "core/util/string.hpp"

namespace refs::importing {

namespace {

/// `%XX` escapes decoded: a DOI field is not a URL, and a DOI holds no `%`
/// of its own that a tool would keep.
std::string percent_decoded(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && util::hex_digit_value(text[i + 1]) >= 0 &&
        util::hex_digit_value(text[i + 2]) >= 0) {
      out += static_cast<char>(util::hex_digit_value(text[i + 1]) * 16 + util::hex_digit_value(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

} // namespace

std::string unescaped_verbatim(std::string_view raw) {
  std::string out;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '\\' && i + 1 < raw.size() && std::string_view("_%&#$~").find(raw[i + 1]) != std::string_view::npos) {
      ++i;
    }
    out += raw[i];
  }
  return out;
}

std::vector<std::string> dois_in_field(std::string_view raw) {
  const std::string text = percent_decoded(unescaped_verbatim(raw));
  std::vector<std::string> out;
  std::string_view rest = text;
  while (!rest.empty()) {
    const std::size_t start = rest.find("10.");
    if (start == std::string_view::npos) {
      break;
    }
    std::size_t end = rest.find_first_of(" \t\n,;", start);
    end = end == std::string_view::npos ? rest.size() : end;
    const std::string_view token = rest.substr(start, end - start); // past any "DOI:" or doi.org prefix
    if (resolve::normalise_doi(token)) {
      std::string_view doi = token;
      while (!doi.empty() && std::string_view(".,;:").find(doi.back()) != std::string_view::npos) {
        doi.remove_suffix(1);
      }
      out.emplace_back(doi);
    }
    rest = rest.substr(end);
  }
  return out;
}

} // namespace refs::importing
