#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace refs::testing {

/// A fresh directory under $TMPDIR, removed with everything in it when the
/// object dies. World-readable, so a test can drop privileges inside it.
class TempDir {
public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return m_path; }
  std::filesystem::path operator/(std::string_view name) const { return m_path / name; }

  /// Writes a file below the directory (creating folders) and returns its path.
  std::filesystem::path write(std::string_view name, std::string_view content) const;

private:
  std::filesystem::path m_path;
};

/// The whole content of a file ("" when it cannot be read).
std::string slurp(const std::filesystem::path& path);

} // namespace refs::testing
