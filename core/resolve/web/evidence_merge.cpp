#include "core/resolve/web/evidence_merge.hpp"

#include "core/csl/csl_date.hpp"
#include "core/resolve/web/author_names.hpp"
#include "core/resolve/web/date_text.hpp"
#include "core/util/string.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <string_view>

namespace refs::resolve::web {

namespace {

constexpr std::array<std::string_view, 10> k_title_separators = {" | ", " - ", " — ", " – ", " :: ", " : ",
                                                                 " · ", " » ", " / ", " • "};

/// Text compared for agreement: ASCII letters lower-cased, digits and
/// non-ASCII letters kept, punctuation dropped (straight and curly quotes,
/// dashes, U+2000-U+206F, guillemets, no-break spaces).
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

bool share_words(std::string_view a, std::string_view b) {
  const std::vector<std::string> sa = stems(a);
  const std::vector<std::string> sb = stems(b);
  return std::any_of(sa.begin(), sa.end(), [&](const std::string& s) { return std::find(sb.begin(), sb.end(), s) != sb.end(); });
}

std::string describe(const Finding& f) { return f.rule + " " + f.element; }

void take_from_body(PageMetadata& page, const char* field, const Finding& f, const std::string& how) {
  page.citation.sources[field] = "page";
  page.provenance[field] = "page " + describe(f) + (how.empty() ? "" : " (" + how + ")");
}

void reject(PageMetadata& page, const char* field, const Finding& f, const std::string& why) {
  page.rejected.push_back(std::string(field) + ": \"" + f.value.substr(0, 120) + "\" from " + describe(f) + ": " + why);
}

/// "Headline | Site" with `headline` as one side: the other side, or "".
std::string beside(const std::string& title, const std::string& headline) {
  for (std::string_view sep : k_title_separators) {
    for (std::size_t at = title.find(sep); at != std::string::npos; at = title.find(sep, at + 1)) {
      const std::string left = util::collapse_whitespace(title.substr(0, at));
      const std::string right = util::collapse_whitespace(title.substr(at + sep.size()));
      if (agree(left, headline)) {
        return right;
      }
      if (agree(right, headline)) {
        return left;
      }
    }
  }
  return "";
}

/// The site's name the <title> gives beside the headline, when the page
/// names no site or only a domain.
void merge_site(PageMetadata& page, const std::string& beside_headline, const Finding& headline) {
  std::string& site = page.citation.container_title;
  const bool domain_like = site.find('.') != std::string::npos && site.find(' ') == std::string::npos;
  if (beside_headline.empty() || beside_headline.size() > 80 || (!site.empty() && !domain_like)) {
    return;
  }
  site = beside_headline;
  take_from_body(page, "container-title", headline, "the <title> beside the headline");
}

std::string merge_title(PageMetadata& page, const HeadEvidence& head, const BodyFindings& body) {
  if (body.headlines.empty() || head.scholarly) {
    return "";
  }
  const Finding& h = body.headlines.front();
  std::string& title = page.citation.title;
  for (const auto& [origin, text] : head.titles) {
    if (agree(text, h.value)) {
      if (title != h.value) {
        title = h.value;
        take_from_body(page, "title", h, "agrees with " + origin);
      }
      for (const auto& [unused, other_text] : head.titles) {
        if (std::string other = beside(other_text, h.value); !other.empty()) {
          return other;
        }
      }
      return "";
    }
  }
  // The visible headline with a kicker, a date or the site's name around
  // the head's title ("Local News | Brothel catering…", "Jun 17 Das
  // vielleicht…"): the head's title is the headline itself.
  for (const auto& [origin, text] : head.titles) {
    const std::string inner = folded(text);
    if (inner.size() >= 12 && folded(h.value).find(inner) != std::string::npos) {
      if (!agree(title, text)) {
        title = util::collapse_whitespace(text);
        page.citation.sources["title"] = origin.substr(0, origin.find(' '));
        page.provenance["title"] = origin + " (the visible headline " + describe(h) + " holds it, with more around it)";
      }
      reject(page, "title", h, "holds the head's title with more around it");
      return "";
    }
  }
  for (const auto& [origin, text] : head.titles) {
    if (const std::string other = beside(text, h.value); !other.empty()) {
      title = h.value;
      take_from_body(page, "title", h, origin + " is the headline and \"" + other + "\"");
      return other;
    }
  }
  if (title.empty()) {
    title = h.value;
    take_from_body(page, "title", h, "");
    return "";
  }
  const bool strong = h.rule == "itemprop headline" || h.rule == "h1 in article";
  if (strong && share_words(title, h.value) && std::count(h.value.begin(), h.value.end(), ' ') >= 2) {
    reject(page, "title", {title, page.provenance["title"], ""}, "the visible headline differs");
    title = h.value;
    take_from_body(page, "title", h, "the visible headline, not the head's title");
    return "";
  }
  reject(page, "title", h, "the head's title says otherwise");
  return "";
}

std::string folded_family(const model::Person& p) { return folded(p.literal.empty() ? p.family : p.literal); }

/// An author value no careful reader would cite when the page names a
/// person: initials ("DT"), an organisation's legal form ("… e.V."), the
/// site itself.
bool weak_author(const std::vector<model::Person>& people, const std::string& site, const std::string& host_label) {
  if (people.size() != 1) {
    return false;
  }
  const model::Person& p = people.front();
  const std::string whole = p.literal.empty() ? util::collapse_whitespace(p.given + " " + p.family) : p.literal;
  const std::string lower = " " + util::to_lower_ascii(whole) + " ";
  for (std::string_view org : {" e.v. ", " gmbh ", " ag ", " inc ", " inc. ", " ltd ", " llc ", " verlag "}) {
    if (lower.find(org) != std::string::npos) {
      return true;
    }
  }
  const bool initials = whole.size() <= 3 && std::all_of(whole.begin(), whole.end(), [](char ch) { return std::isupper(static_cast<unsigned char>(ch)) != 0; });
  return initials || folded(whole) == folded(site) || folded(whole) == folded(host_label);
}

/// A head author of one word that the byline gives in full: "Ela" and
/// "Ela Vais".
bool completes(const std::vector<model::Person>& head, const std::vector<model::Person>& body) {
  if (head.size() != 1 || body.empty()) {
    return false;
  }
  const model::Person& h = head.front();
  const std::string word = folded(h.literal.empty() ? h.given + h.family : h.literal);
  return !word.empty() && h.given.empty() != h.family.empty() && folded(body.front().given) == word;
}

void merge_authors(PageMetadata& page, const HeadEvidence& head, const BodyFindings& body) {
  model::Citation& c = page.citation;
  const std::string& site = c.container_title;
  for (const Finding& f : body.bylines) {
    std::vector<model::Person> people = clean_authors({f.value}, site);
    if (people.empty()) {
      reject(page, "author", f, "no person's name in it");
      continue;
    }
    if (c.authors.empty()) {
      c.authors = std::move(people);
      take_from_body(page, "author", f, "");
      return;
    }
    const bool named = std::any_of(people.begin(), people.end(), [&](const model::Person& p) {
      return std::any_of(c.authors.begin(), c.authors.end(), [&](const model::Person& q) { return folded_family(p) == folded_family(q); });
    });
    if (named) {
      if (people.size() > c.authors.size()) {
        c.authors = std::move(people);
        take_from_body(page, "author", f, "names the head's author and more");
      }
      return;
    }
    if (completes(c.authors, people)) {
      c.authors = std::move(people);
      take_from_body(page, "author", f, "the head's author in full");
      return;
    }
    if (weak_author(c.authors, site, head.host_label)) {
      c.authors = std::move(people);
      take_from_body(page, "author", f, "a person, where the head gave a user name, initials or an organisation");
      return;
    }
    reject(page, "author", f, "the head names another author");
    return;
  }
}

long long day_number(const model::Date& d) {
  using namespace std::chrono;
  return sys_days(year{d.year} / month{static_cast<unsigned>(d.month)} / day{static_cast<unsigned>(d.day)}).time_since_epoch().count();
}

void merge_issued(PageMetadata& page, const HeadEvidence& head, const BodyFindings& body, const std::string& language) {
  model::Date& issued = page.citation.issued;
  for (const Finding& f : body.dates) {
    const model::Date d = parse_date_text(f.value, language);
    if (!d.known()) {
      continue;
    }
    if (!issued.known()) {
      issued = d;
      take_from_body(page, "issued", f, "");
      return;
    }
    if (d == issued) {
      return;
    }
    const bool full = d.day != 0 && issued.day != 0;
    const bool shifted = full && has_time_of_day(head.issued_text) && std::abs(day_number(d) - day_number(issued)) == 1 &&
                         f.rule != "URL date";
    const bool finer = d.year == issued.year && d.day != 0 && (issued.month == 0 || (issued.day == 0 && d.month == issued.month));
    const bool placeholder = d.year == issued.year && issued.month == 1 && issued.day == 1 && d.day != 0 &&
                             !has_time_of_day(head.issued_text);
    if (shifted || finer || placeholder) {
      const std::string how = shifted   ? "the page's own day; the head's " + head.issued_text + " is another time zone's"
                              : finer   ? "the day, where the head gives only " + csl::format_date(issued)
                                        : "the day, where the head gives January 1 of its year";
      issued = d;
      take_from_body(page, "issued", f, how);
      return;
    }
    reject(page, "issued", f, "the head's date " + csl::format_date(issued) + " stands");
    return;
  }
}

} // namespace

void merge_body_evidence(PageMetadata& page, const HeadEvidence& head, const BodyFindings& body) {
  const std::string other = merge_title(page, head, body);
  if (!body.headlines.empty()) {
    merge_site(page, other, body.headlines.front());
  }
  merge_authors(page, head, body);
  merge_issued(page, head, body, page.citation.language);
  for (const Rejection& r : body.rejected) {
    reject(page, r.field == "title" ? "title" : r.field == "author" ? "author" : "issued", r.finding, r.why);
  }
}

} // namespace refs::resolve::web
