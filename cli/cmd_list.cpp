#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/table_printer.hpp"
#include "cli/terminal.hpp"
#include "core/export/csl_json_writer.hpp"
#include "core/pipeline/query_library.hpp"

#include <memory>

namespace refs::cli {

namespace {

struct ListOptions {
  bool orphans = false;
  bool json = false;
  bool keys = false;
};

int run(Context& ctx, store::Library& library, const ListOptions& options) {
  if (options.keys) {
    std::string out;
    for (const std::string& key : pipeline::citation_keys(library, options.orphans)) {
      out += key + "\n";
    }
    write_stdout(out);
    return 0;
  }
  const pipeline::CitationList list = pipeline::list_citations(library, options.orphans);
  const auto& views = list.citations;
  for (const std::string& damaged : list.damaged) {
    ctx.messages.error(damaged + "; left out");
  }
  const int status = list.damaged.empty() ? 0 : 1;
  if (options.json) {
    std::vector<model::Citation> citations;
    for (const auto& v : views) {
      citations.push_back(v.citation);
    }
    write_stdout(exporting::to_csl_json_array(citations));
    return status;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& v : views) {
    const auto& c = v.citation;
    rows.push_back({c.key, c.type, c.issued.year > 0 ? std::to_string(c.issued.year) : "-",
                    std::to_string(v.posts.size()), c.title});
  }
  write_stdout(format_table(rows, terminal_width()));
  return status;
}

} // namespace

Action add_list(CLI::App& sub) {
  auto options = std::make_shared<ListOptions>();
  sub.add_flag("--orphans,!--no-orphans", options->orphans, "List only citations no post uses any more");
  sub.add_flag("--json,!--no-json", options->json, "Print the citations as CSL-JSON");
  sub.add_flag("--keys,!--no-keys", options->keys, "Print only the keys, one per line (for scripts and completion)")
      ->excludes(sub.get_option("--json"));
  return [options](Context& ctx, store::Library& library) { return run(ctx, library, *options); };
}

} // namespace refs::cli
