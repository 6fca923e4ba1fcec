#include "core/dedupe/work_profile.hpp"

#include "core/classify/site_name.hpp"
#include "core/classify/url_identity.hpp"
#include "core/dedupe/folded_text.hpp"
#include "core/util/string.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace refs::dedupe {

namespace {

// Shortest folded titles the rule trusts: below this, titles like "Intro"
// or "Update" name many works. Author-less pages need more, as a site's
// pages share boilerplate titles.
constexpr std::size_t k_min_title = 8;
constexpr std::size_t k_min_authorless_title = 16;
constexpr std::size_t k_min_authorless_words = 3;

// Types that say a page is commentary (a blog post, a news story), never a
// copy of a paper. A plain "webpage" is what a page without a stated type
// gets, repository landing pages among them, so it may be the paper.
constexpr std::array<std::string_view, 4> k_web_types = {"post-weblog", "post", "article-newspaper",
                                                         "article-magazine"};
constexpr std::array<std::string_view, 9> k_scholarly_types = {
    "article", "article-journal", "paper-conference", "chapter", "book", "report", "thesis", "manuscript", "dataset"};

template <std::size_t N>
bool one_of(const std::array<std::string_view, N>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

Genre genre_of(const std::string& type) {
  if (one_of(k_web_types, type)) {
    return Genre::web;
  }
  return one_of(k_scholarly_types, type) ? Genre::scholarly : Genre::other;
}

std::string folded(std::string_view text) { return to_utf8(fold_letters(text)); }

std::size_t word_count(std::string_view text) {
  std::size_t words = 0;
  const std::string collapsed = util::collapse_whitespace(text); // split's views point into it
  for (std::string_view part : util::split(collapsed, ' ')) {
    words += part.empty() ? 0 : 1;
  }
  return words;
}

std::string author_block(const model::Citation& c) {
  if (c.authors.empty()) {
    return "";
  }
  const model::Person& first = c.authors.front();
  const std::string name = folded(first.family.empty() ? first.literal : first.family);
  return name.empty() ? "" : "a:" + name;
}

std::string site_block(const model::Citation& c, const std::vector<UrlKey>& urls) {
  const auto cited = std::find_if(urls.begin(), urls.end(), [](const UrlKey& u) { return !u.canonical; });
  if (cited != urls.end()) {
    const std::string host(classify::identity_host(cited->identity));
    std::string block = "s:" + host;
    if (classify::is_tenant_site(host)) {
      block += '/';
      block += classify::identity_path_head(cited->identity);
    }
    return block;
  }
  const std::string site = folded(c.container_title);
  return site.empty() ? "" : "s:" + site;
}

std::optional<TitleKey> title_key(const model::Citation& c, const WorkProfile& profile) {
  const auto source = c.sources.find("title");
  if (c.title.empty() || source == c.sources.end() || source->second == "post") {
    return std::nullopt;
  }
  TitleKey key;
  key.words = fold_words(c.title);
  key.title = key.words;
  std::erase(key.title, U' ');
  key.block = author_block(c);
  if (key.block.empty()) {
    if (key.title.size() < k_min_authorless_title || word_count(c.title) < k_min_authorless_words ||
        to_utf8(key.title) == folded(c.container_title)) {
      return std::nullopt;
    }
    key.block = site_block(c, profile.urls);
  }
  if (key.block.empty() || key.title.size() < k_min_title) {
    return std::nullopt;
  }
  for (const std::string& n : title_numbers(c.title)) {
    key.numbers += key.numbers.empty() ? n : " " + n;
  }
  key.year = c.issued.year;
  const bool arxiv = std::any_of(profile.unique.begin(), profile.unique.end(),
                                 [](const std::string& u) { return u.starts_with("arxiv:"); });
  const bool doi = std::any_of(profile.unique.begin(), profile.unique.end(),
                               [](const std::string& u) { return u.starts_with("doi:"); });
  key.stage = arxiv ? Stage::preprint : doi ? Stage::published : Stage::other;
  key.genre = genre_of(c.type);
  return key;
}

void add_url(std::vector<UrlKey>& urls, const std::string& identity, bool canonical) {
  const bool known = std::any_of(urls.begin(), urls.end(), [&](const UrlKey& u) { return u.identity == identity; });
  if (!known) {
    urls.push_back({identity, canonical});
  }
}

} // namespace

std::string unique_key(const model::WorkId& id) {
  if (id.kind == model::IdKind::arxiv) {
    return "arxiv:" + id.value;
  }
  const std::string doi = util::to_lower_ascii(id.value);
  constexpr std::string_view datacite = "10.48550/arxiv.";
  if (doi.starts_with(datacite) && doi.size() > datacite.size()) {
    return "arxiv:" + doi.substr(datacite.size());
  }
  return "doi:" + doi;
}

WorkProfile profile_of(const model::Citation& c) {
  WorkProfile profile;
  for (const model::WorkId& id : c.ids) {
    if (id.kind == model::IdKind::arxiv || id.kind == model::IdKind::doi) {
      std::string key = unique_key(id);
      if (std::find(profile.unique.begin(), profile.unique.end(), key) == profile.unique.end()) {
        profile.unique.push_back(std::move(key));
      }
    } else if (id.kind == model::IdKind::url) {
      if (auto identity = classify::identity_url(id.value)) {
        add_url(profile.urls, *identity, false);
      }
    }
  }
  std::vector<std::string> sites;
  for (const UrlKey& u : profile.urls) {
    sites.push_back(classify::registrable_domain(classify::identity_host(u.identity)));
  }
  for (const model::WorkId& id : c.ids) {
    if (id.kind != model::IdKind::canonical_url) {
      continue;
    }
    const auto identity = classify::identity_url(id.value);
    if (!identity || classify::is_home_or_section(*identity)) {
      continue;
    }
    const std::string site = classify::registrable_domain(classify::identity_host(*identity));
    if (std::find(sites.begin(), sites.end(), site) != sites.end()) {
      add_url(profile.urls, *identity, true);
    }
  }
  profile.title = title_key(c, profile);
  profile.parts = parts_of(c, profile.title ? &profile.title->title : nullptr);
  return profile;
}

} // namespace refs::dedupe
