#include "core/dedupe/work_parts.hpp"

#include "core/dedupe/folded_text.hpp"
#include "core/dedupe/title_similarity.hpp"
#include "core/util/string.hpp"
#include "core/util/utf8.hpp"

#include <cctype>

namespace refs::dedupe {

namespace {

// How alike titles under one DOI must be, and under one URL: a DOI names
// one work however its title was edited; a URL is often a whole issue's
// PDF, whose columns differ by a letter ("MVS site report", "VMS site report").
constexpr double k_same_title_doi = 0.8;
constexpr double k_same_title_url = k_title_threshold;

std::string letters_and_digits(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0 || static_cast<unsigned char>(c) >= 0x80) {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

/// "184--187", "e1001", "S12-S19": up to the first dash or comma.
std::string first_page(std::string_view page) {
  const std::size_t end = page.find_first_of("-\u2013,");
  return letters_and_digits(page.substr(0, end));
}

/// "2", "2nd", "2. Auflage" → "2"; words stay words ("Second").
std::string edition_of(std::string_view edition) {
  std::string digits;
  for (char c : edition) {
    if (std::isdigit(static_cast<unsigned char>(c)) != 0) {
      digits += c;
    } else if (!digits.empty()) {
      break;
    }
  }
  return digits.empty() ? letters_and_digits(edition) : digits;
}

bool titles_agree(const std::u32string& a, const std::u32string& b, double alike) {
  if (a.empty() || b.empty() || a == b) {
    return true;
  }
  const std::u32string& shorter = a.size() < b.size() ? a : b;
  const std::u32string& longer = a.size() < b.size() ? b : a;
  return longer.starts_with(shorter) || title_similarity(a, b, alike) >= alike;
}

std::string differ(const char* what, const std::string& a, const std::string& b) {
  return a.empty() || b.empty() || a == b ? "" : std::string(what) + " (" + a + ", " + b + ")";
}

} // namespace

WorkParts parts_of(const model::Citation& c, const std::u32string* folded_title) {
  const auto subtype = c.bib_fields.find("entrysubtype");
  WorkParts p{letters_and_digits(c.volume), letters_and_digits(c.issue), first_page(c.page), edition_of(c.edition),
              subtype == c.bib_fields.end() ? "" : letters_and_digits(subtype->second), {}, {}};
  if (!c.authors.empty() && !c.authors.front().given.empty()) {
    const std::string& given = c.authors.front().given;
    std::size_t first = 0;
    util::next_code_point(given, first);
    p.initial = fold_letters(std::string_view(given).substr(0, first));
  }
  const auto source = c.sources.find("title");
  if (source == c.sources.end() || source->second != "post") {
    p.title = folded_title != nullptr ? *folded_title : fold_letters(c.title);
  }
  return p;
}

std::string tells_apart(const WorkParts& a, const WorkParts& b, std::string_view rule) {
  if (rule == "arxiv-id" || rule == "key") { // one arXiv id, or the file's own entry again
    return "";
  }
  for (std::string why : {differ("volume", a.volume, b.volume), differ("issue", a.issue, b.issue),
                          differ("first page", a.first_page, b.first_page), differ("edition", a.edition, b.edition),
                          a.subtype == b.subtype ? std::string() : std::string("entry subtype"),
                          // Only for a title match: identifiers outweigh an author list in another order.
                          !rule.starts_with("title") || a.initial.empty() || b.initial.empty() || a.initial == b.initial
                              ? std::string()
                              : std::string("first author")}) {
    if (!why.empty()) {
      return why;
    }
  }
  if (rule == "doi") {
    return titles_agree(a.title, b.title, k_same_title_doi) ? "" : "title";
  }
  const bool by_url = rule == "url" || rule == "canonical-url";
  return by_url && !titles_agree(a.title, b.title, k_same_title_url) ? "title" : "";
}

} // namespace refs::dedupe
