#include "cli/commands.hpp"
#include "core/pipeline/edit_citation.hpp"

#include <memory>

namespace refs::cli {

namespace {

struct RmOptions {
  std::vector<std::string> keys;
};

int run(Context& ctx, store::Library& library, const RmOptions& options) {
  int status = 0;
  for (const std::string& key : options.keys) {
    auto removed = pipeline::remove_citation(library, key);
    if (!removed) {
      ctx.messages.error(removed.error());
      status = 1;
      continue;
    }
    const std::size_t n = removed->posts.size();
    ctx.messages.note("removed " + removed->key +
                      (n == 0 ? "" : " (cited by " + std::to_string(n) + (n == 1 ? " post" : " posts") +
                                         "; those references now have no citation)"));
  }
  return status;
}

} // namespace

Action add_rm(CLI::App& sub) {
  auto options = std::make_shared<RmOptions>();
  sub.add_option("keys", options->keys, "Remove the citations with these keys or former keys")->required();
  return [options](Context& ctx, store::Library& library) { return run(ctx, library, *options); };
}

} // namespace refs::cli
