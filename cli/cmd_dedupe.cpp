#include "cli/commands.hpp"
#include "cli/option_checks.hpp"
#include "cli/output.hpp"
#include "cli/table_printer.hpp"
#include "cli/terminal.hpp"
#include "core/pipeline/dedupe_library.hpp"
#include "core/pipeline/dedupe_post.hpp"
#include "core/store/merge_store.hpp"
#include "core/util/time.hpp"

#include <algorithm>
#include <memory>

#include <nlohmann/json.hpp>

namespace refs::cli {

namespace {

struct DedupeOptions {
  bool apply = false;
  std::int64_t undo = 0;
  bool force = false;
  bool history = false;
  std::vector<std::string> posts;
  bool write = false;
  bool json = false;
};

std::string year_text(int year) { return year > 0 ? std::to_string(year) : "-"; }

void print_plan(const pipeline::DedupePlan& plan) {
  std::string out;
  for (const pipeline::DedupeGroup& group : plan.groups) {
    std::vector<std::vector<std::string>> rows;
    for (const pipeline::GroupMember& m : group.members) {
      rows.push_back({m.with.empty() ? m.key : "  " + m.key, year_text(m.year),
                      m.with.empty() ? "kept" : dedupe::describe(m.match) + " with " + m.with, m.title});
    }
    out += format_table(rows, terminal_width()) + "\n";
  }
  write_stdout(out);
}

nlohmann::json plan_json(const pipeline::DedupePlan& plan) {
  nlohmann::json groups = nlohmann::json::array();
  for (const pipeline::DedupeGroup& group : plan.groups) {
    nlohmann::json members = nlohmann::json::array();
    for (const pipeline::GroupMember& m : group.members) {
      nlohmann::json member = {{"key", m.key}, {"title", m.title}};
      if (m.year > 0) {
        member["year"] = m.year;
      }
      if (!m.with.empty()) {
        member["rule"] = m.match.rule;
        member["score"] = m.match.score;
        member["detail"] = m.match.detail;
        member["with"] = m.with;
      }
      members.push_back(std::move(member));
    }
    groups.push_back({{"keep", group.members.front().key}, {"members", std::move(members)}});
  }
  return groups;
}

std::size_t joined_count(const pipeline::DedupePlan& plan) {
  std::size_t joined = 0;
  for (const pipeline::DedupeGroup& g : plan.groups) {
    joined += g.members.size() - 1;
  }
  return joined;
}

int run_plan(Context& ctx, store::Library& library, const DedupeOptions& options) {
  const pipeline::DedupePlan plan = pipeline::plan_dedupe(library);
  if (options.json) {
    write_stdout(plan_json(plan).dump(2) + "\n");
  } else {
    print_plan(plan);
  }
  if (plan.groups.empty()) {
    ctx.messages.note("no two of the " + plural(plan.citations, "citation", "citations") + " are one work");
    return 0;
  }
  ctx.messages.note(plural(plan.groups.size(), "group", "groups") + " of citations that are one work; " +
                    "`refs dedupe --apply` joins " + plural(joined_count(plan), "citation", "citations") +
                    " into the oldest of " + (plan.groups.size() == 1 ? "its group" : "their groups"));
  return 0;
}

int run_apply(Context& ctx, store::Library& library, const DedupeOptions& options) {
  const pipeline::DedupeApplied applied = pipeline::apply_dedupe(library, util::iso_timestamp(ctx.config.now));
  std::string out;
  nlohmann::json merges = nlohmann::json::array();
  for (const pipeline::Joined& j : applied.merges) {
    for (const store::MergeEntry& e : j.absorbed) {
      out += "merge " + std::to_string(j.merge) + ": joined " + e.key + " into " + j.key + " (" +
             dedupe::describe(e.match) + ")\n";
      merges.push_back({{"merge", j.merge}, {"keep", j.key}, {"key", e.key}, {"rule", e.match.rule},
                        {"score", e.match.score}, {"detail", e.match.detail}});
    }
  }
  write_stdout(options.json ? merges.dump(2) + "\n" : out);
  if (applied.merges.empty()) {
    ctx.messages.note("no two of the " + plural(applied.plan.citations, "citation", "citations") + " are one work");
    return 0;
  }
  ctx.messages.note(plural(applied.merges.size(), "merge", "merges") + " joined " +
                    plural(joined_count(applied.plan), "citation", "citations") + " into the oldest of " +
                    (applied.merges.size() == 1 ? "its group" : "their groups") +
                    "; their keys still name them; `refs dedupe --undo MERGE` separates a merge again");
  return 0;
}

int run_history(store::Library& library) {
  std::vector<std::vector<std::string>> rows;
  for (const store::MergeRecord& m : pipeline::dedupe_history(library)) {
    std::string joined;
    for (const store::MergeEntry& e : m.entries) {
      joined += (joined.empty() ? "" : ", ") + e.key + " (" + dedupe::describe(e.match) + ")";
    }
    rows.push_back({"merge " + std::to_string(m.id), m.merged_at, m.survivor_key + " <- " + joined,
                    m.undone_at.empty() ? "" : "undone " + m.undone_at});
  }
  write_stdout(format_table(rows, terminal_width()));
  return 0;
}

int run_undo(Context& ctx, store::Library& library, const DedupeOptions& options) {
  const store::MergeRecord undone =
      pipeline::undo_dedupe(library, options.undo, util::iso_timestamp(ctx.config.now), options.force);
  std::string keys = undone.survivor_key;
  for (const store::MergeEntry& e : undone.entries) {
    keys += ", " + e.key;
  }
  ctx.messages.note("undid merge " + std::to_string(options.undo) + ": " + keys + " are separate citations again");
  return 0;
}

int run_posts(Context& ctx, store::Library& library, const DedupeOptions& options) {
  int status = 0;
  std::string diffs;
  for (const std::string& path : options.posts) {
    auto found = pipeline::find_repeated_footnotes(library, ctx.config, path);
    if (!found) {
      ctx.messages.error(found.error());
      status = 1;
      continue;
    }
    // In the post's order, joined or not.
    std::vector<std::pair<const pipeline::RepeatedFootnote*, bool>> found_in_order;
    for (const auto& r : found->repeats) {
      found_in_order.emplace_back(&r, true);
    }
    for (const auto& r : found->kept_apart) {
      found_in_order.emplace_back(&r, false);
    }
    std::sort(found_in_order.begin(), found_in_order.end(),
              [](const auto& a, const auto& b) { return a.first->drop_line < b.first->drop_line; });
    for (const auto& [r, joined] : found_in_order) {
      ctx.messages.note(path + ":" + std::to_string(r->drop_line) + ": [^" + r->join.drop + "] cites the same work as [^" +
                        r->join.keep + "] (line " + std::to_string(r->keep_line) + ")" +
                        (!joined ? " but says more; left as it is" : options.write ? "; joined into it" : ""));
    }
    if (found->repeats.empty()) {
      ctx.messages.note(path + ": no footnote to join");
      continue;
    }
    if (options.write) {
      pipeline::write_joined_post(*found);
    } else {
      diffs += found->diff;
    }
  }
  write_stdout(diffs);
  return status;
}

int run(Context& ctx, store::Library& library, const DedupeOptions& options) {
  if (options.undo != 0) {
    return run_undo(ctx, library, options);
  }
  if (options.history) {
    return run_history(library);
  }
  if (!options.posts.empty()) {
    return run_posts(ctx, library, options);
  }
  return options.apply ? run_apply(ctx, library, options) : run_plan(ctx, library, options);
}

} // namespace

Action add_dedupe(CLI::App& sub) {
  auto options = std::make_shared<DedupeOptions>();
  auto* apply = sub.add_flag("--apply,!--no-apply", options->apply, "Join each group into its oldest citation");
  auto* undo = sub.add_option("--undo", options->undo, "Separate the citations of merge MERGE again")
                   ->option_text("MERGE")
                   ->check(whole_number_at_least(1));
  sub.add_flag("--force,!--no-force", options->force, "With --undo: undo even if the entry changed since the merge")
      ->needs(undo);
  auto* history = sub.add_flag("--history,!--no-history", options->history, "List every merge, with its number");
  auto* post = sub.add_option("--post", options->posts,
                              "Find footnotes of POST that cite the same work; print the diff joining them")
                   ->option_text("POST");
  sub.add_flag("--write,!--no-write", options->write, "Rewrite the posts (atomically) instead of printing the diff")
      ->needs(post);
  sub.add_flag("--json,!--no-json", options->json, "Print the groups (or with --apply, the merges) as JSON");
  apply->excludes(undo)->excludes(history)->excludes(post);
  undo->excludes(history)->excludes(post);
  history->excludes(post);
  return [options](Context& ctx, store::Library& library) { return run(ctx, library, *options); };
}

} // namespace refs::cli
