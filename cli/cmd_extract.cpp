#include "cli/commands.hpp"
#include "cli/option_checks.hpp"
#include "cli/output.hpp"
#include "cli/table_printer.hpp"
#include "core/csl/csl_fields.hpp"
#include "core/csl/csl_json.hpp"
#include "core/pipeline/inspect_page.hpp"

#include <memory>

namespace refs::cli {

namespace {

struct ExtractOptions {
  std::string file;
  std::string url = "https://example.invalid/";
  std::string content_type = "text/html";
  bool json = false;
  bool verbose = false;
};

std::string describe(const resolve::web::PageMetadata& page, bool verbose) {
  std::string out;
  const auto line = [&](const std::string& name, const std::string& value) { out += format_field(name, value); };
  for (std::string_view name : csl::field_names()) {
    const std::string value = csl::field_text(page.citation, name);
    if (value.empty()) {
      continue;
    }
    const auto origin = page.provenance.find(std::string(name));
    line(std::string(name), value + (origin == page.provenance.end() ? "" : "  [" + origin->second + "]"));
  }
  for (const model::WorkId& id : page.citation.ids) {
    line("identifier", std::string(model::to_string(id.kind)) + " " + id.value);
  }
  line("encoding", page.encoding);
  if (!page.problem.empty()) {
    line("problem", page.problem);
  }
  if (verbose) {
    for (const std::string& r : page.rejected) {
      line("rejected", r);
    }
    for (const std::string& d : page.dropped) {
      line("dropped", d);
    }
  }
  return out;
}

int run(Context& ctx, const ExtractOptions& options) {
  auto page = pipeline::inspect_page(options.file, options.url, options.content_type);
  if (!page) {
    ctx.messages.error(page.error());
    return 1;
  }
  if (!options.json) {
    write_stdout(describe(*page, options.verbose));
    return 0;
  }
  page->citation.key = "page";
  nlohmann::ordered_json out = {{"citation", csl::to_csl_json(page->citation)},
                                {"provenance", page->provenance},
                                {"rejected", page->rejected},
                                {"encoding", page->encoding},
                                {"problem", page->problem}};
  write_stdout(out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
  return 0;
}

} // namespace

Action add_extract(CLI::App& sub) {
  auto options = std::make_shared<ExtractOptions>();
  sub.add_option("file", options->file, "Read this saved page")->required();
  sub.add_option("--url", options->url, "Take the page as fetched from this URL (resolves its canonical link)")
      ->check(web_url());
  sub.add_option("--content-type", options->content_type, "Take the page as sent with this Content-Type (charset)");
  sub.add_flag("--json,!--no-json", options->json, "Print the citation and each field's origin as JSON");
  sub.add_flag("-v,--verbose,!--no-verbose", options->verbose,
               "Also print what the visible page offered and was not taken, and why");
  return [options](Context& ctx, store::Library&) { return run(ctx, *options); };
}

} // namespace refs::cli
