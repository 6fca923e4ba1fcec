#include "core/published/hit_choice.hpp"

#include "core/published/venue_label.hpp"
#include "core/published/version_gates.hpp"

namespace refs::published {

HitChoice choose_hit(const model::Citation& preprint, const std::vector<resolve::DblpHit>& hits,
                     const std::function<bool(const std::string& key)>& rejected) {
  HitChoice choice;
  for (const resolve::DblpHit& hit : hits) {
    if (!resolve::is_publication(hit)) {
      continue; // the preprint's own CoRR record, an artifact: not worth a word
    }
    if (rejected(hit.key)) {
      choice.refused.push_back(hit.key + ": you said it is another work");
      continue;
    }
    model::Citation version;
    version.title = hit.title;
    version.authors = hit.authors;
    version.issued.year = hit.year;
    version.container_title = hit.venue;
    const GateResult gate = pass_gates(preprint, version, false);
    if (gate.standing == Standing::refused) {
      choice.refused.push_back(hit.key + ": " + gate.why);
    } else if (!choice.hit || (is_workshop(choice.hit->venue) && !is_workshop(hit.venue))) {
      choice.hit = hit;
    }
  }
  return choice;
}

} // namespace refs::published
