#include "cli/markdown_style_options.hpp"

namespace refs::cli {

void add_markdown_style_options(CLI::App& sub, MarkdownStyleOptions& options, CLI::Option* needs) {
  auto* style = sub.add_option("--style", options.style, "Markdown footnotes: full (authors, title, site, date) or link ([Title](URL))")
                    ->check(CLI::IsMember({"full", "link"}))
                    ->option_text("full|link");
  auto* templ = sub.add_option("--template", options.templ,
                               "Markdown footnotes from TEXT with {fields}: key title link url authors author year "
                               "date site container publisher doi arxiv note")
                    ->option_text("TEXT")
                    ->excludes(style);
  auto* csl = sub.add_option("--csl", options.csl,
                             "Markdown in this CSL style, rendered by pandoc: a name of Debian's styles (apa, ieee, "
                             "chicago-note-bibliography, ...) or a .csl file")
                  ->option_text("STYLE")
                  ->excludes(style)
                  ->excludes(templ);
  sub.add_option("--lang", options.lang, "The CSL locale for --csl (ko-KR, en-GB, ...; default: the post's lang, else the style's)")
      ->option_text("LANG")
      ->needs(csl);
  if (needs != nullptr) {
    style->needs(needs);
    templ->needs(needs);
    csl->needs(needs);
  }
}

tl::expected<std::optional<exporting::MarkdownStyle>, std::string>
chosen_markdown_style(const MarkdownStyleOptions& options) {
  using Kind = exporting::MarkdownStyle::Kind;
  if (!options.templ.empty()) {
    if (const auto unknown = exporting::unknown_template_fields(options.templ); !unknown.empty()) {
      std::string fields;
      for (const std::string& f : exporting::markdown_template_fields()) {
        fields += (fields.empty() ? "" : ", ") + f;
      }
      return tl::make_unexpected("--template: unknown field {" + unknown.front() + "}; the fields are " + fields);
    }
    return exporting::MarkdownStyle{Kind::templated, options.templ};
  }
  if (options.style.empty()) {
    return std::nullopt;
  }
  return exporting::MarkdownStyle{options.style == "link" ? Kind::link : Kind::full, ""};
}

} // namespace refs::cli
