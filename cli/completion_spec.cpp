#include "cli/completion_spec.hpp"

#include "core/csl/csl_fields.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

namespace refs::cli {

namespace {

/// What the operands of each command are; a command not named takes none.
constexpr std::array<std::pair<std::string_view, Completes>, 12> k_operands = {{
    {"show", Completes::keys},     {"set", Completes::keys},       {"rm", Completes::keys},
    {"export", Completes::keys},   {"published", Completes::keys}, {"resolve", Completes::posts},
    {"cite", Completes::posts},    {"check", Completes::posts},    {"import", Completes::files},
    {"extract", Completes::files}, {"search", Completes::words},   {"completion", Completes::words},
}};

Completes operands_of(std::string_view command) {
  for (const auto& [name, kind] : k_operands) {
    if (name == command) {
      return kind;
    }
  }
  return Completes::nothing;
}

/// "full|link" as CLI11 names an option's choices.
std::vector<std::string> choices(const std::string& type_name) {
  if (type_name.find('|') == std::string::npos || type_name.find(' ') != std::string::npos) {
    return {};
  }
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t bar; (bar = type_name.find('|', start)) != std::string::npos; start = bar + 1) {
    out.push_back(type_name.substr(start, bar - start));
  }
  out.push_back(type_name.substr(start));
  return out;
}

Completes value_kind(const std::vector<std::string>& names) {
  const auto named = [&](const char* n) { return std::find(names.begin(), names.end(), n) != names.end(); };
  if (named("--post")) {
    return Completes::posts;
  }
  return named("--db") || named("--output") || named("--cacert") ? Completes::files : Completes::nothing;
}

OptionWords option_words(const CLI::Option& opt) {
  OptionWords out;
  for (const std::string& s : opt.get_snames()) {
    out.names.push_back("-" + s);
  }
  for (const std::string& l : opt.get_lnames()) {
    // `!--no-json` beside `--json`: the default needs no saying.
    const bool negation = l.starts_with("no-") && std::find(opt.get_lnames().begin(), opt.get_lnames().end(),
                                                           l.substr(3)) != opt.get_lnames().end();
    if (!negation) {
      out.names.push_back("--" + l);
    }
  }
  out.help = opt.get_description();
  out.takes_value = opt.get_expected_max() != 0; // flags expect none
  out.words = choices(opt.get_option_text().empty() ? opt.get_type_name() : opt.get_option_text());
  out.value = out.words.empty() ? value_kind(out.names) : Completes::words;
  return out;
}

/// The options of `app` and of its option groups (export's formats), with
/// or without -h/--help.
std::vector<OptionWords> options_of(const CLI::App& app, bool help) {
  std::vector<OptionWords> out;
  for (const CLI::Option* opt : app.get_options()) {
    if (opt->nonpositional() && (help || opt != app.get_help_ptr())) {
      out.push_back(option_words(*opt));
    }
  }
  for (const CLI::App* group : app.get_subcommands({})) {
    if (group->get_name().empty()) {
      const std::vector<OptionWords> more = options_of(*group, false);
      out.insert(out.end(), more.begin(), more.end());
    }
  }
  return out;
}

} // namespace

CompletionSpec completion_spec(const CLI::App& app) {
  CompletionSpec spec;
  // The help option is each command's own; the global list goes with every one.
  spec.global = options_of(app, false);
  for (const CLI::App* sub : app.get_subcommands({})) {
    if (sub->get_name().empty()) {
      continue; // an option group
    }
    CommandWords command{sub->get_name(), sub->get_description(), options_of(*sub, true)};
    command.operands = operands_of(command.name);
    for (const CLI::App* nested : sub->get_subcommands({})) {
      if (!nested->get_name().empty()) { // `cache clear`
        command.operands = Completes::words;
        command.words.push_back(nested->get_name());
      }
    }
    if (command.name == "search") {
      command.words = {"title:", "author:", "venue:", "key:", "id:", "year:", "type:", "post:"};
    } else if (command.name == "completion") {
      command.words = {"bash", "zsh"};
    } else if (command.name == "set") {
      command.after_key.push_back("key=");
      for (std::string_view field : csl::field_names()) {
        command.after_key.push_back(std::string(field) + "=");
      }
    }
    spec.commands.push_back(std::move(command));
  }
  return spec;
}

std::string value_arms(const CompletionSpec& spec, const Reply& reply) {
  std::string out;
  const auto arm = [&](const std::string& pattern, const OptionWords& o) {
    for (const std::string& name : o.takes_value ? o.names : std::vector<std::string>{}) {
      const std::string action = reply(o.value, o.words);
      out += "    " + pattern + name + "\") " + (action.empty() ? "" : action + "; ") + "return ;;\n";
    }
  };
  for (const CommandWords& c : spec.commands) {
    for (const OptionWords& o : c.options) {
      arm("\"" + c.name + " ", o);
    }
  }
  for (const OptionWords& o : spec.global) {
    arm("*\" ", o);
  }
  return out;
}

std::string valued_pattern(const CompletionSpec& spec) {
  std::string out;
  const auto add = [&](const std::vector<OptionWords>& options) {
    for (const OptionWords& o : options) {
      for (const std::string& name : o.takes_value ? o.names : std::vector<std::string>{}) {
        out += (out.empty() ? "" : "|") + name;
      }
    }
  };
  add(spec.global);
  for (const CommandWords& c : spec.commands) {
    add(c.options);
  }
  return out;
}

} // namespace refs::cli
