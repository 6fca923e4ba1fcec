#include "cli/context.hpp"

#include "core/util/string.hpp"

#include <cstdlib>
#include <ctime>

namespace refs::cli {

namespace {

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : "";
}

tl::expected<std::filesystem::path, std::string> library_path(const GlobalOptions& options) {
  if (!options.db.empty()) {
    return std::filesystem::path(options.db);
  }
  if (const std::string db = env("REFS_DB"); !db.empty()) {
    return std::filesystem::path(db);
  }
  // XDG Base Directory: a relative XDG_DATA_HOME is invalid and ignored.
  if (const std::string data = env("XDG_DATA_HOME"); !data.empty() && data.front() == '/') {
    return std::filesystem::path(data) / "refs" / "library.sqlite";
  }
  if (const std::string home = env("HOME"); !home.empty()) {
    return std::filesystem::path(home) / ".local" / "share" / "refs" / "library.sqlite";
  }
  return tl::make_unexpected("no library location: pass --db FILE or set REFS_DB or HOME");
}

} // namespace

tl::expected<Config, std::string> make_config(const GlobalOptions& options) {
  Config config;
  auto path = library_path(options);
  if (!path) {
    return tl::make_unexpected(path.error());
  }
  config.library = *path;
  config.offline = options.offline;
  config.now = static_cast<std::int64_t>(std::time(nullptr));
  // https://reproducible-builds.org/specs/source-date-epoch/: a malformed
  // value is an error, not something to ignore.
  if (const std::string epoch = env("SOURCE_DATE_EPOCH"); !epoch.empty()) {
    if (!util::all_digits(epoch) || epoch.size() > 12) {
      return tl::make_unexpected("SOURCE_DATE_EPOCH: '" + epoch + "' is not a Unix time");
    }
    config.now = std::stoll(epoch);
  }
  return config;
}

} // namespace refs::cli
