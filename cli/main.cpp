// The refs command line: builds the CLI11 app from the command table, opens
// the library as the chosen command needs, and is the one place that
// catches refs::Error.
#include "cli/commands.hpp"
#include "cli/option_checks.hpp"
#include "cli/spelling.hpp"
#include "cli/terminal.hpp"
#include "core/util/error.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <iostream>
#include <map>

namespace refs::cli {

namespace {

constexpr const char* k_version = "refs " REFS_VERSION;

void add_global_options(CLI::App& app, GlobalOptions& global) {
  app.add_option("--db", global.db, "Use this library file (default $REFS_DB, then $XDG_DATA_HOME/refs/library.sqlite)");
  app.add_flag("--offline,!--no-offline", global.offline, "Make no network request; use stored and post data only");
  app.add_flag("--refresh,!--no-refresh", global.refresh, "Fetch again what is cached, failures included");
  app.add_flag("-q,--quiet,!--no-quiet", global.quiet, "Print only errors and the output asked for");
  app.add_option("--connect-to", global.connect_to, "Connect to another host:port for HOST:PORT, as curl does")
      ->type_name("HOST:PORT:CONNECT-TO-HOST:CONNECT-TO-PORT");
  app.add_option("--cacert", global.cacert, "Trust the CA certificates in this PEM file");
  app.add_option("--jobs", global.jobs, "Make at most this many requests at once (default 8)")
      ->check(whole_number_at_least(1));
  app.add_option("--timeout", global.timeout, "Give each try of a request this many seconds (default 20)")
      ->check(whole_number_at_least(1));
  app.add_option("--mailto", global.mailto, "Name this contact address in the User-Agent (arXiv and Crossref ask)");
  app.add_option("--arxiv-api", global.arxiv_api, "Use this arXiv API URL (default https://export.arxiv.org/api/query)");
  app.add_flag("--allow-private,!--no-allow-private", global.allow_private,
               "Fetch URLs on localhost and private networks too");
  app.add_flag("--no-archive", global.no_archive,
               "Look up no archived copies of pages that are gone or walled (check --archive still does)");
  app.set_version_flag("--version", k_version, "Print the version and exit");
}

/// The first word of the command line that is neither an option nor the
/// value of a global option taking one: what the user meant as the command.
std::string command_word(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--db") {
      ++i;
    } else if (!arg.starts_with("-")) {
      return arg;
    }
  }
  return "";
}

/// CLI11's own exit codes for usage errors are 100 and up; ours is 2, and
/// our messages start in lower case.
int usage_error(const CLI::App& app, const CLI::ParseError& e, const Messages& messages,
                const std::string& word) {
  std::vector<std::string_view> names;
  for (const Command& command : commands()) {
    names.push_back(command.name);
  }
  if (app.get_subcommands().empty() && !word.empty() &&
      std::find(names.begin(), names.end(), word) == names.end()) {
    messages.error("unknown command '" + word + "'");
    if (auto guess = closest_spelling(word, names)) {
      messages.hint("did you mean 'refs " + *guess + "'?");
    }
    messages.hint("run 'refs --help' for the list of commands");
    return 2;
  }
  std::string text = e.what();
  if (!text.empty()) {
    text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  }
  std::string command;
  for (const CLI::App* sub : app.get_subcommands()) {
    command = sub->get_name();
  }
  messages.error(text);
  messages.hint("run 'refs " + (command.empty() ? "" : command + " ") + "--help'");
  return 2;
}

/// Runs the parsed command against the library, opened as it needs.
int dispatch(const CLI::App& app, const GlobalOptions& global, std::map<std::string, Action>& actions,
             Context& ctx) {
  auto config = make_config(global);
  if (!config) {
    ctx.messages.error(config.error());
    return 1;
  }
  ctx.config = *config;
  for (const Command& command : commands()) {
    if (app.got_subcommand(command.name)) {
      // A command that needs no library gets an empty one in memory.
      const auto access =
          command.needs == Needs::write_library ? store::Access::read_write : store::Access::read_only;
      const std::filesystem::path path = command.needs == Needs::no_library ? "" : ctx.config.library;
      store::Library library = store::Library::open(path, access);
      return actions[command.name](ctx, library);
    }
  }
  return 2;
}

int run(int argc, char** argv) {
  CLI::App app{"refs: turn the footnote links of Markdown posts into citations", "refs"};
  app.fallthrough();
  app.require_subcommand(1);
  GlobalOptions global;
  add_global_options(app, global);
  std::map<std::string, Action> actions;
  for (const Command& command : commands()) {
    CLI::App* sub = app.add_subcommand(command.name, command.help);
    actions[command.name] = command.add(*sub);
  }
  const char* no_color = std::getenv("NO_COLOR");
  const bool colour = is_terminal(stderr) && (no_color == nullptr || *no_color == '\0');
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    return usage_error(app, e, Messages(colour, false), command_word(argc, argv));
  }
  Context ctx{{}, Messages(colour, global.quiet), global.quiet};
  try {
    return dispatch(app, global, actions, ctx);
  } catch (const Error& e) {
    ctx.messages.error(e.what());
    return 1;
  }
}

} // namespace

} // namespace refs::cli

int main(int argc, char** argv) { return refs::cli::run(argc, argv); }
