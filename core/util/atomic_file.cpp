#include "core/util/atomic_file.hpp"

#include "core/util/error.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace refs::util {

namespace {

std::string why() { return std::strerror(errno); }

} // namespace

AtomicFile::AtomicFile(std::filesystem::path target) : m_target(std::move(target)) {
  std::string pattern = m_target.string() + ".tmp-XXXXXX";
  m_fd = mkstemp(pattern.data());
  if (m_fd < 0) {
    throw Error(m_target.string() + ": cannot write: " + why());
  }
  m_temp = pattern;
  struct stat st {};
  // mkstemp makes 0600; a rewritten file should keep the mode it had, and a
  // new one get the usual umask-derived mode.
  mode_t mode = 0;
  if (stat(m_target.c_str(), &st) == 0) {
    mode = st.st_mode & 07777;
  } else {
    const mode_t mask = umask(0);
    umask(mask);
    mode = 0666 & ~mask;
  }
  fchmod(m_fd, mode);
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
  if (fsync(m_fd) != 0) {
    throw Error(m_target.string() + ": cannot write: " + why());
  }
  close(m_fd);
  m_fd = -1;
  if (rename(m_temp.c_str(), m_target.c_str()) != 0) {
    throw Error("cannot rename " + m_temp.string() + " to " + m_target.string() + ": " + why());
  }
  m_temp.clear();
}

} // namespace refs::util
