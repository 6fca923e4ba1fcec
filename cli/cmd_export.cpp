#include "cli/commands.hpp"
#include "cli/markdown_style_options.hpp"
#include "cli/output.hpp"
#include "core/pipeline/csl_markdown.hpp"
#include "core/pipeline/export_citations.hpp"
#include "core/pipeline/export_html.hpp"
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
  bool html = false;
  std::vector<std::string> posts;
  std::vector<std::string> keys;
  std::string output;
  std::string sort;
  bool ascii = false;
  MarkdownStyleOptions style;
  std::string group;
  bool fragment = false;
  std::string title;
};

/// What the page lists and how it is grouped: by post when posts are
/// named, else by year, unless --group says.
pipeline::HtmlSelection html_selection(const ExportOptions& options) {
  using pipeline::HtmlGroup;
  const HtmlGroup group = options.group == "post" ? HtmlGroup::post
                          : options.group == "year" ? HtmlGroup::year
                          : options.group == "none" ? HtmlGroup::none
                          : options.posts.empty()   ? HtmlGroup::year
                                                    : HtmlGroup::post;
  return {options.posts, options.keys, group};
}

/// Renders with the request's writer, reports, and commits the file only
/// when all went well; the exit status.
template <typename Request, typename Export>
int write_export(Context& ctx, store::Library& library, const ExportOptions& options, Request& request,
                 Export&& export_request) {
  // Written as it is made; a file only replaces the old one once whole.
  std::optional<util::AtomicFile> file;
  if (!options.output.empty() && options.output != "-") {
    file.emplace(options.output);
    request.write = [&file](std::string_view text) { file->write(text); };
  } else {
    request.write = [](std::string_view text) { write_stdout(text); };
  }
  const pipeline::ExportOutcome outcome = export_request(library, request);
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

/// The CSL setup for --csl, if given; false when it cannot be had (reported).
bool chosen_csl(Context& ctx, const ExportOptions& options, std::optional<citeproc::CiteprocSetup>& csl) {
  if (options.style.csl.empty()) {
    return true;
  }
  auto setup = pipeline::csl_setup(ctx.config, {options.style.csl, options.style.lang});
  if (!setup) {
    ctx.messages.error(setup.error());
    return false;
  }
  csl = std::move(*setup);
  return true;
}

int run_html(Context& ctx, store::Library& library, const ExportOptions& options) {
  pipeline::HtmlExportRequest request{html_selection(options), options.fragment, options.title};
  request.generator = "refs " REFS_VERSION;
  if (!chosen_csl(ctx, options, request.csl)) {
    return 1;
  }
  return write_export(ctx, library, options, request, pipeline::export_html);
}

int run(Context& ctx, store::Library& library, const ExportOptions& options) {
  if (!options.style.csl.empty() && !options.markdown && !options.html) {
    ctx.messages.error("--csl needs --markdown or --html");
    return 2;
  }
  if (options.html) {
    return run_html(ctx, library, options);
  }
  pipeline::ExportRequest request;
  request.format = options.csl_json   ? pipeline::ExportFormat::csl_json
                   : options.markdown ? pipeline::ExportFormat::markdown
                   : options.biblatex ? pipeline::ExportFormat::biblatex
                                      : pipeline::ExportFormat::bibtex;
  request.posts = options.posts;
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
  if (!chosen_csl(ctx, options, request.csl)) {
    return 1;
  }
  return write_export(ctx, library, options, request, pipeline::export_citations);
}

} // namespace

Action add_export(CLI::App& sub) {
  auto options = std::make_shared<ExportOptions>();
  auto* formats = sub.add_option_group("format", "Output format (default --bibtex)");
  formats->add_flag("--bibtex", options->bibtex, "Write BibTeX");
  formats->add_flag("--biblatex", options->biblatex, "Write BibLaTeX (for biber)");
  formats->add_flag("--csl-json", options->csl_json, "Write a CSL-JSON array");
  auto* markdown = formats->add_flag("--markdown", options->markdown, "Write Markdown footnote definitions");
  auto* html = formats->add_flag("--html", options->html,
                                 "Write a bibliography page: self-contained HTML5 with search, anchors and BibTeX");
  formats->require_option(0, 1);
  auto* post = sub.add_option("--post", options->posts, "Export the citations of this post, in its order (repeatable)")
                   ->expected(1)
                   ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  sub.add_option("keys", options->keys, "Export only these keys")->excludes(post);
  sub.add_option("-o,--output", options->output, "Write to this file (atomically) instead of stdout");
  add_markdown_style_options(sub, options->style, markdown);
  sub.get_option("--csl")->remove_needs(markdown); // --markdown or --html: checked in run()
  sub.add_option("--group", options->group, "--html: group by post or by year, or not (default: post with --post, else year)")
      ->check(CLI::IsMember({"post", "year", "none"}))
      ->option_text("post|year|none")
      ->needs(html);
  sub.add_flag("--fragment", options->fragment, "--html: only the bibliography's <div>, to include in a site's page")
      ->needs(html);
  sub.add_option("--title", options->title, "--html: the page's title (default: Bibliography)")
      ->option_text("TEXT")
      ->needs(html);
  sub.add_flag("--ascii,!--no-ascii", options->ascii,
               "BibTeX/BibLaTeX in ASCII with LaTeX accents, for 8-bit BibTeX (characters without one are reported)");
  sub.add_option("--sort", options->sort, "Order entries by key or by date (default: by key; a post's own order)")
      ->check(CLI::IsMember({"key", "date"}))
      ->option_text("key|date")
      ->excludes(html);
  return [options](Context& ctx, store::Library& library) { return run(ctx, library, *options); };
}

} // namespace refs::cli
