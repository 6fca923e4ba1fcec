#include "core/pipeline/dedupe_post.hpp"

#include "core/pipeline/post_works.hpp"
#include "core/post/footnote_reader.hpp"
#include "core/post/post_file.hpp"
#include "core/post/unified_diff.hpp"
#include "core/store/match_key_store.hpp"

#include <algorithm>

namespace refs::pipeline {

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

void write_joined_post(const PostDedupe& dedupe) { post::replace_post(dedupe.path, dedupe.before, dedupe.after); }

} // namespace refs::pipeline
