#include "core/resolve/web/byline_rules.hpp"

#include "core/resolve/web/gumbo_tree.hpp"
#include "core/resolve/web/page_zones.hpp"
#include "core/util/string.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace refs::resolve::web {

namespace {

constexpr std::size_t k_max_byline = 160;
// How far from the headline a byline is looked for, in elements.
constexpr std::size_t k_before_headline = 30;
constexpr std::size_t k_after_headline = 120;

constexpr std::array<std::string_view, 19> k_author_words = {
    "credit",
    "author",  "authors",  "byline",     "bylines",  "writer",      "autor", "autores",   "auteur",    "autore",
    "autori",  "reporter", "journalist", "redakteur", "author-name", "vcard", "byline-name", "post-author", "entry-author"};

// Byline words, followed by the name: English, German, French, Spanish,
// Italian, Portuguese, Dutch, then Korean, Japanese and Chinese.
constexpr std::array<std::string_view, 30> k_byline_words = {
    "text von ", "texte : ", "texto de ",
    "by ",         "posted by ",  "written by ", "words by ",   "von ",      "geschrieben von ", "autor: ",
    "par ",        "auteur : ",   "auteur: ",    "por ",        "di ",       "door ",            "a cura di ",
    "text: ",      "texto: ",     "글 ",          "글·사진 ",     "글/사진 ",   "작성자 ",           "作者：",
    "作者:",       "作者 ",        "文/",          "文／",         "記者：",     "筆者："};

// A reporter's title after the name: 홍길동 기자, 山田太郎記者.
constexpr std::array<std::string_view, 5> k_reporter_suffixes = {" 기자", "기자", " 특파원", "記者", " 记者"};

bool is_author_marked(const GumboNode* e) {
  const std::vector<std::string> words = name_words(e);
  return std::any_of(k_author_words.begin(), k_author_words.end(),
                     [&](std::string_view w) { return std::find(words.begin(), words.end(), w) != words.end(); });
}

bool has_itemprop(const GumboNode* e, std::string_view prop) {
  const std::string value = util::to_lower_ascii(attribute(e, "itemprop"));
  for (std::string_view p : util::split(value, ' ')) {
    if (p == util::to_lower_ascii(prop)) {
      return true;
    }
  }
  return false;
}

/// The name microdata gives: the `name` inside, else the content
/// attribute, else the text.
std::string microdata_name(const GumboNode* e) {
  for (const GumboNode* d : elements_in_order(e)) {
    if (d != e && has_itemprop(d, "name")) {
      const std::string_view content = attribute(d, "content");
      return content.empty() ? visible_text(d, 300) : util::collapse_whitespace(content);
    }
  }
  const std::string_view content = attribute(e, "content");
  return content.empty() ? visible_text(e, 300) : util::collapse_whitespace(content);
}

bool ends_with_reporter_title(std::string_view text) {
  return std::any_of(k_reporter_suffixes.begin(), k_reporter_suffixes.end(),
                     [&](std::string_view s) { return text.size() > s.size() + 2 && text.ends_with(s); });
}

bool near_headline(const BodyScan& scan, std::size_t i) {
  if (scan.headline == static_cast<std::size_t>(-1)) {
    return i < k_after_headline * 2;
  }
  return i + k_before_headline >= scan.headline && i <= scan.headline + k_after_headline;
}

/// Elements whose own text begins a byline; an ancestor holding the same
/// text is not a second byline.
bool is_leafmost(const GumboNode* e) {
  for (const GumboNode* child : child_elements(e)) {
    const GumboTag tag = child->v.element.tag;
    if (tag == GUMBO_TAG_P || tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_LI || tag == GUMBO_TAG_SECTION) {
      return false;
    }
  }
  return true;
}

bool is_byline_word(const std::string& text) {
  const std::string t = util::to_lower_ascii(util::collapse_whitespace(text)) + " ";
  return std::find(k_byline_words.begin(), k_byline_words.end(), t) != k_byline_words.end();
}

/// Photo credits name the photographer, not the author: "Foto: X", "Photo: X".
bool is_photo_credit(std::string_view text) {
  for (std::string_view w : {"foto", "photo", "bild", "image", "credit", "\u00a9", "(c)", "fotos", "photos", "picture"}) {
    if (util::starts_with_ci(text, w)) {
      return true;
    }
  }
  return false;
}

/// The text up to a separator ("|", "•", "·") or a digit after `from`, and
/// whether one was met.
std::pair<std::string, bool> up_to_separator(const std::string& text, std::size_t from) {
  std::size_t end = text.find_first_of("|0123456789", from);
  // Runs of no-break spaces set names apart in older layouts ("By X&nbsp;&nbsp;&nbsp;Delhi").
  for (std::string_view sep : {"\u2022", "\u00b7", "\u00a0\u00a0"}) {
    end = std::min(end, text.find(sep, from));
  }
  return {text.substr(0, end), end != std::string::npos};
}

/// A byline element's names without what follows them in it: "By <a>Kyt
/// Dotson</a> | May 16, 2016 | 0 comments" gives "By Kyt Dotson"; a time,
/// a line break or a block ends the names too.
std::string byline_phrase(const GumboNode* e) {
  std::string out;
  const GumboVector& children = e->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    std::string text;
    if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE) {
      text = child->v.text.text;
    } else if (child->type == GUMBO_NODE_ELEMENT) {
      const GumboTag tag = child->v.element.tag;
      const bool ends = tag == GUMBO_TAG_TIME || tag == GUMBO_TAG_BR || tag == GUMBO_TAG_P || tag == GUMBO_TAG_DIV ||
                        tag == GUMBO_TAG_UL || tag == GUMBO_TAG_LI;
      if (ends && !util::trim(out).empty() && !is_byline_word(out)) {
        break;
      }
      text = visible_text(child, 300);
    }
    // A byline word may hold a separator itself ("글·사진 ", photos and text).
    std::size_t from = 0;
    if (out.empty()) {
      const std::string lead = util::collapse_whitespace(text);
      for (std::string_view word : k_byline_words) {
        if (util::starts_with_ci(lead, word)) {
          from = text.find(word.substr(0, word.size() - 1)) + word.size() - 1;
          break;
        }
      }
    }
    const auto [kept, stop] = up_to_separator(text, std::min(from, text.size()));
    out += kept;
    if (stop) {
      break;
    }
  }
  return util::collapse_whitespace(out);
}

/// "Posted on September 21, 2020 by Adi Tzlil" -> "by Adi Tzlil": the
/// byline after a posting date, or "".
std::string after_posting_date(const std::string& text) {
  static constexpr std::array<std::string_view, 8> k_leads = {"posted on ", "published on ", "posted ", "published ",
                                                              "veröffentlicht am ", "publié le ", "publicado el ", "pubblicato il "};
  static constexpr std::array<std::string_view, 6> k_bys = {" by ", " von ", " par ", " por ", " da ", " door "};
  const bool led = std::any_of(k_leads.begin(), k_leads.end(), [&](std::string_view l) { return util::starts_with_ci(text, l); });
  if (!led) {
    return "";
  }
  const std::string lower = util::to_lower_ascii(text);
  for (std::string_view by : k_bys) {
    if (const std::size_t at = lower.find(by); at != std::string::npos) {
      return text.substr(at + 1);
    }
  }
  return "";
}

/// The furniture a byline element sits in. An author box that names its
/// place among its classes ("author-bio footer", "author-bio sidebar") is
/// judged by where it sits, not by that name; a commenter's name
/// ("comment-author") stays in the comments.
std::string zone_of_byline(const GumboNode* e, const GumboNode* headline) {
  std::string zone = boilerplate_zone(e, headline);
  if (zone.empty() || zone != "in " + describe_element(e) || e->parent == nullptr || e->parent->type != GUMBO_NODE_ELEMENT) {
    return zone;
  }
  const std::string classes = util::to_lower_ascii(attribute(e, "class"));
  for (std::string_view name : util::split(classes, ' ')) {
    if (name.find("author") != std::string_view::npos && name.find("comment") == std::string_view::npos) {
      return boilerplate_zone(e->parent, headline);
    }
  }
  return zone;
}

} // namespace

bool starts_with_byline_word(std::string_view text) {
  return std::any_of(k_byline_words.begin(), k_byline_words.end(), [&](std::string_view w) {
    return text.size() > w.size() + 1 && util::starts_with_ci(text, w);
  });
}

void find_bylines(const BodyScan& scan, BodyFindings& findings) {
  const GumboNode* headline = headline_element(scan);
  std::vector<Candidate> candidates;
  for (std::size_t i = 0; i < scan.elements.size(); ++i) {
    const GumboNode* e = scan.elements[i];
    const GumboTag tag = e->v.element.tag;
    int rank = -1;
    const char* rule = "";
    std::string text;
    if (has_itemprop(e, "author") || has_itemprop(e, "creator")) {
      rank = 0, rule = "itemprop author", text = microdata_name(e);
    } else if (tag == GUMBO_TAG_A && util::to_lower_ascii(attribute(e, "rel")).find("author") != std::string::npos) {
      rank = 1, rule = "rel author", text = visible_text(e, 300);
      if (const std::string_view title = attribute(e, "title"); util::starts_with_ci(title, "posts by ")) {
        text = util::collapse_whitespace(title.substr(9));
      }
    } else if (tag == GUMBO_TAG_A && near_headline(scan, i) && !attribute(e, "href").empty() && attribute(e, "href") != "/") {
      // The window keeps only links to writers' pages (page_body.cpp).
      rank = 2, rule = "author link", text = visible_text(e, 300);
    } else if ((is_author_marked(e) && tag != GUMBO_TAG_IMG && tag != GUMBO_TAG_META) || tag == GUMBO_TAG_ADDRESS) {
      rank = 2, rule = "author class", text = byline_phrase(e);
      if (std::string byline = after_posting_date(visible_text(e, 300)); !byline.empty()) {
        text = byline;
      }
    } else if (near_headline(scan, i) && is_leafmost(e) && tag != GUMBO_TAG_A && tag != GUMBO_TAG_H1) {
      text = visible_text(e, 300);
      if (text.size() <= k_max_byline && (starts_with_byline_word(text) || ends_with_reporter_title(text))) {
        rank = 3, rule = "byline text", text = byline_phrase(e);
      } else if (std::string byline = after_posting_date(text); text.size() <= k_max_byline && !byline.empty()) {
        rank = 3, rule = "byline text", text = byline;
      }
    }
    if (rank < 0 || text.empty()) {
      continue;
    }
    Finding finding = {text, rule, describe_element(e)};
    if (text.size() > k_max_byline) {
      findings.rejected.push_back({"author", finding, "longer than a byline"});
    } else if (is_photo_credit(text)) {
      findings.rejected.push_back({"author", finding, "a photo credit"});
    } else {
      candidates.push_back({rank, i, std::move(finding), zone_of_byline(e, headline)});
    }
  }
  rank_candidates(scan, "author", std::move(candidates), findings.bylines, findings.rejected);
}

} // namespace refs::resolve::web
