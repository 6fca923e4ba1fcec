#include "core/resolve/registry.hpp"

#include "core/resolve/arxiv.hpp"
#include "core/resolve/doi.hpp"
#include "core/resolve/pdf.hpp"
#include "core/resolve/web_page.hpp"

#include <array>

namespace refs::resolve {

namespace {

using Factory = std::unique_ptr<Resolver> (*)(const SourceSettings&);

// Order matters: arXiv claims its DataCite DOIs and /pdf/ links before the
// DOI and PDF sources see them; web_page takes every other http(s) URL.
constexpr std::array<Factory, 4> k_sources = {
    make_arxiv_resolver,
    make_doi_resolver,
    make_pdf_resolver,
    make_web_page_resolver,
};

} // namespace

Registry::Registry(const SourceSettings& settings) {
  for (Factory make : k_sources) {
    m_resolvers.push_back(make(settings));
  }
}

const Resolver* Registry::find(std::string_view name) const {
  for (const auto& resolver : m_resolvers) {
    if (resolver->name() == name) {
      return resolver.get();
    }
  }
  return nullptr;
}

std::optional<Recognition> Registry::recognize(const classify::Url& url) const {
  for (const auto& resolver : m_resolvers) {
    if (auto id = resolver->recognize(url)) {
      return Recognition{std::string(resolver->name()), std::move(*id)};
    }
  }
  return std::nullopt;
}

} // namespace refs::resolve
