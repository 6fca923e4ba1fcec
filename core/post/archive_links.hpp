#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace refs::post {

/// A footnote link to give the address of its archived copy.
struct ArchiveLink {
  int line = 0;        ///< the footnote's first line, 1-based
  std::string url;     ///< the link's URL as the post writes it
  std::string capture; ///< https://web.archive.org/web/TIMESTAMP/URL
};

/// The post with ` ([archived](CAPTURE))` after each such link's closing
/// parenthesis, in its footnote (the footnote's line and its indented
/// continuation lines): `[^x]: [Title](URL) ([archived](CAPTURE))`. A
/// footnote that already links to an archived copy is left alone, so a
/// second run changes nothing; a link not found in its footnote is
/// skipped. Every other byte stays as it was (line ends, a BOM).
std::string add_archive_links(std::string_view text, const std::vector<ArchiveLink>& links);

} // namespace refs::post
