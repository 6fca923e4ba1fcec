// libFuzzer target: any bytes as a cited URL, through the classifier (the
// parse, the claiming source, the offline citation), reference resolution
// against a base, the identity form and the home-page check. The identity
// of an identity must be itself: a URL that normalises to something that
// normalises again would let one page hold two keys.
#include "core/classify/site_name.hpp"
#include "core/classify/url.hpp"
#include "core/classify/url_identity.hpp"
#include "core/resolve/offline.hpp"
#include "core/resolve/registry.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // Made once: they read only their own tables.
  static const refs::resolve::Registry registry;
  static const refs::classify::SiteNamer sites;
  refs::model::Reference reference;
  reference.label = "f";
  reference.line = 1;
  reference.text = "A link";
  reference.url = std::string(text);
  const refs::resolve::Classified classified = refs::resolve::classify_reference(reference, registry);
  refs::resolve::offline_citation(reference, classified, sites, {2025, 11, 27}, "2025-11-27T00:00:00Z");
  refs::classify::resolve_url("https://example.com/a/b?c#d", std::string(text));
  const auto identity = refs::classify::identity_url(text);
  if (!identity) {
    return 0;
  }
  refs::classify::is_home_or_section(*identity);
  refs::classify::identity_path_head(*identity);
  const auto again = refs::classify::identity_url(*identity);
  if (!again || *again != *identity) {
    std::abort();
  }
  return 0;
}
