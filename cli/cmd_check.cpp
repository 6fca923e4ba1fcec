#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/progress_line.hpp"
#include "cli/table_printer.hpp"
#include "cli/terminal.hpp"
#include "core/pipeline/check_links.hpp"
#include "core/pipeline/save_pages.hpp"
#include "core/post/archive_links.hpp"
#include "core/post/post_file.hpp"
#include "core/util/time.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <map>
#include <memory>
#include <set>

namespace refs::cli {

namespace {

struct CheckOptions {
  std::vector<std::string> posts;
  bool archive = false;
  bool write = false;
  bool json = false;
  bool save = false;
};

constexpr std::array<check::Verdict, 8> k_verdicts = {check::Verdict::ok,       check::Verdict::moved,
                                                      check::Verdict::blocked,  check::Verdict::throttled,
                                                      check::Verdict::soft_404, check::Verdict::dead,
                                                      check::Verdict::suspect,  check::Verdict::unknown};

std::string day_of(std::int64_t unix_seconds) { return util::iso_timestamp(unix_seconds).substr(0, 10); }

/// The last column of a link's line: why, and what to do.
std::string detail(const pipeline::LinkReport& link) {
  std::string out = link.detail;
  if (link.verdict == check::Verdict::moved) {
    out = "now " + link.moved_to;
  } else if (link.verdict == check::Verdict::dead) {
    out += "; failing since " + day_of(link.failing_since);
  } else if (link.verdict == check::Verdict::suspect) {
    out += "; dead if it still fails on " + day_of(link.failing_since + check::k_dead_after);
  }
  if (!link.archive_url.empty()) {
    out += "; archived " + link.archive_date.substr(0, 10) + ": " + link.archive_url;
  } else if (!link.archive_problem.empty()) {
    out += "; " + link.archive_problem;
  }
  return out;
}

std::string summary(const pipeline::CheckOutcome& outcome) {
  std::set<std::string> posts;
  std::map<check::Verdict, int> counts;
  for (const auto& link : outcome.links) {
    posts.insert(link.post);
    ++counts[link.verdict];
  }
  std::string out = std::to_string(outcome.links.size()) + (outcome.links.size() == 1 ? " link" : " links") + " in " +
                    std::to_string(posts.size()) + (posts.size() == 1 ? " post" : " posts") + " (" +
                    std::to_string(outcome.urls) + (outcome.urls == 1 ? " URL" : " URLs") + ")";
  std::string sep = ": ";
  for (check::Verdict v : k_verdicts) {
    if (counts[v] > 0) {
      out += sep + std::to_string(counts[v]) + " " + std::string(check::to_string(v));
      sep = ", ";
    }
  }
  return out + "\n";
}

std::string report(const pipeline::CheckOutcome& outcome) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& link : outcome.links) {
    rows.push_back({std::string(check::to_string(link.verdict)), link.post + ":" + std::to_string(link.line),
                    "[^" + link.label + "]", link.url, detail(link)});
  }
  return format_table(rows, terminal_width()) + summary(outcome);
}

std::string json_report(const pipeline::CheckOutcome& outcome) {
  nlohmann::ordered_json links = nlohmann::ordered_json::array();
  nlohmann::ordered_json counts = nlohmann::ordered_json::object();
  for (check::Verdict v : k_verdicts) {
    counts[std::string(check::to_string(v))] = 0;
  }
  for (const auto& link : outcome.links) {
    nlohmann::ordered_json item = {{"post", link.post},     {"line", link.line},
                                   {"label", link.label},   {"url", link.url},
                                   {"verdict", check::to_string(link.verdict)}, {"detail", link.detail}};
    if (!link.moved_to.empty()) {
      item["moved_to"] = link.moved_to;
    }
    if (link.failing_since != 0) {
      item["failing_since"] = util::iso_timestamp(link.failing_since);
    }
    if (!link.archive_url.empty()) {
      item["archive"] = {{"url", link.archive_url}, {"date", link.archive_date}};
    } else if (!link.archive_problem.empty()) {
      item["archive_problem"] = link.archive_problem;
    }
    links.push_back(std::move(item));
    counts[std::string(check::to_string(link.verdict))] = counts[std::string(check::to_string(link.verdict))].get<int>() + 1;
  }
  nlohmann::ordered_json out = {{"links", links}, {"urls", outcome.urls}, {"verdicts", counts}};
  return out.dump(2) + "\n";
}

/// Adds each found capture to its footnote, one atomic write per post,
/// from the text that was checked: a post edited since is refused
/// (replace_post throws refs::Error naming it).
void write_archive_links(Context& ctx, const pipeline::CheckOutcome& outcome) {
  std::map<std::string, std::vector<post::ArchiveLink>> by_post;
  for (const auto& link : outcome.links) {
    if (!link.archive_url.empty()) {
      by_post[link.post].push_back({link.line, link.url, link.archive_url});
    }
  }
  for (const auto& [path, text] : outcome.posts) {
    const auto links = by_post.find(path);
    if (links == by_post.end()) {
      continue;
    }
    const std::string after = post::add_archive_links(text, links->second);
    if (after != text) {
      post::replace_post(path, text, after);
      ctx.messages.print(model::Diagnostic{model::Severity::note, path, "added archived copies to its footnotes"});
    }
  }
}

/// Sends the live links to Save Page Now, and says what came of it.
void save_live_pages(Context& ctx, store::Library& library, const pipeline::CheckOutcome& outcome, ProgressLine& progress) {
  std::vector<std::string> live;
  for (const auto& link : outcome.links) {
    if (link.verdict == check::Verdict::ok && std::find(live.begin(), live.end(), link.url) == live.end()) {
      live.push_back(link.url);
    }
  }
  const pipeline::SaveReport saved = pipeline::save_pages(library, ctx.config, live, &progress);
  progress.finish();
  int sent = 0;
  int recent = 0;
  for (const auto& page : saved.pages) {
    if (!page.problem.empty()) {
      ctx.messages.print(model::Diagnostic{model::Severity::warning, page.url, page.problem});
    }
    sent += page.job.empty() ? 0 : 1;
    recent += page.recent ? 1 : 0;
  }
  if (!saved.gave_up.empty()) {
    ctx.messages.print(model::Diagnostic{model::Severity::warning, "web.archive.org", saved.gave_up});
  }
  ctx.messages.print(model::Diagnostic{model::Severity::note, "web.archive.org",
                                       "Save Page Now took " + std::to_string(sent) + " of " + std::to_string(live.size()) +
                                           " live pages; " + std::to_string(recent) + " had a capture from the last 30 days"});
}

int run(Context& ctx, store::Library& library, CheckOptions options) {
  options.archive = options.archive || options.write;
  if (ctx.config.offline) {
    ctx.messages.error("refs check makes requests: it cannot run --offline");
    return 2;
  }
  if (options.save && (ctx.config.archive_access_key.empty() || ctx.config.archive_secret_key.empty())) {
    ctx.messages.error("--save needs your archive.org S3 keys");
    ctx.messages.hint("set IA_ACCESS_KEY_ID and IA_SECRET_ACCESS_KEY, or archive_access_key and archive_secret_key in "
                      "config.toml (https://archive.org/account/s3.php)");
    return 2;
  }
  ProgressLine progress(is_terminal(stderr) && !ctx.quiet);
  const pipeline::CheckOutcome outcome = pipeline::check_links(library, ctx.config, options.posts, options.archive, &progress);
  progress.finish();
  ctx.messages.print(outcome.diagnostics);
  if (outcome.failed) {
    return 1;
  }
  if (!outcome.archive_warning.empty()) {
    ctx.messages.print(model::Diagnostic{model::Severity::warning, "web.archive.org", outcome.archive_warning});
  }
  if (options.write) {
    write_archive_links(ctx, outcome);
  }
  if (options.save) {
    save_live_pages(ctx, library, outcome, progress);
  }
  write_stdout(options.json ? json_report(outcome) : report(outcome));
  const bool dead = std::any_of(outcome.links.begin(), outcome.links.end(),
                                [](const auto& link) { return link.verdict == check::Verdict::dead; });
  return dead ? 1 : 0;
}

} // namespace

Action add_check(CLI::App& sub) {
  auto options = std::make_shared<CheckOptions>();
  sub.add_option("posts", options->posts, "Check these posts, or every *.md below a directory (default: every post in the library)");
  sub.add_flag("--archive", options->archive,
               "Find the Wayback Machine's capture nearest the post's date for each dead, soft-404 or suspect link");
  sub.add_flag("--write,!--no-write", options->write,
               "Add those captures to the posts' footnotes: [Title](URL) ([archived](CAPTURE)); implies --archive");
  sub.add_flag("--json,!--no-json", options->json, "Print the verdicts as JSON");
  sub.add_flag("--save,!--no-save", options->save,
               "Ask Save Page Now to capture live pages without a capture from the last 30 days (needs archive.org S3 keys)");
  return [options](Context& ctx, store::Library& library) { return run(ctx, library, *options); };
}

} // namespace refs::cli
