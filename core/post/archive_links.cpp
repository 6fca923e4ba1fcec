#include "core/post/archive_links.hpp"

#include <algorithm>
#include <optional>
#include <utility>

namespace refs::post {

namespace {

/// The byte range of a footnote: its line and the indented lines after it.
std::pair<std::size_t, std::size_t> footnote_range(std::string_view text, int line) {
  std::size_t start = 0;
  for (int l = 1; l < line && start != std::string_view::npos; ++l) {
    start = text.find('\n', start);
    start = start == std::string_view::npos ? start : start + 1;
  }
  if (start == std::string_view::npos || start > text.size()) {
    return {text.size(), text.size()};
  }
  std::size_t end = text.find('\n', start);
  while (end != std::string_view::npos && end + 1 < text.size() && (text[end + 1] == ' ' || text[end + 1] == '\t')) {
    end = text.find('\n', end + 1);
  }
  return {start, end == std::string_view::npos ? text.size() : end};
}

/// Where ` ([archived](...))` goes: just after the `)` that closes the
/// link to `url` within [from, to), skipping a quoted link title.
std::optional<std::size_t> after_link(std::string_view text, std::size_t from, std::size_t to, const std::string& url) {
  const std::string_view part = text.substr(from, to - from);
  // The first link to the URL, written plain or in <...>.
  std::size_t at = std::string_view::npos;
  std::size_t length = 0;
  for (const std::string& opening : {"](" + url, "](<" + url + ">"}) {
    // The whole URL: "](https://x/a" must not stop at "](https://x/a/b".
    std::size_t found = part.find(opening);
    while (found != std::string_view::npos && found + opening.size() < part.size() &&
           std::string_view(") \t\"").find(part[found + opening.size()]) == std::string_view::npos &&
           opening.back() != '>') {
      found = part.find(opening, found + 1);
    }
    if (found < at) {
      at = found;
      length = opening.size();
    }
  }
  if (at == std::string_view::npos) {
    return std::nullopt;
  }
  bool quoted = false;
  for (std::size_t i = at + length; i < part.size(); ++i) {
    if (part[i] == '"') {
      quoted = !quoted;
    } else if (part[i] == ')' && !quoted) {
      return from + i + 1;
    }
  }
  return std::nullopt;
}

} // namespace

std::string add_archive_links(std::string_view text, const std::vector<ArchiveLink>& links) {
  std::vector<std::pair<std::size_t, std::string>> inserts;
  for (const ArchiveLink& link : links) {
    const auto [from, to] = footnote_range(text, link.line);
    const std::string_view footnote = text.substr(from, to - from);
    if (footnote.find("[archived](") != std::string_view::npos || footnote.find(link.capture) != std::string_view::npos) {
      continue;
    }
    const auto at = after_link(text, from, to, link.url);
    if (at && std::none_of(inserts.begin(), inserts.end(), [&](const auto& i) { return i.first == *at; })) {
      // A capture's URL holds the original: with spaces or unbalanced
      // parentheses it needs CommonMark's <...> form to stay one link.
      const bool plain = link.capture.find_first_of(" <>") == std::string::npos &&
                         std::count(link.capture.begin(), link.capture.end(), '(') ==
                             std::count(link.capture.begin(), link.capture.end(), ')');
      inserts.emplace_back(*at, " ([archived](" + (plain ? link.capture : "<" + link.capture + ">") + "))");
    }
  }
  std::sort(inserts.begin(), inserts.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::string out(text);
  for (const auto& [at, piece] : inserts) {
    out.insert(at, piece);
  }
  return out;
}

} // namespace refs::post
