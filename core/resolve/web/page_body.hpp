#pragma once

#include <gumbo.h>

#include <memory>
#include <string>
#include <string_view>

namespace refs::resolve::web {

/// The part of a page's body where a reader finds the headline, byline and
/// date, parsed with gumbo: from 24 KiB before the first `<h1>` (or
/// `<article>`, or the body's start) to 64 KiB after it, with the text of
/// scripts, styles and comments and the attributes no rule reads left
/// out, and at most an eighth of the page's size of what is left (gumbo's
/// tree takes six to sixteen times what it parses). A whole body costs gumbo
/// ten times the head; the article's header is near its headline.
class PageBody {
public:
  /// `html` is the decoded page (UTF-8).
  explicit PageBody(std::string_view html);

  /// The parsed window's root; nullptr when the page has no body text.
  const GumboNode* root() const { return output_ ? output_->root : nullptr; }
  /// The bytes parsed (after the code was cut out), for benchmarks.
  std::size_t parsed_size() const { return window_.size(); }

private:
  struct Deleter {
    void operator()(GumboOutput* output) const;
  };
  std::string window_; // gumbo's tree points into it
  std::unique_ptr<GumboOutput, Deleter> output_;
};

} // namespace refs::resolve::web
