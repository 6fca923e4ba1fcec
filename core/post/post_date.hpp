#pragma once

#include "core/model/date.hpp"

#include <filesystem>
#include <string_view>

namespace refs::post {

/// The `date` of a post's front matter: YAML `date: 2023-11-20` (also with a
/// time, a zone, or quotes) or TOML `date = 2023-11-20T10:00:00+09:00`, as
/// Jekyll, Hugo and pandoc write it. Unknown when there is none.
model::Date front_matter_date(std::string_view text);

/// When a post was written: its front matter's date, else the day its file
/// was last modified (UTC); unknown when neither can be read. Archived
/// copies nearest this date show the pages as the post saw them.
model::Date post_date(std::string_view text, const std::filesystem::path& path);

} // namespace refs::post
