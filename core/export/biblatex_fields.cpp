#include "core/export/biblatex_fields.hpp"

#include <algorithm>
#include <array>

namespace refs::exporting {

namespace {

constexpr std::array<std::string_view, 145> k_fields = {
    "abstract",       "addendum",       "address",        "afterword",      "annotation",     "annotator",
    "annote",         "archiveprefix",  "author",         "authortype",     "bookauthor",     "bookpagination",
    "booksubtitle",   "booktitle",      "booktitleaddon", "chapter",        "commentator",    "crossref",
    "date",           "doi",            "edition",        "editor",         "editora",        "editoratype",
    "editorb",        "editorbtype",    "editorc",        "editorctype",    "editortype",     "eid",
    "entryset",       "entrysubtype",   "eprint",         "eprintclass",    "eprinttype",     "eventdate",
    "eventtitle",     "eventtitleaddon", "execute",       "file",           "foreword",       "gender",
    "holder",         "howpublished",   "ids",            "indexsorttitle", "indextitle",     "institution",
    "introduction",   "isan",           "isbn",           "ismn",           "isrn",           "issn",
    "issue",          "issuesubtitle",  "issuetitle",     "issuetitleaddon", "iswc",          "journal",
    "journalsubtitle", "journaltitle",  "journaltitleaddon", "key",         "keywords",       "label",
    "langid",         "langidopts",     "language",       "library",        "location",       "mainsubtitle",
    "maintitle",      "maintitleaddon", "month",          "nameaddon",      "note",           "number",
    "options",        "organization",   "origdate",       "origlanguage",   "origlocation",   "origpublisher",
    "origtitle",      "pages",          "pagetotal",      "pagination",     "part",           "pdf",
    "presort",        "primaryclass",   "publisher",      "pubstate",       "related",        "relatedoptions",
    "relatedstring",  "relatedtype",    "reprinttitle",   "school",         "series",         "shortauthor",
    "shorteditor",    "shorthand",      "shorthandintro", "shortjournal",   "shortseries",    "shorttitle",
    "sortkey",        "sortname",       "sortshorthand",  "sorttitle",      "sortyear",       "subtitle",
    "title",          "titleaddon",     "translator",     "type",           "url",            "urldate",
    "venue",          "version",        "volume",         "volumes",        "xdata",          "xref",
    "year",           "urlday",         "urlmonth",       "urlyear",        "eventday",       "eventmonth",
    "eventyear",      "origday",        "origmonth",      "origyear",       "day",            "endday",
    "endmonth",       "endyear",        "verba",          "verbb",          "verbc",          "lista",
    "listb",
};

} // namespace

bool biblatex_knows(std::string_view field) {
  return std::find(k_fields.begin(), k_fields.end(), field) != k_fields.end();
}

} // namespace refs::exporting
