#include "core/pipeline/inspect_page.hpp"

#include "core/util/file.hpp"

namespace refs::pipeline {

tl::expected<resolve::web::PageMetadata, std::string>
inspect_page(const std::filesystem::path& file, const std::string& url, const std::string& content_type) {
  auto bytes = util::read_file(file);
  if (!bytes) {
    return tl::make_unexpected(bytes.error());
  }
  return resolve::web::extract_page(*bytes, content_type, url);
}

} // namespace refs::pipeline
