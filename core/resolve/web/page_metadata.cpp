#include "core/resolve/web/page_metadata.hpp"

#include "core/classify/url.hpp"
#include "core/resolve/arxiv.hpp"
#include "core/resolve/doi.hpp"
#include "core/resolve/web/author_names.hpp"
#include "core/resolve/web/body_pass.hpp"
#include "core/resolve/web/charset.hpp"
#include "core/resolve/web/date_text.hpp"
#include "core/resolve/web/evidence_merge.hpp"
#include "core/resolve/web/head_doubts.hpp"
#include "core/resolve/web/json_ld.hpp"
#include "core/resolve/web/page_tags.hpp"
#include "core/resolve/web/usable_fields.hpp"
#include "core/resolve/web/wall_titles.hpp"
#include "core/util/string.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <optional>
#include <utility>

namespace refs::resolve::web {

// The metadata families of a page, most trustworthy first (tests/fixtures/
// web/ has a head for each):
// - Highwire Press citation_* tags, which Google Scholar reads: journals,
//   repositories, university presses. Precise, and one tag per author.
// - JSON-LD schema.org: news sites and WordPress (Yoast) put the article's
//   headline, authors and dates here.
// - OpenGraph (og:*, article:*), written for link previews: good titles and
//   site names, authors often as profile URLs.
// - Twitter cards and Dublin Core (DC.*, dcterms.*).
// - <meta name="author"> and <title>, which carries the site's name too.
// Each field takes the first family that has a usable value.

namespace {

struct Candidate {
  const char* family;
  const char* key;
  std::string value;
};

/// The first candidate with a value, recorded as the field's origin.
bool take(PageMetadata& page, const char* field, const std::vector<Candidate>& candidates,
          const std::function<bool(const std::string&)>& apply) {
  for (const Candidate& c : candidates) {
    if (!c.value.empty() && apply(c.value)) {
      page.citation.sources[field] = c.family;
      page.provenance[field] = std::string(c.family) + " " + c.key;
      return true;
    }
  }
  return false;
}

std::string first(const PageTags& t, std::initializer_list<const char*> keys) {
  for (const char* k : keys) {
    if (std::string v = meta_value(t, k); !v.empty()) {
      return v;
    }
  }
  return "";
}

std::string wall_problem(const PageTags& t) {
  const bool article_metadata = !meta_value(t, "og:title").empty() || !t.json_ld.empty();
  if (!article_metadata && wall_of_title(t.title) != Wall::none) {
    return "not the page but a bot, login or error wall (\"" + t.title + "\")";
  }
  return "";
}

std::string type_for(const std::string& journal, const std::string& json_ld_type) {
  if (!journal.empty() || json_ld_type == "ScholarlyArticle") {
    return "article-journal";
  }
  if (json_ld_type.find("NewsArticle") != std::string::npos || json_ld_type == "LiveBlogPosting") {
    return "article-newspaper";
  }
  if (json_ld_type == "BlogPosting") {
    return "post-weblog";
  }
  return "webpage";
}

/// "NPR.org" -> "NPR": a name without what looks like a TLD.
std::string without_tld(const std::string& name) {
  const std::size_t dot = name.rfind('.');
  if (dot == std::string::npos || dot == 0 || name.find(' ') != std::string::npos) {
    return name;
  }
  const std::string tld = name.substr(dot + 1);
  const bool letters = !tld.empty() && tld.size() <= 6 &&
                       std::all_of(tld.begin(), tld.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
  return letters ? name.substr(0, dot) : name;
}

bool looks_like_domain(const std::string& name) { return without_tld(name) != name; }

/// The site name a <title> adds to the headline ("Headline | Site"), when
/// the rest of it is the headline the page states elsewhere.
std::string site_from_title(const std::string& title, const std::string& headline) {
  if (headline.empty()) {
    return "";
  }
  for (std::string_view sep : {" | ", " - ", " — ", " – ", " :: ", " · "}) {
    const std::size_t at = title.rfind(sep);
    if (at != std::string::npos && util::collapse_whitespace(title.substr(0, at)) == util::collapse_whitespace(headline)) {
      return util::collapse_whitespace(title.substr(at + sep.size()));
    }
  }
  return "";
}

void read_title_and_site(PageMetadata& page, const PageTags& t, const JsonLdWork& ld, const std::string& host_label) {
  model::Citation& c = page.citation;
  const std::string og_site = meta_value(t, "og:site_name");
  const std::string headline = !meta_value(t, "og:title").empty() ? meta_value(t, "og:title") : ld.headline;
  // A site name written as a domain (die-tagespost.de) gives way to the
  // name the <title> uses, when it has one.
  take(page, "container-title",
       {{"highwire", "citation_journal_title", meta_value(t, "citation_journal_title")},
        {"opengraph", "og:site_name", looks_like_domain(og_site) ? "" : og_site},
        {"json-ld", "publisher", looks_like_domain(ld.publisher) ? "" : ld.publisher},
        {"title", "application-name", meta_value(t, "application-name")},
        {"title", "<title> suffix", site_from_title(t.title, headline)},
        {"opengraph", "og:site_name", og_site},
        {"json-ld", "publisher", ld.publisher}},
       [&](const std::string& v) { return !(c.container_title = v).empty(); });
  const std::string site = c.container_title.empty() ? host_label : c.container_title;
  const auto titled = [&](const std::string& v) {
    std::string cleaned = clean_title(v, site);
    if (cleaned == v && !host_label.empty()) {
      cleaned = clean_title(v, host_label);
    }
    return !(c.title = cleaned).empty();
  };
  take(page, "title",
       {{"highwire", "citation_title", meta_value(t, "citation_title")},
        {"json-ld", "headline", ld.headline},
        {"opengraph", "og:title", meta_value(t, "og:title")},
        {"twitter", "twitter:title", meta_value(t, "twitter:title")},
        {"dublin-core", "dc.title", first(t, {"dc.title", "dcterms.title"})},
        {"title", "<title>", t.title}},
       titled);
}

/// The head's people and dates; the text the date was read from is kept
/// for the merge with the visible page.
std::string read_people_and_dates(PageMetadata& page, const PageTags& t, const JsonLdWork& ld) {
  model::Citation& c = page.citation;
  const std::string site = c.container_title;
  std::vector<std::string> og_authors = meta_values(t, "article:author");
  std::vector<std::string> ld_authors = ld.authors;
  const auto as_people = [&](const std::vector<std::string>& values) {
    c.authors = clean_authors(values, site, t.language);
    return !c.authors.empty();
  };
  const std::vector<std::pair<const char*, std::vector<std::string>>> author_sources = {
      {"highwire", meta_values(t, "citation_author")},
      {"json-ld", ld_authors},
      {"opengraph", og_authors},
      {"dublin-core", meta_values(t, "dc.creator")},
      {"title", meta_values(t, "author")},
  };
  for (const auto& [family, values] : author_sources) {
    if (!values.empty() && as_people(values)) {
      c.sources["author"] = family;
      page.provenance["author"] = std::string(family) == "title" ? "title meta author" : std::string(family) + " author";
      break;
    }
  }
  std::string issued_text;
  take(page, "issued",
       {{"highwire", "citation_publication_date", first(t, {"citation_publication_date", "citation_date", "citation_online_date"})},
        {"json-ld", "datePublished", ld.date_published},
        {"opengraph", "article:published_time", first(t, {"article:published_time", "og:published_time"})},
        {"dublin-core", "dc.date", first(t, {"dc.date", "dcterms.issued", "dcterms.created", "dc.date.issued"})},
        {"title", "meta date", first(t, {"date", "pubdate", "publishdate", "publish-date", "datepublished", "sailthru.date", "parsely-pub-date"})}},
       [&](const std::string& v) {
         issued_text = v;
         return (c.issued = parse_date_text(v)).known();
       });
  take(page, "volume", {{"highwire", "citation_volume", meta_value(t, "citation_volume")}},
       [&](const std::string& v) { return !(c.volume = v).empty(); });
  take(page, "issue", {{"highwire", "citation_issue", meta_value(t, "citation_issue")}},
       [&](const std::string& v) { return !(c.issue = v).empty(); });
  const std::string first_page = meta_value(t, "citation_firstpage");
  const std::string last_page = meta_value(t, "citation_lastpage");
  take(page, "page", {{"highwire", "citation_firstpage", last_page.empty() ? first_page : first_page + "-" + last_page}},
       [&](const std::string& v) { return !first_page.empty() && !(c.page = v).empty(); });
  take(page, "publisher",
       {{"highwire", "citation_publisher", meta_value(t, "citation_publisher")},
        {"dublin-core", "dc.publisher", first(t, {"dc.publisher", "dcterms.publisher"})}},
       [&](const std::string& v) { return !(c.publisher = v).empty(); });
  take(page, "language", {{"title", "<html lang>", t.language}, {"highwire", "citation_language", meta_value(t, "citation_language")}},
       [&](const std::string& v) { return !(c.language = v).empty(); });
  return c.issued.known() ? issued_text : "";
}

void read_identifiers(PageMetadata& page, const PageTags& t, const JsonLdWork& ld, const std::string& url) {
  model::Citation& c = page.citation;
  if (auto doi = normalise_doi(first(t, {"citation_doi", "dc.identifier", "prism.doi"}))) {
    c.doi = *doi;
    c.sources["DOI"] = "highwire";
    page.provenance["DOI"] = "highwire citation_doi";
    c.ids.push_back({model::IdKind::doi, *doi});
  }
  if (auto arxiv = normalise_arxiv_id(meta_value(t, "citation_arxiv_id"))) {
    c.ids.push_back({model::IdKind::arxiv, *arxiv});
  }
  for (const std::string& canonical : {t.canonical, meta_value(t, "og:url"), ld.url}) {
    if (canonical.empty()) {
      continue;
    }
    if (auto absolute = classify::resolve_url(url, canonical)) {
      c.ids.push_back({model::IdKind::canonical_url, *absolute});
      page.provenance["canonical"] = *absolute;
      break;
    }
  }
}

} // namespace

PageMetadata extract_page(std::string_view bytes, std::string_view content_type, const std::string& url,
                          const model::Date& today) {
  PageMetadata page;
  const DecodedPage decoded = decode_page(bytes, content_type);
  page.encoding = decoded.encoding;
  const PageTags tags = read_page_tags(decoded.text());
  const JsonLdWork ld = main_work(tags.json_ld);
  std::string host_label;
  if (const auto parts = classify::parse_url(url); parts && parts->is_web()) {
    host_label = parts->host.starts_with("www.") ? parts->host.substr(4) : parts->host;
    host_label = host_label.substr(0, host_label.find('.'));
  }
  page.problem = wall_problem(tags);
  read_title_and_site(page, tags, ld, host_label);
  HeadEvidence head;
  head.issued_text = read_people_and_dates(page, tags, ld);
  head.host_label = host_label;
  head.scholarly = !meta_value(tags, "citation_title").empty();
  for (const auto& [origin, text] : {std::pair<const char*, std::string>{"json-ld headline", ld.headline},
                                     {"opengraph og:title", meta_value(tags, "og:title")},
                                     {"twitter twitter:title", meta_value(tags, "twitter:title")},
                                     {"title <title>", tags.title}}) {
    if (!text.empty()) {
      head.titles.emplace_back(origin, text);
    }
  }
  if (const std::vector<std::string> doubts = head_doubts(page, head); !doubts.empty()) {
    std::string why;
    for (const std::string& d : doubts) {
      why += (why.empty() ? "" : ", ") + d;
    }
    page.provenance["body"] = "read: " + why;
    merge_body_evidence(page, head, read_body(decoded.text(), tags.language, url, today));
  }
  read_identifiers(page, tags, ld, url);
  page.citation.type = type_for(meta_value(tags, "citation_journal_title"), ld.type);
  page.citation.sources["type"] = !meta_value(tags, "citation_journal_title").empty() ? "highwire"
                                  : !ld.type.empty()                                 ? "json-ld"
                                                                                     : "title";
  page.dropped = drop_unusable_fields(page.citation);
  for (const std::string& d : page.dropped) {
    page.provenance.erase(d.substr(0, d.find(':')));
  }
  return page;
}

} // namespace refs::resolve::web
