#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace refs::util {

/// Writes a file all or nothing: the content goes to a temporary file in the
/// same directory, which commit() flushes and renames over the target. If the
/// object dies without a commit the temporary file is removed and the target
/// is untouched. An existing target keeps its permission bits.
class AtomicFile {
public:
  /// Throws refs::Error naming the path when the temporary file cannot be made.
  explicit AtomicFile(std::filesystem::path target);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  /// Throws refs::Error naming the path when the write fails.
  void write(std::string_view data);
  /// Throws refs::Error naming both paths when fsync or rename fails.
  void commit();

private:
  std::filesystem::path m_target;
  std::filesystem::path m_temp;
  int m_fd = -1;
};

} // namespace refs::util
