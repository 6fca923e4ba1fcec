#include "core/pipeline/dedupe_post.hpp"

#include "core/dedupe/work_profile.hpp"
#include "core/pipeline/join_works.hpp"
#include "core/post/footnote_reader.hpp"
#include "core/post/post_file.hpp"
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

} // namespace

tl::expected<PostDedupe, std::string> find_repeated_footnotes(store::Library& library, const Config& config,
                                                              const std::filesystem::path& path) {
  auto file = post::load_post(path);
  if (!file) {
    return tl::make_unexpected(file.error());
  }
  const post::PostScan scan = post::read_footnotes(file->text, path.string());
  const resolve::Registry registry(resolve::SourceSettings{config.arxiv_api});
  const classify::SiteNamer sites;
  const util::CivilDate d = util::utc_civil_date(config.now);
  const std::string now = util::iso_timestamp(config.now);

  struct Footnote {
    std::string label;
    int line = 0;
    std::vector<std::string> works;
  };
  std::vector<Footnote> footnotes;
  std::map<std::string, int> definitions; // a label defined twice is the writer's to sort out
  for (const model::Footnote& fn : scan.footnotes) {
    ++definitions[util::to_lower_ascii(fn.label)];
  }
  for (const model::Footnote& fn : scan.footnotes) {
    Footnote f{fn.label, fn.line, {}};
    for (const model::Reference& r : post::to_references({fn})) {
      const resolve::Classified k = resolve::classify_reference(r, registry);
      f.works.push_back(work_of(library, resolve::offline_citation(r, k, sites, {d.year, d.month, d.day}, now)));
    }
    footnotes.push_back(std::move(f));
  }
  PostDedupe out{path, {}, file->text, ""};
  for (Footnote& f : footnotes) {
    std::sort(f.works.begin(), f.works.end());
    f.works.erase(std::unique(f.works.begin(), f.works.end()), f.works.end());
  }
  for (std::size_t i = 0; i < footnotes.size(); ++i) {
    if (definitions[util::to_lower_ascii(footnotes[i].label)] != 1) {
      continue;
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (definitions[util::to_lower_ascii(footnotes[j].label)] == 1 && footnotes[j].works == footnotes[i].works) {
        out.repeats.push_back({{footnotes[j].label, footnotes[i].label}, footnotes[j].line, footnotes[i].line});
        break;
      }
    }
  }
  std::vector<post::FootnoteJoin> joins;
  for (const RepeatedFootnote& r : out.repeats) {
    joins.push_back(r.join);
  }
  out.after = joins.empty() ? out.before : post::join_footnotes(out.before, scan, joins);
  return out;
}

tl::expected<void, std::string> write_joined_post(const PostDedupe& dedupe) {
  // The post may have been edited since it was read: never overwrite that.
  const auto current = util::read_file(dedupe.path);
  if (!current || *current != dedupe.before) {
    return tl::make_unexpected(dedupe.path.string() + ": changed while refs was reading it; not rewritten");
  }
  try {
    util::AtomicFile file(dedupe.path);
    file.write(dedupe.after);
    file.commit();
  } catch (const Error& e) {
    return tl::make_unexpected(e.what());
  }
  return {};
}

} // namespace refs::pipeline
