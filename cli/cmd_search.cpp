#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/table_printer.hpp"
#include "cli/terminal.hpp"
#include "core/csl/csl_json.hpp"
#include "core/pipeline/search_library.hpp"

#include <cmath>
#include <memory>

#include <nlohmann/json.hpp>

namespace refs::cli {

namespace {

struct SearchOptions {
  std::vector<std::string> words;
  bool json = false;
  bool keys = false;
  std::size_t limit = 20;
};

/// "Peng et al.", "OpenAI": who a hit is by, in a few letters.
std::string first_author(const model::Citation& c) {
  if (c.authors.empty()) {
    return "-";
  }
  const model::Person& p = c.authors.front();
  const std::string name = p.family.empty() ? p.literal : p.family;
  return c.authors.size() > 1 ? name + " et al." : name;
}

std::string cited_in(std::size_t posts) {
  return posts == 0 ? "-" : posts == 1 ? "1 post" : std::to_string(posts) + " posts";
}

std::string as_table(const pipeline::SearchResult& result) {
  std::vector<std::vector<std::string>> rows;
  for (const pipeline::SearchHit& hit : result.hits) {
    const model::Citation& c = hit.view.citation;
    rows.push_back({c.key, c.issued.year > 0 ? std::to_string(c.issued.year) : "-", first_author(c),
                    cited_in(hit.view.posts.size()), c.title});
  }
  return format_table(rows, terminal_width());
}

std::string as_json(const pipeline::SearchResult& result) {
  nlohmann::ordered_json items = nlohmann::ordered_json::array();
  for (const pipeline::SearchHit& hit : result.hits) {
    nlohmann::ordered_json item = csl::to_csl_json(hit.view.citation);
    // Four decimals: enough to order by, and the same on every machine.
    item["custom"]["score"] = std::round(hit.score * 10000) / 10000;
    items.push_back(std::move(item));
  }
  return items.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

int run(Context& ctx, store::Library& library, const SearchOptions& options) {
  std::string text;
  for (const std::string& word : options.words) {
    text += (text.empty() ? "" : " ") + word;
  }
  const auto query = search::parse_query(text);
  if (!query) {
    ctx.messages.error("search: " + query.error());
    ctx.messages.hint("`refs search --help` shows what a query can say");
    return 2;
  }
  const auto result = pipeline::search_library(library, *query, options.limit);
  if (!result) {
    ctx.messages.error("search: " + result.error());
    return 2;
  }
  for (const std::string& damaged : result->damaged) {
    ctx.messages.error(damaged + "; left out");
  }
  if (options.json) {
    write_stdout(as_json(*result));
  } else if (options.keys) {
    std::string keys;
    for (const pipeline::SearchHit& hit : result->hits) {
      keys += hit.view.citation.key + "\n";
    }
    write_stdout(keys);
  } else {
    write_stdout(as_table(*result));
  }
  if (result->total == 0) {
    ctx.messages.note("no citation matches " + text);
    return 1;
  }
  if (result->total > result->hits.size() + result->damaged.size()) {
    ctx.messages.note(std::to_string(result->hits.size()) + " of " + std::to_string(result->total) +
                      " hits shown; --limit 0 shows them all");
  }
  return result->damaged.empty() ? 0 : 1;
}

} // namespace

Action add_search(CLI::App& sub) {
  auto options = std::make_shared<SearchOptions>();
  sub.add_option("query", options->words,
                 "Words to find (all must match), \"a phrase\", pref*, -left-out, and filters: title: author: "
                 "venue: key: id: (doi: arxiv: url:) year:2023 (2020-2023, 2020-, -2019) type:CSL-TYPE post:FILE")
      ->required();
  sub.add_flag("--json,!--no-json", options->json, "Print the hits as CSL-JSON, each with its score in custom.score");
  sub.add_flag("--keys,!--no-keys", options->keys, "Print only the hits' keys, one per line")
      ->excludes(sub.get_option("--json"));
  sub.add_option("--limit", options->limit, "Show at most this many hits, best first (0: all)")
      ->default_val(20);
  sub.footer("Titles and people weigh most. Korean, Japanese and Chinese text is found by any part of "
             "it; other words whole or by their start (pref*), diacritics aside (muller finds "
             "Müller). Filters of one kind are alternatives: type:book type:thesis. Exit status 1 when nothing "
             "matches.");
  return [options](Context& ctx, store::Library& library) { return run(ctx, library, *options); };
}

} // namespace refs::cli
