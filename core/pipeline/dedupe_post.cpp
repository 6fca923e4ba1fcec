#include "core/pipeline/dedupe_post.hpp"

#include "core/dedupe/folded_text.hpp"
#include "core/dedupe/work_profile.hpp"
#include "core/pipeline/join_works.hpp"
#include "core/post/footnote_reader.hpp"
#include "core/post/post_file.hpp"
#include "core/post/unified_diff.hpp"
#include "core/store/match_key_store.hpp"
#include "core/resolve/offline.hpp"
#include "core/util/atomic_file.hpp"
#include "core/util/error.hpp"
#include "core/util/file.hpp"
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

/// One footnote as the join sees it.
struct FootnoteWorks {
  std::string label;
  int line = 0;
  std::vector<std::string> works; ///< sorted, each once
  std::u32string extra;           ///< what the footnote says beyond its links, folded
  bool joinable = true;           ///< not a note, its label defined once
};

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
    FootnoteWorks f{fn.label, fn.line, {}, text_beyond_links(fn),
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

} // namespace

tl::expected<PostDedupe, std::string> find_repeated_footnotes(store::Library& library, const Config& config,
                                                              const std::filesystem::path& path) {
  auto file = post::load_post(path);
  if (!file) {
    return tl::make_unexpected(file.error());
  }
  store::ensure_match_keys(library);
  const post::PostScan scan = post::read_footnotes(file->text, path.string());
  const std::vector<FootnoteWorks> footnotes = footnote_works(library, config, scan);
  PostDedupe out{path, {}, {}, file->text, "", ""};
  std::vector<post::FootnoteJoin> joins;
  for (std::size_t i = 0; i < footnotes.size(); ++i) {
    const auto earlier = std::find_if(footnotes.begin(), footnotes.begin() + static_cast<long>(i), [&](const FootnoteWorks& f) {
      return f.joinable && footnotes[i].joinable && f.works == footnotes[i].works;
    });
    if (earlier == footnotes.begin() + static_cast<long>(i)) {
      continue;
    }
    const RepeatedFootnote repeat{{earlier->label, footnotes[i].label}, earlier->line, footnotes[i].line};
    if (footnotes[i].extra.empty() || footnotes[i].extra == earlier->extra) {
      out.repeats.push_back(repeat);
      joins.push_back(repeat.join);
    } else {
      out.kept_apart.push_back(repeat);
    }
  }
  out.after = joins.empty() ? out.before : post::join_footnotes(out.before, scan, joins);
  out.diff = post::unified_diff(out.before, out.after, path.string());
  return out;
}

void write_joined_post(const PostDedupe& dedupe) {
  // The post may have been edited since it was read: never overwrite that.
  const auto current = util::read_file(dedupe.path);
  if (!current || *current != dedupe.before) {
    throw Error(dedupe.path.string() + ": changed while refs was reading it; not rewritten");
  }
  util::AtomicFile file(dedupe.path);
  file.write(dedupe.after);
  file.commit();
}

} // namespace refs::pipeline
