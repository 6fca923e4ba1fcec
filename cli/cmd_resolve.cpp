#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/table_printer.hpp"
#include "cli/terminal.hpp"
#include "core/export/csl_json_writer.hpp"
#include "core/pipeline/resolve_posts.hpp"

#include <array>
#include <map>
#include <memory>

namespace refs::cli {

namespace {

struct ResolveOptions {
  std::vector<std::string> posts;
  bool json = false;
};

constexpr std::array<const char*, 6> k_kinds = {"arxiv", "doi", "pdf", "web", "note", "unsupported"};

std::string summary(const pipeline::ResolveOutcome& outcome) {
  std::map<std::string, int> kinds;
  std::map<std::string, int> statuses;
  std::size_t total = 0;
  for (const auto& post : outcome.posts) {
    for (const auto& r : post.references) {
      ++kinds[r.kind];
      ++statuses[r.status];
      ++total;
    }
  }
  std::string out = std::to_string(total) + (total == 1 ? " reference" : " references") + " in " +
                    std::to_string(outcome.posts.size()) + (outcome.posts.size() == 1 ? " post" : " posts");
  std::string sep = ": ";
  for (const char* kind : k_kinds) {
    if (kinds[kind] > 0) {
      out += sep + std::to_string(kinds[kind]) + " " + kind;
      sep = ", ";
    }
  }
  return out + "; " + std::to_string(statuses["new"]) + " new, " + std::to_string(statuses["updated"]) +
         " updated, " + std::to_string(statuses["known"]) + " known\n";
}

std::string report(const pipeline::ResolveOutcome& outcome) {
  std::string out;
  for (const auto& post : outcome.posts) {
    if (outcome.posts.size() > 1) {
      out += post.path + ":\n";
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : post.references) {
      rows.push_back({r.reference.label, r.key, r.kind, r.status, r.title});
    }
    out += format_table(rows, terminal_width());
  }
  return out + summary(outcome);
}

int run(Context& ctx, store::Library& library, const ResolveOptions& options) {
  const pipeline::ResolveOutcome outcome = pipeline::resolve_posts(library, ctx.config, options.posts);
  ctx.messages.print(outcome.diagnostics);
  if (outcome.failed) {
    return 1;
  }
  if (options.json) {
    write_stdout(exporting::to_csl_json_array(outcome.citations));
  } else {
    write_stdout(report(outcome));
  }
  return 0;
}

} // namespace

Action add_resolve(CLI::App& sub) {
  auto options = std::make_shared<ResolveOptions>();
  sub.add_option("posts", options->posts, "Read these posts, or every *.md and *.markdown below a directory")
      ->required();
  sub.add_flag("--json,!--no-json", options->json, "Print the citations as CSL-JSON instead of a report");
  return [options](Context& ctx, store::Library& library) { return run(ctx, library, *options); };
}

} // namespace refs::cli
