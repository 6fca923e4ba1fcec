#include "core/export/html_page.hpp"

#include "core/export/html_assets.hpp"
#include "core/export/html_text.hpp"
#include "core/export/reference_parts.hpp"
#include "core/util/concat.hpp"
#include "core/util/percent_encoding.hpp"

namespace refs::exporting {

// An HTML5 page (https://html.spec.whatwg.org/) that needs nothing else: its
// style and script are inline, so it works from a file:// URL and offline.
// Every entry is in the document, so without JavaScript the page lists and
// links everything; the script only adds the search box and copy buttons.

namespace {

using util::concat;

std::string element(std::string_view tag, std::string_view css_class, std::string_view html) {
  return concat({"<", tag, " class=\"", css_class, "\">", html, "</", tag, ">"});
}

std::string links_line(const HtmlEntry& e) {
  std::string out = concat({"<a class=\"refs-key\" href=\"#", escape_html(html_id(e.key)), "\">", escape_html(e.key), "</a>"});
  if (safe_link(e.url)) {
    out += concat({" · ", html_link(e.url, "link")});
  }
  if (safe_link(e.archive_url)) {
    out += concat({" · ", html_link(e.archive_url, "archived copy")});
  }
  for (std::size_t i = 0; i < e.posts.size(); ++i) {
    const HtmlPostLink& post = e.posts[i];
    out += i == 0 ? " · <span class=\"refs-posts\">cited in " : ", ";
    const std::string name = escape_html(post.name);
    out += post.anchor.empty() ? name : concat({"<a href=\"#", escape_html(post.anchor), "\">", name, "</a>"});
    out += i + 1 == e.posts.size() ? "</span>" : "";
  }
  // A link, not a <button>: form controls cost a 100,000-entry page a
  // second more to load. Shown only with JavaScript, which makes it copy.
  out += concat({" <a class=\"refs-copy\" role=\"button\" href=\"#", escape_html(html_id(e.key)), "\">Copy BibTeX</a>"});
  return out;
}

} // namespace

std::string html_id(const std::string& key) {
  std::string out = key;
  for (char& c : out) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      c = '_';
    }
  }
  return out;
}

std::string html_reference(const model::Citation& citation) {
  std::string out;
  for (const ReferencePart& part : full_reference(citation)) {
    std::string text = escape_html(part.text);
    if (!part.url.empty()) {
      text = html_link(part.url, text);
    }
    if (part.kind == ReferencePart::Kind::title) {
      text = concat({"<cite>", text, "</cite>"});
    }
    out += out.empty() ? "" : " ";
    out += text;
    out += needs_period(part) ? "." : "";
  }
  return concat({"<p>", out, "</p>"});
}

std::string html_page_start(const HtmlPage& page) {
  std::string out;
  if (!page.fragment) {
    out += "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += concat({"<meta name=\"generator\" content=\"", escape_html(page.generator), "\">\n"});
    out += concat({"<title>", escape_html(page.title), "</title>\n<style>\n", html_style(), "</style>\n</head>\n<body>\n"});
  }
  out += page.entries >= k_lazy_entries ? "<div class=\"refs-bibliography refs-lazy\">\n" : "<div class=\"refs-bibliography\">\n";
  if (page.fragment) {
    // A <style> may only stand in a document's head; a style sheet link may
    // stand in its body, and a data: URL keeps the fragment self-contained.
    std::string sheet = "data:text/css,";
    for (char c : html_style()) {
      if (util::is_unreserved(static_cast<unsigned char>(c))) {
        sheet += c;
      } else {
        util::append_percent_escaped(sheet, static_cast<unsigned char>(c));
      }
    }
    out += concat({"<link rel=\"stylesheet\" href=\"", sheet, "\">\n"});
  }
  // Inside a site's page, whose own title is its h1, the page's headings
  // go one level down.
  const std::string_view level = page.fragment ? "h2" : "h1";
  out += concat({"<header>\n<", level, ">", escape_html(page.title), "</", level, ">\n",
                 "<p class=\"refs-count\" aria-live=\"polite\">", escape_html(page.summary), "</p>", "\n"});
  out += "<form class=\"refs-search\" role=\"search\" onsubmit=\"return false\">"
         "<input type=\"search\" aria-label=\"Search the bibliography\" placeholder=\"Search titles, authors, keys\">"
         "</form>\n</header>\n";
  return out;
}

std::string html_group_start(const HtmlPage& page, const std::string& id, const std::string& heading,
                             const std::string& note) {
  std::string out = concat({"<section class=\"refs-group\" id=\"", escape_html(id), "\">\n"});
  if (!heading.empty()) {
    const std::string_view level = page.fragment ? "h3" : "h2";
    out += concat({"<", level, ">", escape_html(heading)});
    out += note.empty() ? "" : concat({" ", element("span", "refs-n", escape_html(note))});
    out += concat({"</", level, ">\n"});
  }
  out += "<ol class=\"refs-list\">\n";
  return out;
}

std::string html_group_end() { return "</ol>\n</section>\n"; }

std::string html_entry(const HtmlEntry& e) {
  std::string out = "<li class=\"refs-entry\"";
  if (e.anchored) {
    out += concat({" id=\"", escape_html(html_id(e.key)), "\""});
  }
  out += concat({">\n", element("div", "refs-ref", e.reference), "\n", element("p", "refs-links", links_line(e)), "\n"});
  // Not a <details>: each is a shadow tree, and 100,000 of them triple a
  // page's load time. The style shows it when the entry is the target
  // (its key was followed) or the script opened it.
  out += concat({"<pre class=\"refs-bibtex\">", escape_html(e.bibtex), "</pre>\n</li>\n"});
  return out;
}

std::string html_page_end(const HtmlPage& page) {
  std::string out = concat({"<p class=\"refs-none\" hidden>No citation matches.</p>\n<script>\n", html_script(),
                            "</script>\n</div>\n"});
  if (!page.fragment) {
    out += "</body>\n</html>\n";
  }
  return out;
}

} // namespace refs::exporting
