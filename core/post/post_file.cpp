#include "core/post/post_file.hpp"

#include "core/util/atomic_file.hpp"
#include "core/util/error.hpp"
#include "core/util/file.hpp"
#include "core/util/string.hpp"
#include "core/util/utf8.hpp"

#include <algorithm>
#include <system_error>

namespace refs::post {

namespace {

namespace fs = std::filesystem;

int line_at(const std::string& text, std::size_t offset) {
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
}

bool is_markdown(const fs::path& path) {
  const std::string ext = util::to_lower_ascii(path.extension().string());
  return ext == ".md" || ext == ".markdown";
}

tl::expected<std::vector<fs::path>, std::string> markdown_below(const fs::path& dir) {
  std::vector<fs::path> found;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    return tl::make_unexpected(dir.string() + ": cannot list: " + util::lower_first(ec.message()));
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      return tl::make_unexpected(dir.string() + ": cannot list: " + util::lower_first(ec.message()));
    }
    const std::string name = it->path().filename().string();
    if (it->is_directory(ec) && name.starts_with('.')) {
      it.disable_recursion_pending();
    } else if (it->is_regular_file(ec) && is_markdown(it->path())) {
      found.push_back(it->path().lexically_normal());
    }
  }
  if (found.empty()) {
    return tl::make_unexpected(dir.string() + ": no Markdown files (*.md, *.markdown) in this directory");
  }
  std::sort(found.begin(), found.end(),
            [](const fs::path& a, const fs::path& b) { return a.generic_string() < b.generic_string(); });
  return found;
}

} // namespace

std::string post_identity(const fs::path& path) {
  std::error_code ec;
  const fs::path absolute = fs::absolute(path, ec); // fails only for an empty path
  if (ec) {
    return path.string();
  }
  const fs::path canonical = fs::weakly_canonical(absolute, ec);
  return (ec ? absolute : canonical).string();
}

tl::expected<PostFile, std::string> load_post(const fs::path& path) {
  auto text = util::read_file(path);
  if (!text) {
    return tl::make_unexpected(text.error());
  }
  if (const std::size_t nul = text->find('\0'); nul != std::string::npos) {
    return tl::make_unexpected(path.string() + ": binary file (NUL byte at byte " + std::to_string(nul) +
                               "), not a Markdown post");
  }
  if (const auto bad = util::find_invalid_utf8(*text)) {
    return tl::make_unexpected(path.string() + ": not valid UTF-8 at byte " + std::to_string(*bad) +
                               " (line " + std::to_string(line_at(*text, *bad)) + ")");
  }
  return PostFile{path, std::move(*text)};
}

PostArguments expand_post_arguments(const std::vector<std::string>& arguments) {
  PostArguments out;
  for (const std::string& argument : arguments) {
    std::error_code ec;
    const fs::file_status status = fs::status(argument, ec);
    if (!fs::exists(status)) {
      out.errors.push_back(argument + ": " +
                           (ec && ec != std::errc::no_such_file_or_directory ? util::lower_first(ec.message())
                                                                             : "no such file or directory"));
      continue;
    }
    if (!fs::is_directory(status)) {
      out.paths.emplace_back(argument);
      continue;
    }
    auto below = markdown_below(argument);
    if (!below) {
      out.errors.push_back(below.error());
      continue;
    }
    out.paths.insert(out.paths.end(), below->begin(), below->end());
  }
  return out;
}

void replace_post(const std::filesystem::path& path, std::string_view before, std::string_view after) {
  const auto current = util::read_file(path);
  if (!current || *current != before) {
    throw Error(path.string() + ": changed while refs was reading it; not rewritten");
  }
  util::AtomicFile file(path);
  file.write(after);
  file.commit();
}

} // namespace refs::post
