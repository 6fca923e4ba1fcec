#pragma once

#include "core/resolve/resolver.hpp"

#include <memory>

namespace refs::resolve {

/// The source for Web pages: claims every other http(s) URL (the catch-all).
std::unique_ptr<Resolver> make_web_page_resolver(const SourceSettings& settings);

/// What a fetched page says about the work `subject` (its normalised URL):
/// the citation from its metadata, or why not (a wall, a redirect to the
/// home page: Answer::lost). Also reads archived copies (wayback.cpp).
Answer describe_page(const std::string& subject, const http::Response& response);

/// Whether a failure means the page is gone or walled (Answer::lost).
bool lost_page(const http::Failure& failure);

} // namespace refs::resolve
