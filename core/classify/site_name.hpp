#pragma once

#include <string>
#include <string_view>

struct psl_ctx_st;

namespace refs::classify {

/// Names the site a URL's host belongs to, for the offline citation: a
/// table of well-known hosts ("www.reuters.com" -> "Reuters"), else the
/// first label of the registrable domain per the Public Suffix List
/// ("blog.example.co.uk" -> "example"). Owns the loaded suffix list.
class SiteNamer {
public:
  SiteNamer();
  ~SiteNamer();
  SiteNamer(const SiteNamer&) = delete;
  SiteNamer& operator=(const SiteNamer&) = delete;

  /// "" for an empty host.
  std::string site_name(std::string_view host) const;

private:
  const psl_ctx_st* m_builtin = nullptr;
  psl_ctx_st* m_loaded = nullptr;
};

/// The registrable domain of a host per the Public Suffix List compiled
/// into libpsl ("blog.example.co.uk" -> "example.co.uk"); the host itself
/// when the list has none for it. For telling whether two URLs are one
/// site; SiteNamer uses the newer system list for names.
std::string registrable_domain(std::string_view host);

/// Whether a host is a public suffix itself ("co.uk", "github.io").
bool is_public_suffix(std::string_view host);

} // namespace refs::classify
