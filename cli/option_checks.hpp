#pragma once

#include <CLI/CLI.hpp>

namespace refs::cli {

/// A whole number of at least `least` that fits an int: "--jobs: must be a
/// whole number of at least 1, not '0'", where CLI11's own checks print a
/// range up to the largest double.
CLI::Validator whole_number_at_least(int least);

/// An absolute http(s) URL, as libcurl parses it.
CLI::Validator web_url();

} // namespace refs::cli
