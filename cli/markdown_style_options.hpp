#pragma once

#include "core/export/markdown_writer.hpp"

#include <optional>
#include <string>

#include <CLI/CLI.hpp>
#include <tl/expected.hpp>

namespace refs::cli {

/// `--style full|link` and `--template TEXT`, shared by the commands that
/// write footnote definitions.
struct MarkdownStyleOptions {
  std::string style;
  std::string templ;
  std::string csl;  ///< --csl STYLE: a CSL style, rendered by pandoc
  std::string lang; ///< --lang LANG: its locale
};

/// Adds the options to `sub` (and `--csl STYLE`, `--lang LANG`); with
/// `needs`, they need that option too.
void add_markdown_style_options(CLI::App& sub, MarkdownStyleOptions& options, CLI::Option* needs = nullptr);

/// The style asked for, nullopt when neither option was given, or a
/// one-line error naming an unknown template field.
tl::expected<std::optional<exporting::MarkdownStyle>, std::string>
chosen_markdown_style(const MarkdownStyleOptions& options);

} // namespace refs::cli
