#include "core/resolve/web/merge_steps.hpp"

#include "core/util/string.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

namespace refs::resolve::web::merge {

namespace {

/// The stems (first five bytes) of a title's words of four bytes or more.
std::vector<std::string> stems(std::string_view title) {
  std::vector<std::string> out;
  std::string word;
  const auto flush = [&] {
    if (word.size() >= 4) {
      out.push_back(word.substr(0, 5));
    }
    word.clear();
  };
  for (char ch : title) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) != 0 || c >= 0x80) {
      word += static_cast<char>(std::tolower(c));
    } else {
      flush();
    }
  }
  flush();
  return out;
}

} // namespace

std::string folded(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
      i += 2;
      continue;
    }
    if (c == 0xC2 && i + 1 < s.size()) {
      ++i;
      continue;
    }
    if (std::isalnum(c) != 0) {
      out += static_cast<char>(std::tolower(c));
    } else if (c >= 0x80) {
      out += static_cast<char>(c);
    }
  }
  return out;
}

bool agree(std::string_view a, std::string_view b) {
  const std::string fa = folded(a);
  return !fa.empty() && fa == folded(b);
}

bool share_words(std::string_view a, std::string_view b) {
  const std::vector<std::string> sa = stems(a);
  const std::vector<std::string> sb = stems(b);
  return std::any_of(sa.begin(), sa.end(), [&](const std::string& s) { return std::find(sb.begin(), sb.end(), s) != sb.end(); });
}

bool names_host(std::string_view name, const std::string& host_label) {
  const std::string f = folded(name);
  const std::string h = folded(host_label);
  return !f.empty() && h.size() >= 3 && (f == h || f.find(h) != std::string::npos || h.find(f) != std::string::npos);
}

bool is_domain(const std::string& name) {
  const std::size_t dot = name.rfind('.');
  if (name.find(' ') != std::string::npos || dot == std::string::npos || dot == 0 || name.size() - dot - 1 < 2 ||
      name.size() - dot - 1 > 6) {
    return false;
  }
  const bool lower_tld =
      std::all_of(name.begin() + static_cast<std::ptrdiff_t>(dot) + 1, name.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  const bool shouted = std::none_of(name.begin(), name.end(), [](char c) { return c >= 'a' && c <= 'z'; }); // INTERSCENAR.IO
  return lower_tld || shouted;
}

} // namespace refs::resolve::web::merge
