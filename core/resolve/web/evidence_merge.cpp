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

/// What a <title> holds beside the headline: "Headline | Site".
struct Beside {
  std::string text;   ///< the other side, or ""
  bool right = false; ///< it follows the headline, where sites put their name
};

Beside beside(const std::string& title, const std::string& headline) {
  for (std::string_view sep : k_title_separators) {
    for (std::size_t at = title.find(sep); at != std::string::npos; at = title.find(sep, at + 1)) {
      const std::string left = util::collapse_whitespace(title.substr(0, at));
      const std::string right = util::collapse_whitespace(title.substr(at + sep.size()));
      if (agree(left, headline)) {
        return {right, true};
      }
      if (agree(right, headline)) {
        return {left, false};
      }
    }
  }
  return {};
}

/// "90min.de", "www.emotion.de", "INTERSCENAR.IO": a host name, its last
/// label lower-case letters or all of it in capitals ("St.GEORG" is a name).
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

/// A site's name and its host's name are one ("smitten kitchen" and
/// smittenkitchen.com, "BioBioChile" and biobiochile.cl).
bool names_host(std::string_view name, const std::string& host_label) {
  const std::string f = folded(name);
  const std::string h = folded(host_label);
  return !f.empty() && h.size() >= 3 && (f == h || f.find(h) != std::string::npos || h.find(f) != std::string::npos);
}

bool initials_of(std::string_view shorter, std::string_view longer) {
  std::string initials;
  for (std::string_view w : util::split(longer, ' ')) {
    if (!w.empty()) {
      initials += static_cast<char>(std::tolower(static_cast<unsigned char>(w[0])));
    }
  }
  return initials.size() >= 2 && initials == util::to_lower_ascii(shorter);
}

/// "Bund der Energieverbraucher e.V." -> "Bund der Energieverbraucher".
std::string without_legal_form(const std::string& name) {
  for (std::string_view form : {" e.V.", " e. V.", " GmbH", " gGmbH", " AG", " Inc.", " Ltd.", " LLC"}) {
    if (name.size() > form.size() && name.ends_with(form)) {
      return name.substr(0, name.size() - form.size());
    }
  }
  return name;
}

/// A site's name without what sites add to it: "X (formerly Twitter)" ->
/// "X", "BioBioChile - La Red de Prensa Más Grande de Chile" -> the part
/// that names the host, "LN - Lübecker Nachrichten" -> the part the other
/// abbreviates.
std::string site_proper(std::string site, const std::string& host_label) {
  if (const std::size_t open = site.rfind(" ("); open != std::string::npos && site.ends_with(")") && open > 0) {
    site.resize(open);
  }
  for (std::string_view sep : {" - ", " | ", " – ", " — ", ": "}) {
    const std::size_t at = site.find(sep);
    if (at == std::string::npos) {
      continue;
    }
    const std::string left = site.substr(0, at);
    const std::string right = site.substr(at + sep.size());
    if (initials_of(left, right)) {
      return right;
    }
    if (initials_of(right, left)) {
      return left;
    }
    // A tagline is a phrase: "LimeSpace – IT" is a name.
    const bool phrase = std::count(site.begin(), site.end(), ' ') >= 4;
    if (phrase && names_host(left, host_label) != names_host(right, host_label)) {
      return names_host(left, host_label) ? left : right;
    }
  }
  return site;
}

/// The site's name where the head gives none or only a domain: the
/// <title> beside the headline (after it, or naming the host), then the
/// name the page's header shows, then the domain without "www." and its
/// top-level domain when it is the page's own host written in lower case.
void merge_site(PageMetadata& page, const HeadEvidence& head, const Beside& titled, const BodyFindings& body) {
  std::string& site = page.citation.container_title;
  // An association that signs its own pages is the site ("Hanns-Seidel-
  // Stiftung e.V." as the only author, and no site named).
  if (site.empty() && page.citation.authors.size() == 1 && !page.citation.authors[0].literal.empty()) {
    site = without_legal_form(page.citation.authors[0].literal);
    page.provenance["container-title"] = page.provenance["author"] + " (the organisation signing the page)";
    page.citation.sources["container-title"] = page.citation.sources["author"];
  }
  if (!site.empty()) {
    if (std::string proper = site_proper(site, head.host_label); proper != site) {
      page.provenance["container-title"] += " (the name in \"" + site + "\")";
      site = proper;
    }
  }
  // A headline in og:site_name is no site's name.
  if (std::count(site.begin(), site.end(), ' ') >= 7) {
    page.rejected.push_back("container-title: \"" + site + "\" from " + page.provenance["container-title"] +
                            ": a sentence, not a name");
    site.clear();
    page.provenance.erase("container-title");
    page.citation.sources.erase("container-title");
  }
  const bool domain_like = is_domain(site);
  if (!site.empty() && !domain_like) {
    return;
  }
  const bool several_words = titled.text.find(' ') != std::string::npos;
  if (!titled.text.empty() && titled.text.size() <= 80 &&
      (titled.right || several_words || names_host(titled.text, head.host_label)) && !body.headlines.empty()) {
    site = site_proper(titled.text, head.host_label);
    // "… | www.emotion.de": a host name is not how the site names itself.
    if (util::starts_with_ci(site, "www.") && is_domain(site)) {
      site = site.substr(4, site.rfind('.') - 4);
    }
    take_from_body(page, "container-title", body.headlines.front(), "the <title> beside the headline");
    return;
  }
  // The header's name, or an <h1> that named the host (the site's title
  // in a blog theme): a single word that does not name the host is a link
  // ("Startseite", "PDF-Ausgabe"), not a name.
  std::vector<Finding> shown = body.site_names;
  for (const Finding& f : body.headlines) {
    if (names_host(f.value, head.host_label) && folded(f.value).size() <= folded(head.host_label).size() + 4) {
      shown.insert(shown.begin(), f);
    }
  }
  for (const Finding& f : shown) {
    if (names_host(f.value, head.host_label) || (site.empty() && f.value.find(' ') != std::string::npos)) {
      site = site_proper(f.value, head.host_label);
      take_from_body(page, "container-title", f, "");
      return;
    }
  }
  // Only a bare host name: "Phys.org" and "WinFuture.de", written with
  // capitals, are how those sites style their names.
  const bool bare_host = util::starts_with_ci(site, "www.") || util::to_lower_ascii(site) == site;
  if (domain_like && bare_host && names_host(site, head.host_label)) {
    std::string name = util::starts_with_ci(site, "www.") ? site.substr(4) : site;
    name.resize(name.rfind('.'));
    page.provenance["container-title"] += " (the host without its top-level domain)";
    site = name;
  }
}

Beside merge_title(PageMetadata& page, const HeadEvidence& head, const BodyFindings& body) {
  if (body.headlines.empty() || head.scholarly) {
    return {};
  }
  // A headline that is the site's name (smitten kitchen's <h1>) is the
  // header's, not the article's.
  const auto article_headline = std::find_if(body.headlines.begin(), body.headlines.end(), [&](const Finding& f) {
    return !names_host(f.value, head.host_label) || folded(f.value).size() > folded(head.host_label).size() + 4;
  });
  for (auto it = body.headlines.begin(); it != article_headline; ++it) {
    reject(page, "title", *it, "the site's name");
  }
  if (article_headline == body.headlines.end()) {
    return {};
  }
  const Finding& h = *article_headline;
  std::string& title = page.citation.title;
  for (const auto& [origin, text] : head.titles) {
    if (agree(text, h.value)) {
      if (title != h.value) {
        title = h.value;
        take_from_body(page, "title", h, "agrees with " + origin);
      }
      for (const auto& [unused, other_text] : head.titles) {
        if (Beside other = beside(other_text, h.value); !other.text.empty()) {
          return other;
        }
      }
      return {};
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
      return {};
    }
  }
  for (const auto& [origin, text] : head.titles) {
    if (Beside other = beside(text, h.value); !other.text.empty()) {
      title = h.value;
      take_from_body(page, "title", h, origin + " is the headline and \"" + other.text + "\"");
      return other;
    }
  }
  if (title.empty()) {
    title = h.value;
    take_from_body(page, "title", h, "");
    return {};
  }
  const bool strong = h.rule == "itemprop headline" || h.rule == "h1 in article";
  if (strong && share_words(title, h.value) && std::count(h.value.begin(), h.value.end(), ' ') >= 2) {
    reject(page, "title", {title, page.provenance["title"], ""}, "the visible headline differs");
    title = h.value;
    take_from_body(page, "title", h, "the visible headline, not the head's title");
    return {};
  }
  reject(page, "title", h, "the head's title says otherwise");
  return {};
}

std::string folded_family(const model::Person& p) { return folded(p.literal.empty() ? p.family : p.literal); }

bool one_lower_word(const model::Person& p) {
  const std::string whole = p.literal.empty() ? p.given + " " + p.family : p.literal;
  const std::string trimmed(util::trim(whole));
  return trimmed.find(' ') == std::string::npos &&
         std::any_of(trimmed.begin(), trimmed.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

bool signed_with_capital(const model::Person& p) {
  const std::string whole = p.literal.empty() ? p.given + " " + p.family : p.literal;
  return std::any_of(whole.begin(), whole.end(), [](char c) { return (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80; });
}

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
    std::vector<model::Person> people = clean_authors({f.value}, site, c.language);
    if (people.empty()) {
      reject(page, "author", f, "no person's name in it");
      continue;
    }
    // Free text signed in lower case is a phrase ("By the digits"); marked
    // author elements may hold a user name ("gizzmo").
    if (f.rule == "byline text" && !signed_with_capital(people.front())) {
      reject(page, "author", f, "no capital letter: a phrase, not a name");
      continue;
    }
    // An element named for authors may hold a heading ("Abstract", "News");
    // one word there is a name only when marked as one or written as a
    // credit in capitals ("JIJI").
    if ((f.rule == "author class" || f.rule == "author link") && people.size() == 1 && one_lower_word(people.front())) {
      reject(page, "author", f, "one word in an author element: a heading, not a name");
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
  std::vector<std::pair<const Finding*, model::Date>> shown;
  for (const Finding& f : body.dates) {
    if (const model::Date d = parse_date_text(f.value, language); d.known()) {
      shown.emplace_back(&f, d);
    }
  }
  if (shown.empty()) {
    return;
  }
  if (!issued.known()) {
    issued = shown.front().second;
    take_from_body(page, "issued", *shown.front().first, "");
    return;
  }
  // The page showing the head's day anywhere is agreement.
  if (std::any_of(shown.begin(), shown.end(), [&](const auto& s) { return s.second == issued; })) {
    return;
  }
  for (const auto& [f, d] : shown) {
    const bool full = d.day != 0 && issued.day != 0;
    const bool shifted = full && has_time_of_day(head.issued_text) && std::abs(day_number(d) - day_number(issued)) == 1 &&
                         f->rule != "URL date";
    const bool finer = d.year == issued.year && d.day != 0 && (issued.month == 0 || (issued.day == 0 && d.month == issued.month));
    const bool placeholder = d.year == issued.year && issued.month == 1 && issued.day == 1 && d.day != 0 &&
                             !has_time_of_day(head.issued_text);
    if (shifted || finer || placeholder) {
      const std::string how = shifted   ? "the page's own day; the head's " + head.issued_text + " is another time zone's"
                              : finer   ? "the day, where the head gives only " + csl::format_date(issued)
                                        : "the day, where the head gives January 1 of its year";
      issued = d;
      take_from_body(page, "issued", *f, how);
      return;
    }
  }
  reject(page, "issued", *shown.front().first, "the head's date " + csl::format_date(issued) + " stands");
}

} // namespace

void merge_body_evidence(PageMetadata& page, const HeadEvidence& head, const BodyFindings& body) {
  merge_site(page, head, merge_title(page, head, body), body);
  merge_authors(page, head, body);
  merge_issued(page, head, body, page.citation.language);
  for (const Rejection& r : body.rejected) {
    reject(page, r.field.c_str(), r.finding, r.why);
  }
}

} // namespace refs::resolve::web
