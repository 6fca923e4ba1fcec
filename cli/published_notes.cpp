#include "cli/published_notes.hpp"

#include "cli/messages.hpp"

namespace refs::cli {

void summarize(Context& ctx, const pipeline::PublishedReport& report, bool applying) {
  if (report.findings.empty()) {
    ctx.messages.note("no arXiv preprint to look for");
    return;
  }
  std::size_t confirmed = 0;
  std::size_t candidates = 0;
  for (const store::PublishedFinding& f : report.findings) {
    confirmed += f.status == "confirmed" ? 1 : 0;
    candidates += f.status == "candidate" ? 1 : 0;
  }
  std::string line = plural(report.findings.size(), "preprint", "preprints") + ": " + std::to_string(confirmed) +
                     " confirmed, " + plural(candidates, "candidate", "candidates") + ", " +
                     std::to_string(report.findings.size() - confirmed - candidates) + " none found";
  if (confirmed > 0 && !applying) {
    line += "; `refs published --apply` applies the confirmed ones";
  }
  if (candidates > 0) {
    line += "; `refs published --accept KEY` applies a candidate, `--reject KEY` says it is another work";
  }
  ctx.messages.note(line);
  for (const std::string& w : report.warnings) {
    ctx.messages.warning(w);
  }
}

int report_applied(Context& ctx, const std::vector<tl::expected<pipeline::AppliedVersion, std::string>>& applied) {
  int status = 0;
  for (const auto& a : applied) {
    if (!a) {
      ctx.messages.error(a.error());
      status = 1;
      continue;
    }
    ctx.messages.note(a->key + ": now cited as published at " + a->venue + "; `refs published --undo " + a->key +
                      "` restores the preprint");
    if (!a->holder.empty()) {
      ctx.messages.note(a->key + ": " + a->holder + " in the library holds the same DOI; `refs dedupe --apply` joins them");
    }
  }
  return status;
}

} // namespace refs::cli
