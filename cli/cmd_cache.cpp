#include "cli/commands.hpp"
#include "core/pipeline/clear_cache.hpp"

#include <memory>

namespace refs::cli {

Action add_cache(CLI::App& sub) {
  sub.require_subcommand(1);
  sub.add_subcommand("clear", "Forget every fetched page and remembered failure");
  return [](Context& ctx, store::Library& library) {
    const int removed = pipeline::clear_cache(library);
    ctx.messages.note("cleared " + std::to_string(removed) + (removed == 1 ? " cached fetch" : " cached fetches"));
    return 0;
  };
}

} // namespace refs::cli
