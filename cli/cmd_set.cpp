#include "cli/commands.hpp"
#include "core/pipeline/edit_citation.hpp"

#include <memory>

namespace refs::cli {

namespace {

struct SetOptions {
  std::string key;
  std::vector<std::string> assignments;
};

int run(Context& ctx, store::Library& library, const SetOptions& options) {
  std::vector<std::pair<std::string, std::string>> pairs;
  std::string fields;
  for (const std::string& a : options.assignments) {
    const std::size_t eq = a.find('=');
    if (eq == std::string::npos || eq == 0) {
      ctx.messages.error("'" + a + "': expected FIELD=VALUE");
      ctx.messages.hint("run 'refs set --help'");
      return 2;
    }
    pairs.emplace_back(a.substr(0, eq), a.substr(eq + 1));
    fields += (fields.empty() ? "" : ", ") + a.substr(0, eq);
  }
  auto updated = pipeline::set_fields(library, ctx.config, options.key, pairs);
  if (!updated) {
    ctx.messages.error(updated.error());
    return 1;
  }
  ctx.messages.note(updated->key + ": set " + fields);
  return 0;
}

} // namespace

Action add_set(CLI::App& sub) {
  auto options = std::make_shared<SetOptions>();
  sub.add_option("key", options->key, "Correct the citation with this key or former key")->required();
  sub.add_option("assignments", options->assignments,
                 "Set FIELD=VALUE (CSL names: title, author, issued, URL, ...; key renames)")
      ->required();
  return [options](Context& ctx, store::Library& library) { return run(ctx, library, *options); };
}

} // namespace refs::cli
