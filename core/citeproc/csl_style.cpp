#include "core/citeproc/csl_style.hpp"

#include <pugixml.hpp>

#include <system_error>

namespace refs::citeproc {

// CSL 1.0.2 (https://docs.citationstyles.org/en/stable/specification.html):
// a style's root is <style class="in-text|note" default-locale="…">; a
// dependent style holds only <info> with <link rel="independent-parent"
// href="http://www.zotero.org/styles/NAME"/>, the style it uses. Debian's
// citation-style-language-styles keeps independent styles at the top of
// its folder and dependent ones in dependent/, each named NAME.csl.

namespace {

namespace fs = std::filesystem;

struct StyleFile {
  pugi::xml_document xml;
  pugi::xml_node style;
};

tl::expected<void, std::string> load(const fs::path& path, StyleFile& out) {
  const pugi::xml_parse_result parsed = out.xml.load_file(path.c_str());
  if (!parsed) {
    return tl::make_unexpected(path.string() + ": not a CSL style: " + parsed.description());
  }
  out.style = out.xml.child("style");
  if (!out.style) {
    return tl::make_unexpected(path.string() + ": not a CSL style: no <style> element");
  }
  return {};
}

/// "apa" from <link rel="independent-parent" href="http://www.zotero.org/styles/apa"/>.
std::string parent_name(const pugi::xml_node& style) {
  for (const pugi::xml_node link : style.child("info").children("link")) {
    if (std::string(link.attribute("rel").value()) == "independent-parent") {
      const std::string href = link.attribute("href").value();
      return href.substr(href.find_last_of('/') + 1);
    }
  }
  return "";
}

fs::path by_name(const std::string& name, const fs::path& styles) {
  for (const fs::path& candidate : {styles / (name + ".csl"), styles / "dependent" / (name + ".csl")}) {
    std::error_code ec;
    if (fs::is_regular_file(candidate, ec)) {
      return candidate;
    }
  }
  return {};
}

} // namespace

tl::expected<CslStyle, std::string> find_csl_style(const std::string& name, const fs::path& styles) {
  const bool is_path = name.find('/') != std::string::npos || name.ends_with(".csl");
  std::error_code ec;
  fs::path path = is_path ? fs::path(name) : by_name(name, styles);
  if (is_path && !fs::is_regular_file(path, ec)) {
    return tl::make_unexpected(name + ": no such CSL style file");
  }
  if (path.empty()) {
    if (!fs::is_directory(styles, ec)) {
      return tl::make_unexpected("no CSL style named " + name + ": " + styles.string() +
                                 " is missing (apt install citation-style-language-styles), or give a .csl file");
    }
    return tl::make_unexpected("no CSL style named " + name + " in " + styles.string() + " or its dependent/ folder");
  }
  StyleFile file;
  if (auto loaded = load(path, file); !loaded) {
    return tl::make_unexpected(loaded.error());
  }
  CslStyle out{path, file.style.child("info").child_value("title"),
               std::string(file.style.attribute("class").value()) == "note",
               file.style.attribute("default-locale").value()};
  const std::string parent = parent_name(file.style);
  if (parent.empty()) {
    return out;
  }
  // A dependent style says only which style it uses (and its locale):
  // render with the parent, found here rather than fetched.
  fs::path parent_path = path.parent_path() / (parent + ".csl");
  if (!fs::is_regular_file(parent_path, ec)) {
    parent_path = styles / (parent + ".csl");
  }
  StyleFile parent_file;
  if (!fs::is_regular_file(parent_path, ec)) {
    return tl::make_unexpected(path.string() + ": depends on the style " + parent + ", which is not in " + styles.string());
  }
  if (auto loaded = load(parent_path, parent_file); !loaded) {
    return tl::make_unexpected(loaded.error());
  }
  out.file = parent_path;
  out.note = std::string(parent_file.style.attribute("class").value()) == "note";
  if (out.locale.empty()) {
    out.locale = parent_file.style.attribute("default-locale").value();
  }
  return out;
}

} // namespace refs::citeproc
