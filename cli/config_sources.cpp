#include "cli/context.hpp"

#include "core/util/string.hpp"

#include <toml++/toml.h>

#include <cstdlib>
#include <ctime>
#include <optional>

namespace refs::cli {

namespace {

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : "";
}

/// What the config file says; empty when there is none.
struct FileSettings {
  std::string db;
  std::string mailto;
  std::string arxiv_api;
  std::optional<int> jobs;
  std::optional<int> timeout;
  std::optional<bool> archive;
  std::string archive_access_key;
  std::string archive_secret_key;
};

std::filesystem::path config_file() {
  if (const std::string xdg = env("XDG_CONFIG_HOME"); !xdg.empty() && xdg.front() == '/') {
    return std::filesystem::path(xdg) / "refs" / "config.toml";
  }
  if (const std::string home = env("HOME"); !home.empty()) {
    return std::filesystem::path(home) / ".config" / "refs" / "config.toml";
  }
  return {};
}

tl::expected<FileSettings, std::string> read_config_file() {
  const std::filesystem::path path = config_file();
  std::error_code ec;
  if (path.empty() || !std::filesystem::exists(path, ec)) {
    return FileSettings{};
  }
  toml::table t;
  try {
    t = toml::parse_file(path.string());
  } catch (const toml::parse_error& e) { // Debian's toml++ is built with exceptions
    return tl::make_unexpected(path.string() + ":" + std::to_string(e.source().begin.line) + ": " +
                               util::lower_first(std::string(e.description())));
  }
  FileSettings s;
  s.db = t["db"].value_or(std::string());
  s.mailto = t["mailto"].value_or(std::string());
  s.arxiv_api = t["arxiv_api"].value_or(std::string());
  if (auto jobs = t["jobs"].value<int>()) {
    s.jobs = *jobs;
  }
  if (auto timeout = t["timeout"].value<int>()) {
    s.timeout = *timeout;
  }
  if (auto archive = t["archive"].value<bool>()) {
    s.archive = *archive;
  }
  s.archive_access_key = t["archive_access_key"].value_or(std::string());
  s.archive_secret_key = t["archive_secret_key"].value_or(std::string());
  return s;
}

tl::expected<std::filesystem::path, std::string> library_path(const GlobalOptions& options, const FileSettings& file) {
  if (!options.db.empty()) {
    return std::filesystem::path(options.db);
  }
  if (const std::string db = env("REFS_DB"); !db.empty()) {
    return std::filesystem::path(db);
  }
  if (!file.db.empty()) {
    return std::filesystem::path(file.db);
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

/// A whole number from the environment, for the test hooks.
tl::expected<std::optional<long>, std::string> env_number(const char* name) {
  const std::string value = env(name);
  if (value.empty()) {
    return std::optional<long>();
  }
  if (!util::all_digits(value) || value.size() > 9) {
    return tl::make_unexpected(std::string(name) + ": '" + value + "' is not a whole number");
  }
  return std::optional<long>(std::stol(value));
}

tl::expected<void, std::string> network_settings(const GlobalOptions& options, const FileSettings& file, Config& config) {
  http::HttpOptions& http = config.http;
  http.jobs = options.jobs > 0 ? options.jobs : file.jobs.value_or(8);
  config.jobs_given = options.jobs > 0 || file.jobs.has_value();
  const int timeout = options.timeout > 0 ? options.timeout : file.timeout.value_or(20);
  if (http.jobs < 1 || timeout < 1) {
    return tl::make_unexpected("jobs and timeout must be at least 1");
  }
  http.timeout = std::chrono::seconds(timeout);
  http.connect_timeout = std::min(http.timeout, std::chrono::milliseconds(10000));
  http.connect_to = options.connect_to;
  http.cacert = options.cacert;
  http.allow_private = options.allow_private;
  std::string mailto = !options.mailto.empty() ? options.mailto : env("REFS_MAILTO");
  mailto = !mailto.empty() ? mailto : file.mailto;
  http.user_agent = std::string("refs/") + REFS_VERSION + (mailto.empty() ? "" : " (mailto:" + mailto + ")");
  config.arxiv_api = !options.arxiv_api.empty() ? options.arxiv_api
                     : !file.arxiv_api.empty()  ? file.arxiv_api
                                                : config.arxiv_api;
  config.archive = !options.no_archive && file.archive.value_or(true);
  // The names the Internet Archive's own `ia` tool reads.
  config.archive_access_key = !env("IA_ACCESS_KEY_ID").empty() ? env("IA_ACCESS_KEY_ID") : file.archive_access_key;
  config.archive_secret_key = !env("IA_SECRET_ACCESS_KEY").empty() ? env("IA_SECRET_ACCESS_KEY") : file.archive_secret_key;
  // Test hooks: the real pacing would make a test wait minutes.
  for (auto [name, into] : {std::pair{"REFS_ARXIV_INTERVAL_MS", &config.arxiv_interval},
                            std::pair{"REFS_ARCHIVE_INTERVAL_MS", &config.archive_interval},
                            std::pair{"REFS_ARCHIVE_PAUSE_MS", &config.archive_pause},
                            std::pair{"REFS_SAVE_INTERVAL_MS", &config.save_interval},
                            std::pair{"REFS_SCHOLAR_INTERVAL_MS", &config.scholar_interval},
                            std::pair{"REFS_DBLP_INTERVAL_MS", &config.dblp_interval},
                            std::pair{"REFS_PUBLISHED_PAUSE_MS", &config.published_pause},
                            std::pair{"REFS_RETRY_DELAY_MS", &http.backoff}}) {
    auto value = env_number(name);
    if (!value) {
      return tl::make_unexpected(value.error());
    }
    if (*value) {
      *into = std::chrono::milliseconds(**value);
    }
  }
  return {};
}

} // namespace

tl::expected<Config, std::string> make_config(const GlobalOptions& options) {
  auto file = read_config_file();
  if (!file) {
    return tl::make_unexpected(file.error());
  }
  Config config;
  auto path = library_path(options, *file);
  if (!path) {
    return tl::make_unexpected(path.error());
  }
  config.library = *path;
  config.offline = options.offline;
  config.refresh = options.refresh;
  config.now = static_cast<std::int64_t>(std::time(nullptr));
  config.clock = config.now;
  // https://reproducible-builds.org/specs/source-date-epoch/: a malformed
  // value is an error, not something to ignore.
  if (const std::string epoch = env("SOURCE_DATE_EPOCH"); !epoch.empty()) {
    if (!util::all_digits(epoch) || epoch.size() > 12) {
      return tl::make_unexpected("SOURCE_DATE_EPOCH: '" + epoch + "' is not a Unix time");
    }
    config.now = std::stoll(epoch);
  }
  if (auto network = network_settings(options, *file, config); !network) {
    return tl::make_unexpected(network.error());
  }
  // Where --csl finds styles, locales and pandoc, when not where Debian puts them.
  for (auto [name, into] : {std::pair{"REFS_CSL_STYLES", &config.csl_styles},
                            std::pair{"REFS_CSL_LOCALES", &config.csl_locales}}) {
    if (const std::string value = env(name); !value.empty()) {
      *into = value;
    }
  }
  if (const std::string pandoc = env("REFS_PANDOC"); !pandoc.empty()) {
    config.pandoc = pandoc;
  }
  return config;
}

} // namespace refs::cli
