#include "core/classify/site_name.hpp"

#include "core/util/string.hpp"

#include <libpsl.h>

#include <array>
#include <utility>

namespace refs::classify {

namespace {

// Hosts whose registrable domain does not read as the site's name. Matched
// on the host with a leading "www." removed; a subdomain of an entry
// matches it too (blog.google -> Google).
constexpr std::array<std::pair<std::string_view, std::string_view>, 40> k_known_sites = {{
    {"arxiv.org", "arXiv"},
    {"export.arxiv.org", "arXiv"},
    {"huggingface.co", "Hugging Face"},
    {"alphaxiv.org", "alphaXiv"},
    {"doi.org", "DOI"},
    {"reuters.com", "Reuters"},
    {"nytimes.com", "The New York Times"},
    {"wsj.com", "The Wall Street Journal"},
    {"washingtonpost.com", "The Washington Post"},
    {"theguardian.com", "The Guardian"},
    {"bbc.co.uk", "BBC"},
    {"bbc.com", "BBC"},
    {"ft.com", "Financial Times"},
    {"bloomberg.com", "Bloomberg"},
    {"cnbc.com", "CNBC"},
    {"techcrunch.com", "TechCrunch"},
    {"theverge.com", "The Verge"},
    {"wired.com", "Wired"},
    {"arstechnica.com", "Ars Technica"},
    {"whitehouse.gov", "The White House"},
    {"gov.uk", "GOV.UK"},
    {"oecd.ai", "OECD.AI"},
    {"openai.com", "OpenAI"},
    {"status.openai.com", "OpenAI Status"},
    {"deepmind.google", "Google DeepMind"},
    {"blog.google", "Google"},
    {"ai.meta.com", "Meta AI"},
    {"github.com", "GitHub"},
    {"medium.com", "Medium"},
    {"substack.com", "Substack"},
    {"towardsdatascience.com", "Towards Data Science"},
    {"neptune.ai", "neptune.ai"},
    {"builder.io", "Builder.io"},
    {"doordash.engineering", "DoorDash Engineering"},
    {"deadline.com", "Deadline"},
    {"nature.com", "Nature"},
    {"science.org", "Science"},
    {"acm.org", "ACM"},
    {"ieee.org", "IEEE"},
    {"wikipedia.org", "Wikipedia"},
}};

std::string_view strip_www(std::string_view host) {
  return host.starts_with("www.") ? host.substr(4) : host;
}

std::string registrable_in(const psl_ctx_t* psl, std::string_view host_in) {
  std::string host = util::to_lower_ascii(host_in);
  while (host.ends_with('.')) {
    host.pop_back();
  }
  const char* domain = psl != nullptr ? psl_registrable_domain(psl, host.c_str()) : nullptr;
  return domain != nullptr ? std::string(domain) : host;
}

} // namespace

SiteNamer::SiteNamer() {
  // The system list (publicsuffix package) is newer than the one compiled
  // into libpsl; fall back to the built-in one where it is missing.
  m_loaded = psl_latest(nullptr);
  m_builtin = psl_builtin();
}

SiteNamer::~SiteNamer() { psl_free(m_loaded); }

std::string SiteNamer::site_name(std::string_view host_in) const {
  const std::string lowered = util::to_lower_ascii(host_in);
  const std::string_view host = strip_www(lowered);
  if (host.empty()) {
    return "";
  }
  // The longest entry that is the host or a parent of it: status.openai.com
  // before openai.com.
  std::string_view best_name;
  std::size_t best_length = 0;
  for (const auto& [known, name] : k_known_sites) {
    const bool parent = host.size() > known.size() && host.ends_with(known) &&
                        host[host.size() - known.size() - 1] == '.';
    if ((host == known || parent) && known.size() > best_length) {
      best_name = name;
      best_length = known.size();
    }
  }
  if (best_length > 0) {
    return std::string(best_name);
  }
  const std::string registrable = registrable_in(m_loaded != nullptr ? m_loaded : m_builtin, host);
  return registrable.substr(0, registrable.find('.'));
}

std::string registrable_domain(std::string_view host) { return registrable_in(psl_builtin(), host); }

bool is_public_suffix(std::string_view host) {
  const psl_ctx_t* psl = psl_builtin();
  const std::string lowered = util::to_lower_ascii(host);
  return psl != nullptr && psl_is_public_suffix(psl, lowered.c_str()) != 0;
}

} // namespace refs::classify
