#pragma once

#include "core/model/date.hpp"
#include "core/resolve/web/body_findings.hpp"

#include <string>
#include <string_view>

namespace refs::resolve::web {

/// Reads the visible article the way a reader does (page_body.hpp for
/// which part is parsed): its headline first, then the bylines and dates
/// near it, with every rule's finds and rejections. `html` is the decoded
/// page; `language` its <html lang>; `url` its address; `today` bounds the
/// dates. Pure.
BodyFindings read_body(std::string_view html, const std::string& language, const std::string& url, const model::Date& today);

} // namespace refs::resolve::web
