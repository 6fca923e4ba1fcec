#include "core/pipeline/post_works.hpp"

#include "core/dedupe/folded_text.hpp"
#include "core/dedupe/work_profile.hpp"
#include "core/pipeline/join_works.hpp"
#include "core/resolve/offline.hpp"
#include "core/util/string.hpp"
#include "core/util/time.hpp"

#include <algorithm>
#include <map>

namespace refs::pipeline {

namespace {

/// What names the work a reference cites: the library's citation of it,
/// else its own first identifier, URL or text.
std::string work_of(store::Library& library, const model::Citation& offline) {
  const dedupe::WorkProfile profile = dedupe::profile_of(offline);
  const std::vector<SameWork> same = find_same_works(library, profile);
  if (!same.empty()) {
    return "citation:" + std::to_string(std::min_element(same.begin(), same.end(), [](const SameWork& a, const SameWork& b) {
                                          return a.id < b.id;
                                        })->id);
  }
  if (!profile.unique.empty()) {
    return profile.unique.front();
  }
  if (!profile.urls.empty()) {
    return "url:" + profile.urls.front().identity;
  }
  const auto note = std::find_if(offline.ids.begin(), offline.ids.end(),
                                 [](const model::WorkId& id) { return id.kind == model::IdKind::note; });
  return note != offline.ids.end() ? "note:" + note->value : "text:" + offline.title;
}

/// The footnote's text without its links' texts and URLs, folded: "" when
/// it is only links.
std::u32string text_beyond_links(const model::Footnote& fn) {
  std::string rest = fn.text;
  for (const model::Link& link : fn.links) {
    for (const std::string& part : {link.text, "<" + link.url + ">", link.url}) {
      const std::size_t at = part.empty() ? std::string::npos : rest.find(part);
      if (at != std::string::npos) {
        rest.erase(at, part.size());
      }
    }
  }
  return dedupe::fold_letters(rest);
}

} // namespace

std::vector<FootnoteWorks> footnote_works(store::Library& library, const Config& config, const post::PostScan& scan) {
  const resolve::Registry registry(resolve::SourceSettings{config.arxiv_api});
  const classify::SiteNamer sites;
  const util::CivilDate d = util::utc_civil_date(config.now);
  const std::string now = util::iso_timestamp(config.now);
  std::map<std::string, int> definitions;
  for (const model::Footnote& fn : scan.footnotes) {
    ++definitions[util::to_lower_ascii(fn.label)];
  }
  std::vector<FootnoteWorks> out;
  for (const model::Footnote& fn : scan.footnotes) {
    FootnoteWorks f{fn.label, fn.line, {}, text_beyond_links(fn), !fn.links.empty(),
                    !fn.links.empty() && definitions[util::to_lower_ascii(fn.label)] == 1};
    for (const model::Reference& r : post::to_references({fn})) {
      const resolve::Classified k = resolve::classify_reference(r, registry);
      f.works.push_back(work_of(library, resolve::offline_citation(r, k, sites, {d.year, d.month, d.day}, now)));
    }
    std::sort(f.works.begin(), f.works.end());
    f.works.erase(std::unique(f.works.begin(), f.works.end()), f.works.end());
    out.push_back(std::move(f));
  }
  return out;
}


std::optional<std::int64_t> only_citation(const FootnoteWorks& footnote) {
  constexpr std::string_view k_prefix = "citation:";
  if (footnote.works.size() != 1 || !footnote.works.front().starts_with(k_prefix)) {
    return std::nullopt;
  }
  return std::stoll(footnote.works.front().substr(k_prefix.size()));
}

} // namespace refs::pipeline
