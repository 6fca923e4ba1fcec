#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/table_printer.hpp"
#include "core/csl/csl_fields.hpp"
#include "core/export/csl_json_writer.hpp"
#include "core/pipeline/query_library.hpp"

#include <memory>

namespace refs::cli {

namespace {

struct ShowOptions {
  std::string key;
  bool json = false;
};

std::string describe(const pipeline::CitationView& v) {
  const model::Citation& c = v.citation;
  std::string out = format_field("key", c.key + (c.key_fixed ? "" : " (provisional)"));
  for (const std::string& alias : v.aliases) {
    out += format_field("former key", alias);
  }
  for (std::string_view name : csl::field_names()) {
    const std::string value = csl::field_text(c, name);
    if (value.empty()) {
      continue;
    }
    const auto source = c.sources.find(std::string(name));
    out += format_field(std::string(name), value + (source == c.sources.end() ? "" : "  [" + source->second + "]"));
  }
  for (const model::WorkId& id : c.ids) {
    out += format_field("identifier", std::string(model::to_string(id.kind)) + " " + id.value);
  }
  if (!c.archive_url.empty()) {
    out += format_field("archived", c.archive_url + (c.archive_date.empty() ? "" : "  [captured " + c.archive_date + "]"));
  }
  if (v.published) {
    const store::PublishedFinding& f = *v.published;
    out += f.status == "none" ? format_field("published", "none found  [asked: " + f.asked + "]")
                              : format_field("published", f.venue + "  [" + f.status + (v.published_applied ? ", applied" : ", not applied") + "]");
    for (const std::string& line : f.evidence) {
      out += format_field("evidence", line);
    }
  }
  for (const std::string& post : v.posts) {
    out += format_field("cited by", post);
  }
  out += format_field("created", c.created);
  out += format_field("updated", c.updated);
  return out;
}

int run(Context& ctx, store::Library& library, const ShowOptions& options) {
  const auto view = pipeline::show_citation(library, options.key);
  if (!view) {
    ctx.messages.error("unknown citation key '" + options.key + "'");
    ctx.messages.hint("run 'refs list' to see the keys in the library");
    return 1;
  }
  write_stdout((options.json ? exporting::to_csl_json_array({view->citation}) : describe(*view)));
  return 0;
}

} // namespace

Action add_show(CLI::App& sub) {
  auto options = std::make_shared<ShowOptions>();
  sub.add_option("key", options->key, "Show the citation with this key or former key")->required();
  sub.add_flag("--json,!--no-json", options->json, "Print the citation as CSL-JSON");
  return [options](Context& ctx, store::Library& library) { return run(ctx, library, *options); };
}

} // namespace refs::cli
