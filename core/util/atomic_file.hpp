#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace refs::util {

/// Writes a file all or nothing: the content goes to a temporary file in the
/// same directory, which commit() flushes and renames over the target. If the
/// object dies without a commit the temporary file is removed and the target
/// is untouched. An existing target keeps its permission bits; a symbolic
/// link is followed (the file it names is replaced, not the link). A target
/// that exists and is not a regular file (/dev/stdout, a FIFO) cannot be
/// replaced and is written in place.
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
  std::filesystem::path m_target; ///< as named, for messages
  std::filesystem::path m_file;   ///< the file replaced: the target, symbolic links followed
  std::filesystem::path m_temp;   ///< empty when writing in place
  int m_fd = -1;
};

} // namespace refs::util
