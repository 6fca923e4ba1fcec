#include "core/resolve/web/merge_steps.hpp"

#include "core/resolve/web/author_names.hpp"
#include "core/util/string.hpp"

#include <algorithm>
#include <cctype>

namespace refs::resolve::web::merge {

namespace {

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
  // Built by appending: "lit" + std::string&& trips g++ 12's false -Wrestrict at -O3.
  std::string lower = " ";
  lower += util::to_lower_ascii(whole);
  lower += ' ';
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

/// Why the people a byline finding gives are no byline, or "".
std::string not_a_byline(const Finding& f, const std::vector<model::Person>& people) {
  if (people.empty()) {
    return "no person's name in it";
  }
  // Free text signed in lower case is a phrase ("By the digits"); marked
  // author elements may hold a user name ("gizzmo").
  if (f.rule == "byline text" && !signed_with_capital(people.front())) {
    return "no capital letter: a phrase, not a name";
  }
  // An element named for authors may hold a heading ("Abstract", "News");
  // one word there is a name only when marked as one or written as a
  // credit in capitals ("JIJI").
  if ((f.rule == "author class" || f.rule == "author link") && people.size() == 1 && one_lower_word(people.front())) {
    return "one word in an author element: a heading, not a name";
  }
  return "";
}

} // namespace

void merge_authors(PageMetadata& page, const HeadEvidence& head, const BodyFindings& body) {
  model::Citation& c = page.citation;
  const std::string& site = c.container_title;
  for (const Finding& f : body.bylines) {
    std::vector<model::Person> people = clean_authors({f.value}, site, c.language);
    if (const std::string why = not_a_byline(f, people); !why.empty()) {
      reject(page, "author", f, why);
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

} // namespace refs::resolve::web::merge
