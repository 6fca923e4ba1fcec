#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/progress_line.hpp"
#include "cli/published_notes.hpp"
#include "cli/terminal.hpp"
#include "core/csl/csl_json.hpp"
#include "core/pipeline/apply_published.hpp"
#include "core/pipeline/find_published.hpp"
#include "core/pipeline/published_preprints.hpp"
#include "core/util/time.hpp"

#include <memory>

#include <nlohmann/json.hpp>

namespace refs::cli {

namespace {

struct PublishedOptions {
  std::vector<std::string> keys;
  bool json = false;
  bool apply = false;
  std::string accept;
  std::string reject;
  std::string undo;
  bool force = false;
};

std::string status_text(const store::PublishedFinding& f, bool applied) {
  if (f.status == "none") {
    return "none found";
  }
  return (applied ? "applied (" + f.status + ")" : f.status) + ": " + f.venue;
}

/// One block per preprint: the verdict, then the evidence (or what was
/// asked), indented.
std::string report_text(const std::vector<pipeline::Preprint>& preprints, const pipeline::PublishedReport& report) {
  std::string out;
  for (std::size_t i = 0; i < preprints.size(); ++i) {
    const store::PublishedFinding& f = report.findings[i];
    out += preprints[i].citation.key + "  " + status_text(f, preprints[i].applied) + "\n";
    if (f.record && f.record->title != preprints[i].citation.title) {
      out += "    title: " + f.record->title + "\n";
    }
    for (const std::string& line : f.evidence) {
      out += "    evidence: " + line + "\n";
    }
    if (!f.asked.empty()) {
      out += "    asked: " + f.asked + "\n";
    }
  }
  return out;
}

nlohmann::ordered_json report_json(const std::vector<pipeline::Preprint>& preprints, const pipeline::PublishedReport& report) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < preprints.size(); ++i) {
    const store::PublishedFinding& f = report.findings[i];
    nlohmann::ordered_json item = {{"key", preprints[i].citation.key},
                                   {"arxiv", f.arxiv_id},
                                   {"status", f.status},
                                   {"applied", preprints[i].applied},
                                   {"cached", static_cast<bool>(report.cached[i])}};
    if (f.record) {
      item["venue"] = f.venue;
      item["workshop"] = f.workshop;
      item["identity"] = f.identity;
      item["version"] = csl::to_csl_json(*f.record);
    }
    item["evidence"] = f.evidence;
    if (!f.asked.empty()) {
      item["asked"] = f.asked;
    }
    out.push_back(std::move(item));
  }
  return out;
}

/// --accept, --reject or --undo: one preprint.
int run_single(Context& ctx, store::Library& library, const PublishedOptions& options) {
  if (!options.undo.empty()) {
    const auto undone = pipeline::undo_published_version(library, options.undo, util::iso_timestamp(ctx.config.now), options.force);
    if (!undone) {
      ctx.messages.error(undone.error());
      return 1;
    }
    ctx.messages.note(options.undo + ": cited as the arXiv preprint again");
    return 0;
  }
  ProgressLine progress(is_terminal(stderr) && !ctx.quiet);
  if (!options.reject.empty()) {
    const auto rejected = pipeline::reject_published_version(library, ctx.config, options.reject, &progress);
    progress.finish();
    if (!rejected) {
      ctx.messages.error(rejected.error());
      return 1;
    }
    ctx.messages.note(options.reject + ": " + rejected->identity + " (" + rejected->venue +
                      ") is recorded as another work; it is never proposed again");
    return 0;
  }
  const auto accepted = pipeline::accept_published_version(library, ctx.config, options.accept, &progress);
  progress.finish();
  return report_applied(ctx, {accepted});
}

int run(Context& ctx, store::Library& library, const PublishedOptions& options) {
  if (!options.accept.empty() || !options.reject.empty() || !options.undo.empty()) {
    return run_single(ctx, library, options);
  }
  const auto preprints = pipeline::library_preprints(library, options.keys);
  if (!preprints) {
    ctx.messages.error(preprints.error());
    return 1;
  }
  ProgressLine progress(is_terminal(stderr) && !ctx.quiet);
  const pipeline::PublishedReport report = pipeline::find_published_versions(library, ctx.config, *preprints, &progress);
  progress.finish();
  write_stdout(options.json ? report_json(*preprints, report).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n"
                            : report_text(*preprints, report));
  summarize(ctx, report, options.apply);
  if (!options.apply) {
    return 0;
  }
  return report_applied(ctx, pipeline::apply_confirmed_versions(library, *preprints, report, util::iso_timestamp(ctx.config.now)));
}

} // namespace

Action add_published(CLI::App& sub) {
  auto options = std::make_shared<PublishedOptions>();
  sub.add_option("keys", options->keys, "Look only at these preprints (default: every preprint in the library)")
      ->option_text("KEY...");
  sub.add_flag("--json,!--no-json", options->json, "Print the findings as JSON");
  auto* apply = sub.add_flag("--apply,!--no-apply", options->apply, "Cite every confirmed published version");
  auto* accept = sub.add_option("--accept", options->accept, "Cite the candidate version found for KEY")->option_text("KEY");
  auto* reject = sub.add_option("--reject", options->reject, "Record that the version found for KEY is another work")
                     ->option_text("KEY");
  auto* undo = sub.add_option("--undo", options->undo, "Cite KEY as the preprint again")->option_text("KEY");
  sub.add_flag("--force,!--no-force", options->force, "With --undo: undo even if the citation changed since")->needs(undo);
  apply->excludes(accept)->excludes(reject)->excludes(undo);
  accept->excludes(reject)->excludes(undo);
  reject->excludes(undo);
  return [options](Context& ctx, store::Library& library) { return run(ctx, library, *options); };
}

} // namespace refs::cli
