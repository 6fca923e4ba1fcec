#include "cli/commands.hpp"
#include "core/pipeline/import_files.hpp"

#include <memory>

namespace refs::cli {

namespace {

struct ImportOptions {
  std::vector<std::string> files;
};

int run(Context& ctx, store::Library& library, const ImportOptions& options) {
  const pipeline::ImportOutcome outcome = pipeline::import_files(library, ctx.config, options.files);
  ctx.messages.print(outcome.diagnostics);
  for (const pipeline::FileImport& f : outcome.files) {
    ctx.messages.note(f.path + ": " + std::to_string(f.entries) + (f.entries == 1 ? " entry: " : " entries: ") +
                      std::to_string(f.added) + " new, " + std::to_string(f.updated) + " merged into the library, " +
                      std::to_string(f.known) + " known" +
                      (f.skipped > 0 ? "; " + std::to_string(f.skipped) + " skipped" : ""));
  }
  return outcome.failed ? 1 : 0;
}

} // namespace

Action add_import(CLI::App& sub) {
  auto options = std::make_shared<ImportOptions>();
  sub.add_option("files", options->files, "BibTeX, BibLaTeX or CSL-JSON files")->required();
  return [options](Context& ctx, store::Library& library) { return run(ctx, library, *options); };
}

} // namespace refs::cli
