#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/progress_line.hpp"
#include "cli/published_notes.hpp"
#include "cli/table_printer.hpp"
#include "cli/terminal.hpp"
#include "core/export/csl_json_writer.hpp"
#include "core/pipeline/apply_published.hpp"
#include "core/pipeline/resolve_posts.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <memory>

namespace refs::cli {

namespace {

struct ResolveOptions {
  std::vector<std::string> posts;
  bool json = false;
  bool strict = false;
  bool verbose = false;
  bool published = false;
};

/// "title json-ld, author json-ld, issued opengraph": where the main fields
/// came from, for --verbose.
std::string provenance(const pipeline::ReferenceOutcome& r) {
  std::string out;
  for (const char* field : {"title", "author", "issued", "container-title", "DOI"}) {
    if (const auto it = r.sources.find(field); it != r.sources.end()) {
      out += (out.empty() ? "" : ", ") + std::string(field) + " " + it->second;
    }
  }
  return out.empty() ? "from the post's text" : out;
}

constexpr std::array<const char*, 6> k_kinds = {"arxiv", "doi", "pdf", "web", "note", "unsupported"};

/// "16 arxiv, 22 post": counts in first-seen order.
std::string counted(const std::vector<std::string>& values) {
  std::vector<std::pair<std::string, int>> counts;
  for (const std::string& v : values) {
    auto it = std::find_if(counts.begin(), counts.end(), [&](const auto& c) { return c.first == v; });
    if (it == counts.end()) {
      counts.emplace_back(v, 1);
    } else {
      ++it->second;
    }
  }
  std::string out;
  for (const auto& [value, n] : counts) {
    out += (out.empty() ? "" : ", ") + std::to_string(n) + " " + value;
  }
  return out;
}

std::string summary(const pipeline::ResolveOutcome& outcome) {
  std::map<std::string, int> kinds;
  std::map<std::string, int> statuses;
  std::vector<std::string> via;
  std::vector<std::string> problems;
  std::size_t total = 0;
  for (const auto& post : outcome.posts) {
    for (const auto& r : post.references) {
      ++kinds[r.kind];
      ++statuses[r.status];
      via.push_back(r.via);
      if (!r.problem.empty()) {
        problems.push_back(r.problem);
      }
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
  out += "; " + std::to_string(statuses["new"]) + " new, " + std::to_string(statuses["updated"]) + " updated, " +
         std::to_string(statuses["known"]) + " known\n";
  if (total > 0) {
    out += "data from: " + counted(via) + "\n";
  }
  if (!problems.empty()) {
    out += "fell back to the post's text: " + counted(problems) + "\n";
  }
  if (!outcome.merges.empty()) {
    out += "joined as one work: " + std::to_string(outcome.merges.size()) + " (see the notes)\n";
  }
  if (outcome.repeated_footnotes > 0) {
    out += "footnotes citing a work twice: " + std::to_string(outcome.repeated_footnotes) +
           " (see the warnings)\n";
  }
  if (outcome.title_mismatches > 0) {
    out += "titles unlike the link text: " + std::to_string(outcome.title_mismatches) + " (see the notes)\n";
  }
  return out;
}

std::string report(const pipeline::ResolveOutcome& outcome, bool verbose) {
  std::string out;
  for (const auto& post : outcome.posts) {
    if (outcome.posts.size() > 1) {
      out += post.path + ":\n";
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : post.references) {
      rows.push_back({r.reference.label, r.key, r.kind, r.via, r.title});
    }
    const std::string table = format_table(rows, terminal_width());
    if (!verbose) {
      out += table;
      continue;
    }
    std::size_t line_start = 0;
    for (const auto& r : post.references) {
      const std::size_t line_end = table.find('\n', line_start) + 1;
      out += table.substr(line_start, line_end - line_start) + "    " + provenance(r) +
             (r.reference.url.empty() ? "" : "; " + r.reference.url) + "\n";
      line_start = line_end;
    }
  }
  return out + summary(outcome);
}

int run(Context& ctx, store::Library& library, const ResolveOptions& options) {
  ProgressLine progress(is_terminal(stderr) && !ctx.quiet);
  const pipeline::ResolveOutcome outcome = pipeline::resolve_posts(library, ctx.config, options.posts, &progress);
  progress.finish();
  ctx.messages.print(outcome.diagnostics);
  const bool fell_back = std::any_of(outcome.posts.begin(), outcome.posts.end(), [](const auto& post) {
    return std::any_of(post.references.begin(), post.references.end(), [](const auto& r) { return !r.problem.empty(); });
  });
  if (fell_back) {
    ctx.messages.hint("run 'refs resolve --refresh' later to try the failed references again");
  }
  if (outcome.failed) {
    return 1;
  }
  std::vector<model::Citation> citations = outcome.citations;
  int published = 0;
  if (options.published) {
    ProgressLine versions(is_terminal(stderr) && !ctx.quiet);
    const pipeline::CitedVersions cited = pipeline::cite_published_versions(library, ctx.config, citations, &versions);
    versions.finish();
    summarize(ctx, cited.report, true);
    published = report_applied(ctx, cited.applied);
  }
  if (options.json) {
    write_stdout(exporting::to_csl_json_array(citations));
  } else {
    write_stdout(report(outcome, options.verbose));
  }
  return published != 0 || (options.strict && fell_back) ? 1 : 0;
}

} // namespace

Action add_resolve(CLI::App& sub) {
  auto options = std::make_shared<ResolveOptions>();
  sub.add_option("posts", options->posts, "Read these posts, or every *.md and *.markdown below a directory")
      ->required();
  sub.add_flag("--json,!--no-json", options->json, "Print the citations as CSL-JSON instead of a report");
  sub.add_flag("--strict,!--no-strict", options->strict, "Exit 1 when a reference fell back to the post's text");
  sub.add_flag("-v,--verbose,!--no-verbose", options->verbose, "Print under each reference where its fields came from");
  sub.add_flag("--published,!--no-published", options->published,
               "Cite the preprints' confirmed published versions (see `refs published`)");
  return [options](Context& ctx, store::Library& library) { return run(ctx, library, *options); };
}

} // namespace refs::cli
