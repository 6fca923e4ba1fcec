#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/shell_completion.hpp"

#include <memory>

namespace refs::cli {

Action add_completion(CLI::App& sub) {
  auto shell = std::make_shared<std::string>();
  sub.add_option("shell", *shell, "The shell to write the script for")->required()->check(CLI::IsMember({"bash", "zsh"}));
  sub.footer("bash: source <(refs completion bash), or save it as ~/.local/share/bash-completion/completions/refs. "
             "zsh: source <(refs completion zsh) after compinit, or save it as _refs in a folder of $fpath.");
  // The parent is read when the command runs: by then every command has
  // added its options, so the script lists them all.
  const CLI::App* app = &sub;
  return [shell, app](Context&, store::Library&) {
    const CompletionSpec spec = completion_spec(*app->get_parent());
    write_stdout(*shell == "bash" ? bash_completion(spec) : zsh_completion(spec));
    return 0;
  };
}

} // namespace refs::cli
