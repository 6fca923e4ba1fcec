#include "core/resolve/web/author_names.hpp"

#include "core/csl/person_name.hpp"
#include "core/resolve/web/date_text.hpp"
#include "core/resolve/web/month_names.hpp"
#include "core/util/string.hpp"

#include <algorithm>
#include <cctype>
#include <array>

namespace refs::resolve::web {

namespace {

// Values that stand where a name should: CMS defaults, desks and
// newsrooms, in the languages we read.
constexpr std::array<std::string_view, 50> k_placeholders = {
    "by", "von", "par", "por", "di", "door",
    "about the author", "about the authors", "authors", "about", "über den autor", "über die autorin",
    "à propos de l'auteur", "sobre el autor",
    "admin",     "administrator", "anonymous",  "unknown",   "guest",      "editor",     "editors",    "staff",
    "webmaster", "author",        "user",       "null",      "undefined",  "none",       "no author",  "unknown author",
    "redaktion", "online-redaktion", "rédaction", "redacción", "redazione", "redactie",  "redação",    "editorial",
    "team",      "correspondent", "newsroom",   "news desk", "web desk",   "편집국",       "편집부",       "編集部",
    "编辑部",      "red.",          "redaktion online", "the editors"};

constexpr std::array<std::string_view, 23> k_control_words = {
    "rights",   "article", "links",  "share",     "download", "print",     "comments",  "subscribe",
    "login",    "newsletter", "profile", "posts", "orcid",    "menu",      "search",    "permalink",
    "reply",    "published", "posted", "updated", "connect",  "highlights", "contact"};

// Last words of a desk, not a person: "ET Bureau", "Ars Staff", "WIRED Staff".
constexpr std::array<std::string_view, 7> k_desk_words = {"staff", "bureau", "desk", "newsroom", "team", "redaktion",
                                                          "correspondent"};

// Words that give a role before the name: "Von FOCUS-Online-Experte Robin
// Tschöpe", "Reporter Jane Doe".
constexpr std::array<std::string_view, 16> k_role_words = {
    "experte", "expertin", "redakteur", "redakteurin", "reporter", "reporterin", "korrespondent", "korrespondentin",
    "correspondent", "journalist", "journalistin", "gastautor", "gastautorin", "contributor", "autor", "autorin"};

// Words of a job title after a name: "Brian Stevens, Vice President,
// Google Cloud"; what follows the title is an affiliation.
constexpr std::array<std::string_view, 24> k_title_words = {
    "president", "director", "editor", "reporter", "correspondent", "writer", "manager", "engineer", "ceo", "cto",
    "founder", "co-founder", "professor", "head", "lead", "analyst", "contributor", "vp", "senior", "chief",
    "officer", "fellow", "columnist", "producer"};

bool is_job_title(std::string_view part) {
  const std::string lower = util::to_lower_ascii(part);
  for (std::string_view word : util::split(lower, ' ')) {
    if (std::find(k_title_words.begin(), k_title_words.end(), word) != k_title_words.end()) {
      return true;
    }
  }
  return false;
}

// What comes before a name in a byline, longest first where one starts
// another: English, German, French, Spanish, Italian, Portuguese, Dutch,
// Korean, Japanese, Chinese.
constexpr std::array<std::string_view, 50> k_byline_prefixes = {
    "posted on ", "published on ", "publiziert am ", "veröffentlicht am ", "publié le ", "publicado el ",
    "text von ", "texte : ", "texto de ",
    "about the author ",
    "view all posts by ", "all posts by ", "more posts by ", "posts by ", "more from ", "more by ", "articles by ",
    "stories by ",        "alle artikel von ", "alles von ", "mehr von ",  "artikel von ", "written by ", "posted by ",
    "words by ",          "published by ",  "reported by ", "by ",        "geschrieben von ", "von ",    "author: ",
    "autor: ",            "autorin: ",      "auteur : ",   "auteur: ",   "par ",        "por ",        "a cura di ",
    "door ",              "text: ",         "texto: ",     "글·사진 ",    "글/사진 ",     "글 ",          "작성자 ",
    "作者：",              "作者:",           "文/",          "文／",         "記者："};

// Words after the name that start something else: a date, a place, an
// update note ("Posted by X on May 3", "von X am 24.01.2022", "par X le 3
// mai", "By X in Technology", "By X | Updated").
constexpr std::array<std::string_view, 25> k_name_ends = {
    " illustration", " fotos", " foto", " photos",
    ":", " | ",  " · ", " • ", " — ", " – ", " - ", " on ", " am ", " le ", " el ", " il ", " op ", " em ",
    " in ", " updated", " aktualisiert", " published", " veröffentlicht", " follow", " posted"};

std::string normalised(std::string_view s) {
  std::string out;
  for (char c : util::to_lower_ascii(s)) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0 || static_cast<unsigned char>(c) >= 0x80) {
      out += c;
    }
  }
  return out;
}

std::size_t word_count(std::string_view s) {
  std::size_t n = 0;
  for (std::string_view w : util::split(s, ' ')) {
    n += w.empty() ? 0 : 1;
  }
  return n;
}

bool is_placeholder(const std::string& lower) {
  if (std::find(k_placeholders.begin(), k_placeholders.end(), lower) != k_placeholders.end()) {
    return true;
  }
  const std::size_t space = lower.rfind(' ');
  const std::string_view last = space == std::string::npos ? std::string_view() : std::string_view(lower).substr(space + 1);
  return std::find(k_desk_words.begin(), k_desk_words.end(), last) != k_desk_words.end() || lower.starts_with("redaktion ");
}

bool is_name(const std::string& value, const std::string& site) {
  const std::string lower = util::to_lower_ascii(value);
  if (value.size() < 2 || value.size() > 100 || lower.starts_with("http") || lower.starts_with("www.") ||
      value.starts_with('@') || value.find('@') != std::string::npos || value.find('/') != std::string::npos ||
      value.find('_') != std::string::npos || word_count(value) > 6) {
    return false;
  }
  if (parse_date_text(value).known() || is_placeholder(lower)) {
    return false;
  }
  // A name has letters ("15" is a badge's count).
  if (std::none_of(value.begin(), value.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0 || static_cast<unsigned char>(c) >= 0x80; })) {
    return false;
  }
  // Words of a page's controls, not of a name: "Research article Get
  // rights", "View ORCID Profile".
  for (std::string_view word : util::split(lower, ' ')) {
    if (std::find(k_control_words.begin(), k_control_words.end(), word) != k_control_words.end()) {
      return false;
    }
  }
  // The site's name, also with its domain ("Stuff.co.nz" on Stuff).
  const std::string name = normalised(value);
  const std::string site_name = normalised(site);
  return site.empty() || (name != site_name && !(value.find('.') != std::string::npos && value.find(' ') == std::string::npos &&
                                                  name.starts_with(site_name)));
}

std::string without_role(std::string value) {
  const std::vector<std::string_view> words = util::split(value, ' ');
  std::size_t cut = 0;
  for (std::size_t i = 0; i < words.size() && i < 4; ++i) {
    const std::string lower = util::to_lower_ascii(words[i]);
    for (std::string_view role : k_role_words) {
      if (lower == role || (lower.size() > role.size() && lower.ends_with(role) && lower[lower.size() - role.size() - 1] == '-')) {
        cut = i + 1;
      }
    }
  }
  if (cut == 0 || words.size() - cut < 2) {
    return value;
  }
  std::string out;
  for (std::size_t i = cut; i < words.size(); ++i) {
    if (!out.empty()) {
      out += ' ';
    }
    out += words[i];
  }
  return out;
}

/// The name without the words before it: quotes, "Posted by", "Von".
std::string without_lead(std::string value) {
  for (const auto& [open, close] : {std::pair<std::string_view, std::string_view>{"\u2018", "\u2019"}, {"\u201c", "\u201d"},
                                    {"\"", "\""}, {"'", "'"}, {"\u00ab", "\u00bb"}}) {
    if (value.size() > open.size() + close.size() && value.starts_with(open) && value.ends_with(close)) {
      value = value.substr(open.size(), value.size() - open.size() - close.size());
    }
  }
  for (bool again = true; again;) {
    again = false;
    for (std::string_view prefix : k_byline_prefixes) {
      if (util::starts_with_ci(value, prefix) && value.size() > prefix.size()) {
        value = std::string(util::trim(value.substr(prefix.size())));
        again = true;
        break;
      }
    }
  }
  return without_role(value);
}

/// The names without what follows them: a place, an update note, a date
/// (names have no digits), the connector before it ("By Ela on"), a date's
/// words ("Alex Bozarjian Thursday, November").
std::string without_tail(std::string value) {
  const std::string lower = util::to_lower_ascii(value);
  std::size_t end = value.size();
  for (std::string_view cut : k_name_ends) {
    if (const std::size_t at = lower.find(cut); at != std::string::npos && at > 0) {
      end = std::min(end, at);
    }
  }
  if (const std::size_t digit = value.find_first_of("0123456789"); digit != std::string::npos && digit > 0) {
    end = std::min(end, digit);
  }
  value = value.substr(0, end);
  for (std::string_view tail : {" on", " am", " le", " el", " il", " op", " em", " at"}) {
    if (value.size() > tail.size() && util::ends_with_ci(value, tail)) {
      value.resize(value.size() - tail.size());
    }
  }
  for (bool again = true; again;) {
    const std::size_t space = value.find_last_of(" ,");
    const std::string_view last = util::trim(std::string_view(value).substr(space == std::string::npos ? 0 : space + 1));
    again = space != std::string::npos && (month_from_name(last) != 0 || is_weekday_name(last));
    if (again) {
      value = std::string(util::trim(value.substr(0, space)));
      while (!value.empty() && value.back() == ',') {
        value.pop_back();
      }
    }
  }
  return value;
}

std::string strip_byline(std::string value) {
  value = util::collapse_whitespace(value);
  // A lead with nothing after it ("Publiziert am", "Posted by").
  const std::string spaced = util::to_lower_ascii(value) + " ";
  if (std::find(k_byline_prefixes.begin(), k_byline_prefixes.end(), spaced) != k_byline_prefixes.end()) {
    return "";
  }
  value = without_tail(without_lead(value));
  // Korean and Japanese bylines end in "reporter": 김철수 기자, 山田太郎記者.
  for (std::string_view suffix : {" 기자", "기자", " 특파원", " 記者", "記者", " 记者"}) {
    if (value.size() > suffix.size() && std::string_view(value).ends_with(suffix)) {
      value = value.substr(0, value.size() - suffix.size());
    }
  }
  while (!value.empty() && std::string_view(",;:|-()[]").find(value.back()) != std::string_view::npos) {
    value.pop_back();
  }
  return std::string(util::trim(value));
}

/// "A, B and C" / "A; B" / "A & B" -> names; "Family, Given" alone stays one.
std::vector<std::string> split_list(const std::string& value) {
  // Every separator becomes a comma (built anew: std::string::replace in a
  // loop trips g++ 12's false -Wrestrict warning).
  std::string v;
  for (std::size_t i = 0; i < value.size();) {
    bool matched = false;
    for (std::string_view sep : {" and ", " & ", ";", " und ", " et ", " y ", " e ", " en ", " 및 ", "、", "，"}) {
      if (std::string_view(value).substr(i, sep.size()) == sep) {
        v += ',';
        i += sep.size();
        matched = true;
        break;
      }
    }
    if (!matched) {
      v += value[i++];
    }
  }
  std::vector<std::string> parts;
  for (std::string_view p : util::split(v, ',')) {
    const std::string_view t = util::trim(p);
    if (!parts.empty() && is_job_title(t)) {
      break; // a title, then the employer: no more names
    }
    if (!t.empty()) {
      parts.emplace_back(t);
    }
  }
  // Two parts of which one is a single word: "Peng, Bowen" is one person;
  // "Michael Rädel, Redaktion" is a person and a desk.
  if (parts.size() == 2 && value.find(';') == std::string::npos && value.find(" and ") == std::string::npos &&
      (parts[0].find(' ') == std::string::npos || parts[1].find(' ') == std::string::npos) &&
      !is_placeholder(util::to_lower_ascii(parts[0])) && !is_placeholder(util::to_lower_ascii(parts[1]))) {
    return {value};
  }
  return parts;
}

/// A name split as its language writes it: Spanish names end in two
/// family names ("Ariel Melgar Cabrera").
model::Person person_as_written(const std::string& name, std::string_view language) {
  // An association or company by its legal form is one name, not a person's.
  std::string lower = " "; // appended: "lit" + std::string&& trips g++ 12's false -Wrestrict at -O3
  lower += util::to_lower_ascii(name);
  lower += ' ';
  for (std::string_view form : {" e.v. ", " gmbh ", " ag ", " inc. ", " inc ", " ltd ", " ltd. ", " llc ", " s.a. ", " ggmbh "}) {
    if (lower.find(form) != std::string::npos) {
      model::Person org;
      org.literal = name;
      return org;
    }
  }
  std::vector<std::string_view> words;
  for (std::string_view w : util::split(name, ' ')) {
    if (!w.empty()) {
      words.push_back(w);
    }
  }
  // "Nicolas Gutierrez C.": an abbreviated second family name is not a
  // family name of its own (csl::person_from_name keeps it with the given).
  const bool initial_last = words.back().size() == 2 && words.back()[1] == '.';
  const bool spanish = util::starts_with_ci(language, "es") && words.size() >= 3 && words.size() <= 4 && !initial_last;
  if (!spanish) {
    return csl::person_from_name(name);
  }
  model::Person p;
  const std::size_t family_from = words.size() - 2;
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string& part = i < family_from ? p.given : p.family;
    if (!part.empty()) {
      part += ' ';
    }
    part += words[i];
  }
  return p;
}

} // namespace

std::vector<model::Person> clean_authors(const std::vector<std::string>& values, const std::string& site_name,
                                         std::string_view language) {
  std::vector<model::Person> people;
  std::vector<std::string> seen;
  for (const std::string& raw : values) {
    for (const std::string& part : split_list(strip_byline(raw))) {
      const std::string name = strip_byline(part);
      if (!is_name(name, site_name) || std::find(seen.begin(), seen.end(), normalised(name)) != seen.end()) {
        continue;
      }
      seen.push_back(normalised(name));
      people.push_back(person_as_written(name, language));
    }
  }
  return people;
}

std::string clean_title(const std::string& title_in, const std::string& site_name) {
  const std::string title = util::collapse_whitespace(title_in);
  const std::string site = normalised(site_name);
  for (std::string_view sep : {" | ", " - ", " — ", " – ", " :: ", " · ", " » "}) {
    const std::size_t at = title.rfind(sep);
    if (at == std::string::npos || at == 0) {
      continue;
    }
    const std::string tail = normalised(title.substr(at + sep.size()));
    if (!site.empty() && !tail.empty() && (tail == site || site.starts_with(tail) || tail.starts_with(site))) {
      return title.substr(0, at);
    }
  }
  return title;
}

} // namespace refs::resolve::web
