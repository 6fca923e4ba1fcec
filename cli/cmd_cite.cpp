#include "cli/commands.hpp"
#include "cli/markdown_style_options.hpp"
#include "cli/output.hpp"
#include "core/pipeline/cite_post.hpp"

#include <memory>

namespace refs::cli {

namespace {

struct CiteOptions {
  std::string post;
  bool write = false;
  bool bare = false;
  MarkdownStyleOptions style;
};

int run(Context& ctx, store::Library& library, const CiteOptions& options) {
  const auto style = chosen_markdown_style(options.style);
  if (!style) {
    ctx.messages.error(style.error());
    return 2;
  }
  pipeline::CiteRequest request{options.post, options.bare, *style};
  if (!options.style.csl.empty()) {
    request.csl = pipeline::CslChoice{options.style.csl, options.style.lang};
  }
  const auto cited = pipeline::cite_post(library, ctx.config, request);
  if (!cited) {
    ctx.messages.error(cited.error());
    return 1;
  }
  for (const std::string& note : cited->notes) {
    ctx.messages.note(note);
  }
  for (const std::string& warning : cited->warnings) {
    ctx.messages.warning(options.post + ": " + warning);
  }
  for (const std::string& error : cited->errors) {
    ctx.messages.error(error);
  }
  if (!cited->errors.empty()) {
    ctx.messages.hint("`refs list` shows the keys; `refs resolve` or `refs import` adds works; the post is unchanged");
    return 1;
  }
  if (cited->markers == 0) {
    ctx.messages.note(options.post + ": no citation marker to replace");
  } else if (cited->listed > 0) {
    ctx.messages.note(options.post + ": " + plural(cited->markers, "marker", "markers") + " replaced; a bibliography of " +
                      plural(cited->listed, "work", "works"));
  } else {
    ctx.messages.note(options.post + ": " + plural(cited->markers, "marker", "markers") + " replaced; " +
                      plural(cited->added, "footnote", "footnotes") + " added, " + plural(cited->reused, "footnote", "footnotes") +
                      " of the post reused");
  }
  if (!options.write) {
    write_stdout(cited->after);
  } else if (cited->after != cited->before) {
    pipeline::write_cited_post(*cited);
  }
  pipeline::fix_cited_keys(library, *cited);
  return 0;
}

} // namespace

Action add_cite(CLI::App& sub) {
  auto options = std::make_shared<CiteOptions>();
  sub.add_option("post", options->post, "The post citing with [@key] markers")->required();
  sub.add_flag("--write,!--no-write", options->write, "Rewrite the post (atomically) instead of printing it");
  sub.add_flag("--bare,!--no-bare", options->bare, "Also cite @key in running text (as 'Author[^key]')");
  add_markdown_style_options(sub, options->style);
  return [options](Context& ctx, store::Library& library) { return run(ctx, library, *options); };
}

} // namespace refs::cli
