#include "cli/shell_completion.hpp"

namespace refs::cli {

// Bash's programmable completion (bash manual, "Programmable Completion"):
// `complete -F _refs refs` calls _refs with COMP_LINE, COMP_POINT and
// COMP_WORDS (the line split at COMP_WORDBREAKS too: ':' '=' '@'), and
// offers what it leaves in COMPREPLY in place of the last such piece.

namespace {

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    out += (out.empty() ? "" : " ") + w;
  }
  return out;
}

std::string option_names(const std::vector<OptionWords>& options) {
  std::vector<std::string> names;
  for (const OptionWords& o : options) {
    names.insert(names.end(), o.names.begin(), o.names.end());
  }
  return joined(names);
}

/// The reply for words of kind `kind` ("" when there is nothing to offer).
std::string reply(Completes kind, const std::vector<std::string>& words) {
  switch (kind) {
  case Completes::words: return std::string("_refs_words \"") + joined(words) + "\"";
  case Completes::keys: return "_refs_key_words";
  case Completes::posts: return "_refs_posts";
  case Completes::files: return "_refs_files";
  case Completes::nothing: break;
  }
  return "";
}

std::string command_arms(const CompletionSpec& spec, bool options) {
  std::string out;
  for (const CommandWords& c : spec.commands) {
    std::string action;
    if (options) {
      action = std::string("_refs_words \"") + option_names(c.options) + " " + option_names(spec.global) + "\"";
    } else if (!c.after_key.empty()) {
      action = std::string("if ((operands == 0)); then ") + reply(c.operands, c.words) + "; else _refs_words \"" +
               joined(c.after_key) + "\"; compopt -o nospace 2>/dev/null; fi";
    } else {
      action = reply(c.operands, c.words);
      if (c.name == "search") {
        action += "; compopt -o nospace 2>/dev/null";
      }
    }
    if (!action.empty()) {
      out += "    " + c.name + ") " + action + " ;;\n";
    }
  }
  return out;
}

/// Puts `text` where the script's template says MARKER (once).
void fill(std::string& script, const std::string& marker, const std::string& text) {
  script.replace(script.find(marker), marker.size(), text);
}

} // namespace

std::string bash_completion(const CompletionSpec& spec) {
  std::vector<std::string> commands;
  for (const CommandWords& c : spec.commands) {
    commands.push_back(c.name);
  }
  std::string script = R"bash(# bash completion for refs, written by `refs completion bash`.
# Now:      source <(refs completion bash)
# For good: refs completion bash > ~/.local/share/bash-completion/completions/refs

# The library's keys, from the library the command line names with --db.
_refs_keys() {
  "${COMP_WORDS[0]}" "${_refs_db[@]}" list --keys 2>/dev/null
}

# Adds the words of $1 that start with the word being completed. Bash splits
# words at the characters of COMP_WORDBREAKS (':' in DBLP:conf/x and
# author:, '@' in [@key): the whole word is matched, and the part of it
# before its last such character, which bash keeps, is taken off again.
_refs_words() {
  local w
  while IFS= read -r w; do
    COMPREPLY+=("${w#"$_refs_kept"}")
  done < <(compgen -W "$1" -- "$_refs_cur")
}

# The same for keys, which come from files other tools wrote: matched as
# text, never expanded as compgen -W expands its words ($(…), `…`, $VAR),
# and quoted for the command line. $1 and $2 go before and after (`[@`, `]`).
_refs_key_words() {
  local key full
  while IFS= read -r key; do
    full=$1$key
    [[ $full == "$_refs_cur"* ]] && COMPREPLY+=("$(printf '%q' "${full#"$_refs_kept"}")$2")
  done < <(_refs_keys)
}

_refs_files() {
  compopt -o filenames 2>/dev/null
  local IFS=$'\n'
  COMPREPLY+=($(compgen -f -- "$_refs_cur"))
}

# Markdown posts, and directories to find them in.
_refs_posts() {
  compopt -o filenames 2>/dev/null
  local IFS=$'\n'
  COMPREPLY+=($(compgen -d -- "$_refs_cur") $(compgen -f -X '!*.md' -- "$_refs_cur")
              $(compgen -f -X '!*.markdown' -- "$_refs_cur"))
}

_refs() {
  COMPREPLY=()
  local line=${COMP_LINE:0:COMP_POINT} cmd= w operands=0 i
  # The words as the shell will pass them (bash's COMP_WORDS are split at
  # ':', '=' and '@' too); the last is the one being completed.
  local -a words _refs_db=()
  read -ra words <<< "$line"
  [[ -z $line || $line == *[[:space:]] ]] && words+=("")
  local n=$((${#words[@]} - 1))
  local _refs_cur=${words[n]} prev=${words[n-1]} _refs_kept=
  for ((i = ${#_refs_cur} - 1; i >= 0; i--)); do
    if [[ $COMP_WORDBREAKS == *"${_refs_cur:i:1}"* ]]; then
      _refs_kept=${_refs_cur:0:i+1}
      break
    fi
  done
  for ((i = 1; i < n; i++)); do
    w=${words[i]}
    case $w in
      --db) _refs_db=(--db "${words[i+1]/#\~/$HOME}"); ((i++)) ;;
      --db=*) w=${w#--db=}; _refs_db=(--db "${w/#\~/$HOME}") ;;
      VALUED) ((i++)) ;;
      -*) ;;
      *) if [[ -z $cmd ]]; then cmd=$w; else ((operands++)); fi ;;
    esac
  done
  local cur=$_refs_cur
  case "$cmd $prev" in
VALUES  esac
  if [[ $_refs_cur == @* || $_refs_cur == '[@'* ]]; then
    local lead=${_refs_cur%%@*}@ close=
    [[ $lead == '[@' ]] && close=']'
    _refs_key_words "$lead" "$close"
    return
  fi
  if [[ -z $cmd ]]; then
    if [[ $cur == -* ]]; then _refs_words "-h --help GLOBAL"; else _refs_words "COMMANDS"; fi
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

complete -F _refs refs
)bash";
  fill(script, "VALUED", valued_pattern(spec));
  fill(script, "VALUES", value_arms(spec, reply));
  fill(script, "GLOBAL", option_names(spec.global));
  fill(script, "COMMANDS", joined(commands));
  fill(script, "OPTIONS", command_arms(spec, true));
  fill(script, "OPERANDS", command_arms(spec, false));
  return script;
}

} // namespace refs::cli
