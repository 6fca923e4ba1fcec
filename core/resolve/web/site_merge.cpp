#include "core/resolve/web/merge_steps.hpp"

#include "core/util/string.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <vector>

namespace refs::resolve::web::merge {

namespace {

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
/// The head's site name as a name: an association signing its own pages
/// when the head names no site ("Hanns-Seidel-Stiftung e.V." as the only
/// author), without taglines, and never a sentence (a headline in
/// og:site_name).
void clean_head_site(PageMetadata& page, const HeadEvidence& head) {
  std::string& site = page.citation.container_title;
  if (site.empty() && page.citation.authors.size() == 1 && !page.citation.authors[0].literal.empty()) {
    site = without_legal_form(page.citation.authors[0].literal);
    page.provenance["container-title"] = page.provenance["author"] + " (the organisation signing the page)";
    page.citation.sources["container-title"] = page.citation.sources["author"];
  }
  if (std::string proper = site_proper(site, head.host_label); !site.empty() && proper != site) {
    page.provenance["container-title"] += " (the name in \"" + site + "\")";
    site = proper;
  }
  if (std::count(site.begin(), site.end(), ' ') >= 7) {
    page.rejected.push_back("container-title: \"" + site + "\" from " + page.provenance["container-title"] +
                            ": a sentence, not a name");
    site.clear();
    page.provenance.erase("container-title");
    page.citation.sources.erase("container-title");
  }
}

/// The header's name, or an <h1> that named the host (the site's title in
/// a blog theme); a single word that does not name the host is a link
/// ("Startseite", "PDF-Ausgabe"), not a name.
const Finding* shown_site_name(const HeadEvidence& head, const BodyFindings& body, bool site_empty) {
  for (const Finding& f : body.headlines) {
    if (names_host(f.value, head.host_label) && folded(f.value).size() <= folded(head.host_label).size() + 4) {
      return &f;
    }
  }
  for (const Finding& f : body.site_names) {
    if (names_host(f.value, head.host_label) || (site_empty && f.value.find(' ') != std::string::npos)) {
      return &f;
    }
  }
  return nullptr;
}

} // namespace

void merge_site(PageMetadata& page, const HeadEvidence& head, const Beside& titled, const BodyFindings& body) {
  clean_head_site(page, head);
  std::string& site = page.citation.container_title;
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
  if (const Finding* shown = shown_site_name(head, body, site.empty())) {
    site = site_proper(shown->value, head.host_label);
    take_from_body(page, "container-title", *shown, "");
    return;
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

} // namespace refs::resolve::web::merge
