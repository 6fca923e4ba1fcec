#pragma once

#include <string>
#include <string_view>

namespace refs::post {

/// The plain text of a piece of inline Markdown, as a reader sees it:
/// emphasis markers, code-span backticks and backslash escapes removed,
/// images replaced by their alt text, links by their text, HTML comments
/// dropped, common character references decoded and whitespace collapsed.
std::string plain_text(std::string_view markdown);


} // namespace refs::post
