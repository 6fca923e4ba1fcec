#include "core/import/bibtex_citation.hpp"

#include "core/classify/url.hpp"
#include "core/csl/csl_date.hpp"
#include "core/csl/csl_fields.hpp"
#include "core/import/bibtex_names.hpp"
#include "core/import/doi_field.hpp"
#include "core/import/latex_decode.hpp"
#include "core/resolve/arxiv.hpp"
#include "core/util/string.hpp"

#include <algorithm>
#include <array>
#include <map>

namespace refs::importing {

namespace {

// BibTeX and BibLaTeX entry types and the CSL types they are.
constexpr std::array<std::pair<std::string_view, std::string_view>, 27> k_types = {{
    {"article", "article-journal"},  {"inproceedings", "paper-conference"}, {"conference", "paper-conference"},
    {"incollection", "chapter"},     {"inbook", "chapter"},                 {"book", "book"},
    {"mvbook", "book"},              {"proceedings", "book"},               {"collection", "book"},
    {"techreport", "report"},        {"report", "report"},                  {"phdthesis", "thesis"},
    {"mastersthesis", "thesis"},     {"thesis", "thesis"},                  {"online", "webpage"},
    {"electronic", "webpage"},       {"www", "webpage"},                    {"unpublished", "manuscript"},
    {"manual", "report"},            {"booklet", "book"},                   {"periodical", "periodical"},
    {"dataset", "dataset"},          {"patent", "patent"},                  {"software", "software"},
    {"video", "motion_picture"},     {"movie", "motion_picture"},           {"artwork", "graphic"},
}};

// The fields citation_from_entry reads into a CSL field; any other is kept
// as written in Citation::bib_fields. `type` and `howpublished` only when
// read (a thesis's type, a \url).
constexpr std::array<std::string_view, 34> k_read_fields = {
    "title",   "author",       "editor",      "date",         "year",        "month",        "journal",
    "journaltitle", "booktitle", "organization", "publisher",  "institution", "school",       "volume",
    "series",  "edition",      "address",     "location",     "isbn",        "number",       "issue",
    "pages",   "doi",          "url",         "urldate",      "note",        "abstract",     "language",
    "langid",  "archiveprefix", "eprinttype", "eprint",       "primaryclass", "eprintclass"};

constexpr std::array<std::string_view, 12> k_month_names = {"january", "february", "march",     "april",
                                                            "may",     "june",     "july",      "august",
                                                            "september", "october", "november", "december"};

/// What kind of thesis an entry is: from its type (@mastersthesis,
/// @phdthesis) or BibLaTeX's `type` field (mathesis, phdthesis, or words).
std::string thesis_genre(const std::string& entry_type, const std::string& type_field) {
  const std::string kind = util::to_lower_ascii(type_field);
  if (entry_type == "mastersthesis" || (entry_type == "thesis" && kind == "mathesis")) {
    return "Master's thesis";
  }
  if (entry_type == "phdthesis" || (entry_type == "thesis" && kind == "phdthesis")) {
    return "PhD thesis";
  }
  return entry_type == "thesis" ? type_field : "";
}

class Fields {
public:
  explicit Fields(const BibEntry& e) {
    for (const auto& [name, value] : e.fields) {
      m_raw.emplace(name, value);
    }
  }
  /// The fields no CSL field holds, as written; `crossref` is read already.
  std::map<std::string, std::string> unread(bool type_read, bool howpublished_read) const {
    std::map<std::string, std::string> out;
    for (const auto& [name, value] : m_raw) {
      const bool read = std::find(k_read_fields.begin(), k_read_fields.end(), name) != k_read_fields.end() ||
                        name == "crossref" || (name == "type" && type_read) ||
                        (name == "howpublished" && howpublished_read);
      if (!read && !util::trim(value).empty()) {
        out.emplace(name, std::string(util::trim(value)));
      }
    }
    return out;
  }
  /// The field as written (LaTeX kept), or "".
  std::string raw(const std::string& name) const {
    const auto it = m_raw.find(name);
    return it == m_raw.end() ? "" : std::string(util::trim(it->second));
  }
  /// The field as text.
  std::string text(const std::string& name) const { return decode_latex(raw(name)); }
  /// The first of the fields that is set, as text.
  std::string first(std::initializer_list<const char*> names) const {
    for (const char* name : names) {
      if (std::string value = text(name); !value.empty()) {
        return value;
      }
    }
    return "";
  }

private:
  std::map<std::string, std::string> m_raw;
};

int month_number(const std::string& text) {
  if (util::all_digits(text) && !text.empty() && text.size() <= 2) {
    const int n = std::stoi(text);
    return n >= 1 && n <= 12 ? n : 0;
  }
  const std::string lowered = util::to_lower_ascii(text);
  for (std::size_t i = 0; i < k_month_names.size(); ++i) {
    if (lowered.size() >= 3 && k_month_names[i].starts_with(lowered)) {
      return static_cast<int>(i) + 1;
    }
  }
  return 0;
}

std::string csl_type(const BibEntry& e, const Fields& f, bool preprint) {
  if (preprint) {
    return "article";
  }
  for (const auto& [bib, csl] : k_types) {
    if (bib == e.type) {
      return std::string(csl);
    }
  }
  return f.raw("url").empty() && f.raw("howpublished").find("\\url") == std::string::npos ? "document" : "webpage";
}

/// The URL of `\url{...}` in a howpublished field.
std::string url_in(const std::string& raw) {
  const std::size_t at = raw.find("\\url{");
  if (at == std::string::npos) {
    return "";
  }
  const std::size_t end = raw.find('}', at);
  return end == std::string::npos ? "" : raw.substr(at + 5, end - at - 5);
}

/// Drops the "Accessed: YYYY-MM-DD" our own export adds to notes.
std::string note_without_access(std::string note) {
  const std::size_t at = note.find("Accessed: ");
  if (at != std::string::npos && note.size() - at <= 20) {
    note.erase(at);
    while (!note.empty() && (note.back() == ' ' || note.back() == '.')) {
      note.pop_back();
    }
  }
  return note;
}

void set(model::Citation& c, std::string model::Citation::*member, const char* field, std::string value) {
  if (!value.empty()) {
    c.*member = std::move(value);
    c.sources[field] = "import";
  }
}


/// The arXiv id of an `eprint` field, when the eprint is arXiv's.
std::optional<std::string> arxiv_eprint(const Fields& f) {
  const std::string prefix = util::to_lower_ascii(f.first({"archiveprefix", "eprinttype"}));
  return (prefix == "arxiv" || prefix.empty()) && !f.raw("eprint").empty() ? resolve::normalise_arxiv_id(f.raw("eprint"))
                                                                            : std::nullopt;
}

/// Whether an entry's kind is unpublished work, which an eprint makes a
/// preprint: NASA ADS and INSPIRE give a published article its eprint too.
bool unpublished(const BibEntry& e, const Fields& f) {
  static constexpr std::array<std::string_view, 5> k_unpublished = {"misc", "online", "electronic", "www", "unpublished"};
  return std::find(k_unpublished.begin(), k_unpublished.end(), e.type) != k_unpublished.end() ||
         (e.type == "article" && f.first({"journal", "journaltitle"}).empty());
}

void read_names(const Fields& f, EntryCitation& out) {
  model::Citation& c = out.citation;
  for (auto [field, name, people] : {std::tuple{"author", "author", &model::Citation::authors},
                                     std::tuple{"editor", "editor", &model::Citation::editors}}) {
    NameList read = read_bibtex_names(f.raw(field));
    for (const std::string& dropped : read.dropped) {
      out.warnings.push_back(std::string(field) + ": no family name in '" + dropped + "'; name left out");
    }
    // "and others" alone names nobody.
    if (std::any_of(read.people.begin(), read.people.end(), [](const model::Person& p) { return !model::is_et_al(p); })) {
      c.*people = std::move(read.people);
      c.sources[name] = "import";
    }
  }
}

/// `date`, else `year` and `month`.
void read_issued(const Fields& f, model::Citation& c) {
  if (const std::string date = f.text("date"); !date.empty() && csl::parse_date(date, c.issued)) {
    c.sources["issued"] = "import";
  } else if (const std::string year = f.text("year"); util::all_digits(year) && !year.empty() && year.size() <= 4) {
    c.issued = {std::stoi(year), month_number(f.text("month")), 0};
    c.sources["issued"] = "import";
  }
}

/// Where the work appeared: container, publisher, volume, series, edition,
/// place, ISBN, issue or number, pages.
void read_venue(const Fields& f, model::Citation& c) {
  const bool web = c.type == "webpage" || c.type == "document";
  const std::string journal = f.first({"journal", "journaltitle", "booktitle"});
  set(c, &model::Citation::container_title, "container-title", journal.empty() && web ? f.text("organization") : journal);
  set(c, &model::Citation::publisher, "publisher",
      web ? f.first({"publisher", "institution", "school"}) : f.first({"publisher", "institution", "school", "organization"}));
  set(c, &model::Citation::volume, "volume", f.text("volume"));
  set(c, &model::Citation::collection_title, "collection-title", f.text("series"));
  set(c, &model::Citation::edition, "edition", f.text("edition"));
  set(c, &model::Citation::publisher_place, "publisher-place", f.first({"address", "location"}));
  set(c, &model::Citation::isbn, "ISBN", f.text("isbn"));
  const bool numbered_issue = c.type == "article-journal";
  set(c, &model::Citation::issue, "issue", numbered_issue ? f.first({"number", "issue"}) : f.text("issue"));
  set(c, &model::Citation::number, "number", numbered_issue ? "" : f.text("number"));
  std::string pages = util::collapse_whitespace(f.raw("pages"));
  for (std::size_t at; (at = pages.find("--")) != std::string::npos;) {
    pages.replace(at, 2, 1, '-');
  }
  set(c, &model::Citation::page, "page", decode_latex(pages));
}

/// The arXiv id, DOIs (but arXiv's own DataCite DOI) and web URL.
void add_identifiers(model::Citation& c, const std::optional<std::string>& arxiv, const std::vector<std::string>& dois) {
  if (arxiv) {
    c.ids.push_back({model::IdKind::arxiv, *arxiv});
  }
  for (const std::string& written : dois) {
    const std::string doi = util::to_lower_ascii(written);
    if (!(arxiv && doi.starts_with("10.48550/arxiv.") && doi.substr(15) == util::to_lower_ascii(*arxiv))) {
      c.ids.push_back({model::IdKind::doi, doi});
    }
  }
  if (!c.url.empty()) {
    if (const auto parsed = classify::parse_url(c.url); parsed && parsed->is_web()) {
      c.ids.push_back({model::IdKind::url, parsed->normalised});
    }
  }
}

} // namespace

EntryCitation citation_from_entry(const BibEntry& entry, const std::string& now) {
  const Fields f(entry);
  EntryCitation out;
  model::Citation& c = out.citation;
  c.key = entry.key;
  c.key_fixed = true;
  c.created = now;
  c.updated = now;
  const auto arxiv = arxiv_eprint(f);
  c.type = csl_type(entry, f, arxiv.has_value() && unpublished(entry, f));
  c.sources["type"] = "import";
  set(c, &model::Citation::genre, "genre", thesis_genre(util::to_lower_ascii(entry.type), f.text("type")));
  bool title_lost = false; // math or macros the text cannot say
  set(c, &model::Citation::title, "title", decode_latex(f.raw("title"), &title_lost));
  read_names(f, out);
  read_issued(f, c);
  read_venue(f, c);
  const std::vector<std::string> dois = dois_in_field(f.raw("doi"));
  set(c, &model::Citation::doi, "DOI", dois.empty() ? f.raw("doi") : dois.front());
  const std::string howpublished_url = url_in(f.raw("howpublished"));
  set(c, &model::Citation::url, "URL", f.raw("url").empty() ? howpublished_url : unescaped_verbatim(f.raw("url")));
  if (const std::string accessed = f.text("urldate"); !accessed.empty() && csl::parse_date(accessed, c.accessed)) {
    c.sources["accessed"] = "import";
  }
  set(c, &model::Citation::note, "note", note_without_access(f.text("note")));
  set(c, &model::Citation::abstract, "abstract", f.text("abstract"));
  set(c, &model::Citation::language, "language", f.first({"language", "langid"}));
  if (arxiv && c.type == "article") {
    set(c, &model::Citation::number, "number", "arXiv:" + *arxiv);
  }
  if (arxiv) {
    set(c, &model::Citation::primary_class, "primary-class", f.first({"primaryclass", "eprintclass"}));
  }
  c.bib_fields = f.unread(!c.genre.empty(), !howpublished_url.empty());
  if (title_lost) { // math and macros print as the source printed them, in BibTeX
    c.bib_fields["title"] = f.raw("title");
  }
  add_identifiers(c, arxiv, dois);
  return out;
}

} // namespace refs::importing
