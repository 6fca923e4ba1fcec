#include "cli/commands.hpp"
#include "cli/markdown_style_options.hpp"
#include "cli/output.hpp"
#include "core/pipeline/csl_markdown.hpp"
#include "core/pipeline/export_citations.hpp"
#include "core/util/atomic_file.hpp"

#include <memory>
#include <optional>

namespace refs::cli {

namespace {

struct ExportOptions {
  bool bibtex = false;
  bool biblatex = false;
  bool csl_json = false;
  bool markdown = false;
  std::string post;
  std::vector<std::string> keys;
  std::string output;
  std::string sort;
  bool ascii = false;
  MarkdownStyleOptions style;
};

int run(Context& ctx, store::Library& library, const ExportOptions& options) {
  pipeline::ExportRequest request;
  request.format = options.csl_json   ? pipeline::ExportFormat::csl_json
                   : options.markdown ? pipeline::ExportFormat::markdown
                   : options.biblatex ? pipeline::ExportFormat::biblatex
                                      : pipeline::ExportFormat::bibtex;
  if (!options.post.empty()) {
    request.post = options.post;
  }
  request.keys = options.keys;
  request.order = options.sort == "date"  ? pipeline::ExportOrder::date
                  : options.sort == "key" ? pipeline::ExportOrder::key
                                          : pipeline::ExportOrder::natural;
  request.ascii = options.ascii;
  const auto style = chosen_markdown_style(options.style);
  if (!style) {
    ctx.messages.error(style.error());
    return 2;
  }
  request.markdown = style->value_or(exporting::MarkdownStyle{});
  if (!options.style.csl.empty()) {
    auto setup = pipeline::csl_setup(ctx.config, {options.style.csl, options.style.lang});
    if (!setup) {
      ctx.messages.error(setup.error());
      return 1;
    }
    request.csl = std::move(*setup);
  }
  // Written as it is made; a file only replaces the old one once whole.
  std::optional<util::AtomicFile> file;
  if (!options.output.empty() && options.output != "-") {
    file.emplace(options.output);
    request.write = [&file](std::string_view text) { file->write(text); };
  } else {
    request.write = [](std::string_view text) { write_stdout(text); };
  }
  const pipeline::ExportOutcome outcome = pipeline::export_citations(library, request);
  for (const std::string& warning : outcome.warnings) {
    ctx.messages.warning(warning);
  }
  for (const std::string& error : outcome.errors) {
    ctx.messages.error(error);
  }
  if (!outcome.errors.empty()) {
    return 1;
  }
  if (file) {
    file->commit();
  }
  pipeline::mark_exported(library, outcome);
  for (const std::string& damaged : outcome.damaged) {
    ctx.messages.error(damaged + "; left out");
  }
  return outcome.damaged.empty() ? 0 : 1;
}

} // namespace

Action add_export(CLI::App& sub) {
  auto options = std::make_shared<ExportOptions>();
  auto* formats = sub.add_option_group("format", "Output format (default --bibtex)");
  formats->add_flag("--bibtex", options->bibtex, "Write BibTeX");
  formats->add_flag("--biblatex", options->biblatex, "Write BibLaTeX (for biber)");
  formats->add_flag("--csl-json", options->csl_json, "Write a CSL-JSON array");
  auto* markdown = formats->add_flag("--markdown", options->markdown, "Write Markdown footnote definitions");
  formats->require_option(0, 1);
  auto* post = sub.add_option("--post", options->post, "Export the citations of this post, in its order");
  sub.add_option("keys", options->keys, "Export only these keys")->excludes(post);
  sub.add_option("-o,--output", options->output, "Write to this file (atomically) instead of stdout");
  add_markdown_style_options(sub, options->style, markdown);
  sub.add_flag("--ascii,!--no-ascii", options->ascii,
               "BibTeX/BibLaTeX in ASCII with LaTeX accents, for 8-bit BibTeX (characters without one are reported)");
  sub.add_option("--sort", options->sort, "Order entries by key or by date (default: by key; a post's own order)")
      ->check(CLI::IsMember({"key", "date"}))
      ->option_text("key|date");
  return [options](Context& ctx, store::Library& library) { return run(ctx, library, *options); };
}

} // namespace refs::cli
