#pragma once

#include "core/resolve/resolver.hpp"

#include <memory>

namespace refs::resolve {

/// The source for PDF documents: claims http(s) URLs whose path ends in .pdf.
std::unique_ptr<Resolver> make_pdf_resolver(const SourceSettings& settings);

} // namespace refs::resolve
