#pragma once

#include "core/resolve/web/page_metadata.hpp"

#include <filesystem>
#include <string>

#include <tl/expected.hpp>

namespace refs::pipeline {

/// Runs the web-page extractor on a saved page, as `refs resolve` would on
/// the same bytes fetched from `url` with `content_type`. Fails with
/// "FILE: why" when the file cannot be read.
tl::expected<resolve::web::PageMetadata, std::string>
inspect_page(const std::filesystem::path& file, const std::string& url, const std::string& content_type);

} // namespace refs::pipeline
