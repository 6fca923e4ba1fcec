#include "cli/shell_completion.hpp"

namespace refs::cli {

// zsh's completion system (zshcompsys, zshcompwid): a #compdef function
// sees `words` and CURRENT and hands candidates to compadd (_describe for
// ones with help, _files for files); compset -P moves a prefix the
// candidates do not hold ("[@") out of the way.

namespace {

/// `text` as one single-quoted zsh word.
std::string quoted_word(const std::string& text) {
  std::string out = "'";
  for (const char ch : text) {
    out += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
  }
  return out + "'";
}

/// An entry of a _describe list: "name:help", the name's colons escaped.
std::string described(const std::string& name, const std::string& help) {
  std::string out;
  for (const char ch : name) {
    out += ch == ':' ? std::string("\\:") : std::string(1, ch);
  }
  return quoted_word(out + ":" + help);
}

std::string words_array(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    out += std::string(" ") + quoted_word(w);
  }
  return out;
}

std::string option_entries(const std::vector<OptionWords>& options) {
  std::string out;
  for (const OptionWords& o : options) {
    for (const std::string& name : o.names) {
      out += std::string(" ") + described(name, o.help);
    }
  }
  return out;
}

std::string reply(Completes kind, const std::vector<std::string>& words) {
  switch (kind) {
  case Completes::words: return std::string("compadd -Q --") + words_array(words);
  case Completes::keys: return "_refs_keys";
  case Completes::posts: return "_files -g '*.(md|markdown)'";
  case Completes::files: return "_files";
  case Completes::nothing: break;
  }
  return "";
}

std::string command_arms(const CompletionSpec& spec, bool options) {
  std::string out;
  for (const CommandWords& c : spec.commands) {
    std::string action;
    if (options) {
      action = std::string("opts=(") + option_entries(c.options) + option_entries(spec.global) + "); _describe -t options option opts";
    } else if (!c.after_key.empty()) {
      action = std::string("if (( operands == 0 )); then ") + reply(c.operands, c.words) + "; else compadd -Q -S '' --" +
               words_array(c.after_key) + "; fi";
    } else {
      action = reply(c.operands, c.words);
      if (c.name == "search") {
        action = std::string("compadd -Q -S '' --") + words_array(c.words);
      }
    }
    if (!action.empty()) {
      out += "    " + c.name + ") " + action + " ;;\n";
    }
  }
  return out;
}

void fill(std::string& script, const std::string& marker, const std::string& text) {
  script.replace(script.find(marker), marker.size(), text);
}

} // namespace

std::string zsh_completion(const CompletionSpec& spec) {
  std::string commands;
  for (const CommandWords& c : spec.commands) {
    commands += std::string(" ") + described(c.name, c.help);
  }
  std::string script = R"zsh(#compdef refs
# zsh completion for refs, written by `refs completion zsh`.
# Now:      source <(refs completion zsh)    (after compinit)
# For good: refs completion zsh > ~/.zfunc/_refs, with ~/.zfunc in fpath before compinit

# The library's keys, from the library the command line names with --db.
_refs_keys() {
  local -a keys
  keys=(${(f)"$(${words[1]} $_refs_db list --keys 2>/dev/null)"})
  # Not -Q: keys come from other tools' files and may hold $, ` or spaces.
  compadd -a keys
}

_refs() {
  local cmd= w i operands=0
  local -a _refs_db opts
  for (( i = 2; i < CURRENT; i++ )); do
    w=${words[i]}
    case $w in
      --db) _refs_db=(--db ${words[i+1]/#\~/$HOME}); (( i++ )) ;;
      --db=*) w=${w#--db=}; _refs_db=(--db ${w/#\~/$HOME}) ;;
      VALUED) (( i++ )) ;;
      -*) ;;
      *) if [[ -z $cmd ]]; then cmd=$w; else (( operands++ )); fi ;;
    esac
  done
  local cur=${words[CURRENT]} prev=${words[CURRENT-1]}
  case "$cmd $prev" in
VALUES  esac
  if [[ $cur == @* || $cur == '[@'* ]]; then
    local close=
    [[ $cur == '[@'* ]] && close=']'
    compset -P '*@'
    local -a keys
    keys=(${(f)"$(${words[1]} $_refs_db list --keys 2>/dev/null)"})
    compadd -S "$close" -a keys
    return
  fi
  if [[ -z $cmd ]]; then
    if [[ $cur == -* ]]; then
      opts=('-h:Print this help message and exit' '--help:Print this help message and exit'GLOBAL)
      _describe -t options option opts
    else
      local -a commands
      commands=(COMMANDS)
      _describe -t commands 'refs command' commands
    fi
    return
  fi
  if [[ $cur == -* ]]; then
    case $cmd in
OPTIONS    esac
    return
  fi
  case $cmd in
OPERANDS  esac
}

if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  _refs "$@"
else
  compdef _refs refs
fi
)zsh";
  fill(script, "VALUED", valued_pattern(spec));
  fill(script, "VALUES", value_arms(spec, reply));
  fill(script, "GLOBAL", option_entries(spec.global));
  fill(script, "COMMANDS", commands);
  fill(script, "OPTIONS", command_arms(spec, true));
  fill(script, "OPERANDS", command_arms(spec, false));
  return script;
}

} // namespace refs::cli
