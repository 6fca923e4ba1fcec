#include "core/pipeline/inspect_page.hpp"

#include "core/util/file.hpp"
#include "core/util/time.hpp"

namespace refs::pipeline {

tl::expected<resolve::web::PageMetadata, std::string>
inspect_page(const std::filesystem::path& file, const std::string& url, const std::string& content_type) {
  auto bytes = util::read_file(file);
  if (!bytes) {
    return tl::make_unexpected(bytes.error());
  }
  const util::CivilDate today = util::utc_today();
  return resolve::web::extract_page(*bytes, content_type, url, {today.year, today.month, today.day});
}

} // namespace refs::pipeline
