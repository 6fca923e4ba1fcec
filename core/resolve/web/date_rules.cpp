#include "core/resolve/web/date_rules.hpp"

#include "core/resolve/web/date_text.hpp"
#include "core/resolve/web/gumbo_tree.hpp"
#include "core/resolve/web/page_zones.hpp"
#include "core/util/string.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <cctype>
#include <tuple>
#include <string_view>

namespace refs::resolve::web {

namespace {

constexpr std::size_t k_max_date_text = 100;
constexpr std::size_t k_before_headline = 30;
constexpr std::size_t k_after_headline = 120;
constexpr int k_first_year = 1995; // no web page we cite is older

constexpr std::array<std::string_view, 14> k_date_words = {
    "date", "time", "published", "pubdate", "posted", "post-date", "entry-date", "dateline", "datum", "fecha", "data", "timestamp", "meta", "byline"};

constexpr std::array<std::string_view, 19> k_update_words = {
    "updated",  "update",      "modified",   "last modified", "edited",      "aktualisiert", "geändert",
    "mis à jour", "modifié",   "actualizado", "actualización", "aggiornato", "atualizado",   "bijgewerkt",
    "수정",      "업데이트",      "更新",        "修改",           "最終更新"};

bool has_word(const GumboNode* e, std::initializer_list<std::string_view> wanted) {
  const std::vector<std::string> words = name_words(e);
  return std::any_of(wanted.begin(), wanted.end(),
                     [&](std::string_view w) { return std::find(words.begin(), words.end(), w) != words.end(); });
}

bool date_marked(const GumboNode* e) {
  const std::vector<std::string> words = name_words(e);
  return std::any_of(k_date_words.begin(), k_date_words.end(),
                     [&](std::string_view w) { return std::find(words.begin(), words.end(), w) != words.end(); });
}

/// A date's text as the element gives it: its machine-readable attribute
/// first.
std::string date_value(const GumboNode* e) {
  for (const char* name : {"datetime", "content"}) {
    if (const std::string_view v = attribute(e, name); !v.empty()) {
      return util::collapse_whitespace(v);
    }
  }
  return visible_text(e, 300);
}

bool near_headline(const BodyScan& scan, std::size_t i) {
  if (scan.headline == static_cast<std::size_t>(-1)) {
    return i < k_after_headline * 2;
  }
  return i + k_before_headline >= scan.headline && i <= scan.headline + k_after_headline;
}

/// "/2020/11/03/", "/2020-11-03-": the date's ten characters, or "".
std::string url_date(std::string_view url) {
  for (std::size_t i = 0; i + 11 <= url.size(); ++i) {
    if (url[i] != '/' || !util::all_digits(url.substr(i + 1, 4))) {
      continue;
    }
    const char sep = url[i + 5];
    if ((sep == '/' || sep == '-') && util::all_digits(url.substr(i + 6, 2)) && i + 11 < url.size() && url[i + 8] == sep &&
        util::all_digits(url.substr(i + 9, 2)) && (i + 11 == url.size() || !std::isdigit(static_cast<unsigned char>(url[i + 11])))) {
      return std::string(url.substr(i + 1, 10));
    }
  }
  return "";
}

/// The text just before the element in its parent ("Updated: " before a
/// <time>), up to 40 bytes.
std::string preceding_text(const GumboNode* e) {
  const GumboNode* parent = e->parent;
  if (parent == nullptr || parent->type != GUMBO_NODE_ELEMENT || e->index_within_parent == 0) {
    return "";
  }
  // A label is text or an inline element ("<span>Updated: </span>"), not
  // the block before (another line of the page).
  const auto* before = static_cast<const GumboNode*>(parent->v.element.children.data[e->index_within_parent - 1]);
  const bool inline_label = before->type == GUMBO_NODE_ELEMENT &&
                            (before->v.element.tag == GUMBO_TAG_SPAN || before->v.element.tag == GUMBO_TAG_STRONG ||
                             before->v.element.tag == GUMBO_TAG_B || before->v.element.tag == GUMBO_TAG_EM ||
                             before->v.element.tag == GUMBO_TAG_LABEL || before->v.element.tag == GUMBO_TAG_I);
  const std::string text = before->type == GUMBO_NODE_TEXT ? util::collapse_whitespace(before->v.text.text)
                           : inline_label                 ? visible_text(before, 200)
                                                          : "";
  return text.size() > 40 ? text.substr(text.size() - 40) : text;
}

bool after(const model::Date& a, const model::Date& b) {
  return std::tie(a.year, a.month, a.day) > std::tie(b.year, b.month, b.day);
}

/// "Jan. 5, 2021, 9:23 PM UTC / Updated Jan. 6, 2021": the text before
/// the update's label, when a date comes first.
std::string before_update(const std::string& text) {
  const std::string lower = util::to_lower_ascii(text);
  for (std::string_view w : k_update_words) {
    if (const std::size_t at = lower.find(w); at != std::string::npos && at > 0 &&
                                              parse_date_text(text.substr(0, at)).known()) {
      return std::string(util::trim(text.substr(0, at)));
    }
  }
  return text;
}

/// An element that may give the date, by the strongest rule it meets.
struct DateElement {
  int rank = 0;
  const char* rule = "";
  std::string value; ///< its datetime or content attribute, or its text
};

std::optional<DateElement> date_element(const BodyScan& scan, std::size_t i) {
  const GumboNode* e = scan.elements[i];
  const GumboTag tag = e->v.element.tag;
  if (attribute(e, "itemprop") == "datePublished") {
    return DateElement{0, "itemprop datePublished", date_value(e)};
  }
  if (tag == GUMBO_TAG_TIME && (gumbo_get_attribute(&e->v.element.attributes, "pubdate") != nullptr ||
                                has_word(e, {"published", "entry-date", "post-date", "publish-date", "pubdate", "date-published"}))) {
    return DateElement{1, "time published", date_value(e)};
  }
  if (!near_headline(scan, i)) {
    return std::nullopt;
  }
  if (tag == GUMBO_TAG_TIME) {
    return DateElement{2, "time near headline", date_value(e)};
  }
  const bool marked = date_marked(e);
  if (!marked && tag != GUMBO_TAG_P && tag != GUMBO_TAG_SPAN && tag != GUMBO_TAG_DIV && tag != GUMBO_TAG_LI &&
      tag != GUMBO_TAG_SMALL) {
    return std::nullopt;
  }
  std::string value = before_update(visible_text(e, 300));
  if (value.size() > k_max_date_text || child_elements(e).size() > 6) {
    return std::nullopt;
  }
  return DateElement{marked ? 3 : 4, marked ? "date class" : "date text", std::move(value)};
}

/// Why a date the page shows is not its publication date, or "".
std::string why_not_published(const GumboNode* e, const DateElement& d, const model::Date& date, const model::Date& today) {
  if (date.year < k_first_year || after(date, today)) {
    return "not a date a page of today's web was published";
  }
  const bool marked_update = has_word(e, {"updated", "modified", "datemodified", "update"}) && d.rank != 1 &&
                             !has_word(e, {"published", "pubdate", "date-published"});
  if (d.rank > 0 && (labels_an_update(d.value) || labels_an_update(preceding_text(e)) ||
                     attribute(e, "itemprop") == "dateModified" || marked_update)) {
    return "a date of change, not of publication";
  }
  if (d.value.find("\xC2\xA9") != std::string::npos || util::to_lower_ascii(d.value).find("copyright") != std::string::npos) {
    return "a copyright year";
  }
  return "";
}

} // namespace

bool labels_an_update(std::string_view text) {
  const std::string lower = util::to_lower_ascii(text.substr(0, 40));
  return std::any_of(k_update_words.begin(), k_update_words.end(),
                     [&](std::string_view w) { return lower.find(w) != std::string::npos; });
}

void find_dates(const BodyScan& scan, const model::Date& today, BodyFindings& findings) {
  const GumboNode* headline = headline_element(scan);
  std::vector<Candidate> candidates;
  for (std::size_t i = 0; i < scan.elements.size(); ++i) {
    const std::optional<DateElement> d = date_element(scan, i);
    if (!d || d->value.empty()) {
      continue;
    }
    const GumboNode* e = scan.elements[i];
    Finding finding = {d->value, d->rule, describe_element(e)};
    const model::Date date = parse_date_text(d->value, scan.language);
    if (!date.known() || (d->rank >= 3 && date.day == 0)) {
      continue; // most text is not a date: not worth a line in -v
    }
    if (std::string zone = boilerplate_zone(e, headline); !zone.empty() && date.year >= k_first_year && !after(date, today)) {
      candidates.push_back({d->rank, i, std::move(finding), std::move(zone)});
    } else if (const std::string why = why_not_published(e, *d, date, today); !why.empty()) {
      findings.rejected.push_back({"issued", std::move(finding), why});
    } else {
      candidates.push_back({d->rank, i, std::move(finding), ""});
    }
  }
  rank_candidates(scan, "issued", std::move(candidates), findings.dates, findings.rejected);
  const std::string in_url = url_date(scan.url);
  if (const model::Date d = parse_date_text(in_url); d.known() && d.year >= k_first_year && !after(d, today)) {
    findings.dates.push_back({in_url, "URL date", "the page's address"});
  }
}

} // namespace refs::resolve::web
