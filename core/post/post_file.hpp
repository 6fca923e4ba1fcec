#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

namespace refs::post {

/// A post read from disk and checked to be text.
struct PostFile {
  std::filesystem::path path; ///< as the user named it (or found below a directory)
  std::string text;
};

/// Reads a post. Fails with a one-line message naming the file when it cannot
/// be read, holds a NUL byte (binary) or is not valid UTF-8 (with the byte
/// offset and line of the first bad byte).
tl::expected<PostFile, std::string> load_post(const std::filesystem::path& path);

/// Replaces a post with `after`, atomically (temporary file and rename;
/// permissions kept). Throws refs::Error naming the post when it no longer
/// holds `before` (it was edited since it was read: nothing is written then)
/// or cannot be written.
void replace_post(const std::filesystem::path& path, std::string_view before, std::string_view after);

/// How the library names a post: its absolute path with symbolic links and
/// dot segments resolved, so a post is the same post from any directory.
std::string post_identity(const std::filesystem::path& path);

/// The posts the command line names, and what was wrong with the rest.
struct PostArguments {
  std::vector<std::filesystem::path> paths;
  std::vector<std::string> errors; ///< one line each, naming the argument
};

/// Expands the command line's post arguments: a file stays as it is, a
/// directory becomes every `*.md` and `*.markdown` file below it (hidden
/// folders skipped) in byte order of their paths. An argument that does not
/// exist, or a directory without a Markdown file, is an error; every error
/// is reported.
PostArguments expand_post_arguments(const std::vector<std::string>& arguments);

} // namespace refs::post
