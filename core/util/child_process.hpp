#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <tl/expected.hpp>

namespace refs::util {

/// Runs `argv` (argv[0] found on PATH) and waits for it: stdin from
/// /dev/null, stdout and stderr into the files named. Returns its exit
/// code (128 + the signal that ended it). Fails with one line when it
/// cannot be started; "not found" when there is no such program.
tl::expected<int, std::string> run_program(const std::vector<std::string>& argv, const std::filesystem::path& out,
                                           const std::filesystem::path& err);

/// A new private folder under the system's temporary folder, removed with
/// everything in it when the object goes. Throws refs::Error when it cannot
/// be made.
class TempFolder {
public:
  TempFolder();
  ~TempFolder();
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;

  const std::filesystem::path& path() const { return m_path; }

private:
  std::filesystem::path m_path;
};

} // namespace refs::util
