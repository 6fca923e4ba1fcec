#include "core/util/atomic_file.hpp"

#include "core/util/error.hpp"
#include "core/util/string.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

namespace refs::util {

namespace {

namespace fs = std::filesystem;

std::string why() { return errno_text(errno); }

/// The mode a replacement should have: the old file's, or for a new file
/// the usual one after the umask (mkstemp makes 0600).
mode_t mode_for(const fs::path& file) {
  struct stat st {};
  if (stat(file.c_str(), &st) == 0) {
    return st.st_mode & 07777;
  }
  const mode_t mask = umask(0);
  umask(mask);
  return 0666 & ~mask;
}

} // namespace

AtomicFile::AtomicFile(fs::path target) : m_target(std::move(target)) {
  std::error_code ec;
  const fs::file_status status = fs::status(m_target, ec);
  if (fs::exists(status) && !fs::is_regular_file(status)) {
    m_fd = open(m_target.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (m_fd < 0) {
      throw Error(m_target.string() + ": cannot write: " + why());
    }
    return;
  }
  m_file = fs::exists(status) ? fs::canonical(m_target, ec) : m_target;
  if (ec) {
    m_file = m_target;
  }
  std::string pattern = m_file.string() + ".tmp-XXXXXX";
  m_fd = mkstemp(pattern.data());
  if (m_fd < 0) {
    throw Error(m_target.string() + ": cannot write: " + why());
  }
  m_temp = pattern;
  fchmod(m_fd, mode_for(m_file));
}

AtomicFile::~AtomicFile() {
  if (m_fd >= 0) {
    close(m_fd);
  }
  if (!m_temp.empty()) {
    unlink(m_temp.c_str());
  }
}

void AtomicFile::write(std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(m_fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      throw Error(m_target.string() + ": cannot write: " + why());
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
}

void AtomicFile::commit() {
  if (m_temp.empty() || fsync(m_fd) != 0) {
    const bool synced_in_place = m_temp.empty();
    const int rc = close(m_fd);
    m_fd = -1;
    if (!synced_in_place || rc != 0) {
      throw Error(m_target.string() + ": cannot write: " + why());
    }
    return;
  }
  close(m_fd);
  m_fd = -1;
  if (rename(m_temp.c_str(), m_file.c_str()) != 0) {
    throw Error(m_target.string() + ": cannot replace it with " + m_temp.string() + ": " + why());
  }
  m_temp.clear();
}

} // namespace refs::util
