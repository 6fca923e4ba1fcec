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
  /// Where the window goes on past a part: [from, end) of the page.
  struct Rest {
    std::size_t from = 0;
    std::size_t end = 0;
  };
  /// The next part of the window, as large as the first: for the fields
  /// the first part did not give (a byline under a long article). Take
  /// `rest()` and free the previous part first: one tree is held at a time.
  PageBody(std::string_view html, Rest rest);

  /// True when the window goes on past this part.
  bool continues() const { return next_ < end_; }
  Rest rest() const { return {next_, end_}; }

  /// The parsed window's root; nullptr when the page has no body text.
  const GumboNode* root() const { return output_ ? output_->root : nullptr; }
  /// The bytes parsed (after the code was cut out), for benchmarks.
  std::size_t parsed_size() const { return window_.size(); }

private:
  struct Deleter {
    void operator()(GumboOutput* output) const;
  };
  static std::size_t budget_for(std::string_view html);
  void parse();

  std::string window_; // gumbo's tree points into it
  std::unique_ptr<GumboOutput, Deleter> output_;
  std::size_t next_ = 0; // where in the page the next part starts
  std::size_t end_ = 0;  // where the window ends
};

} // namespace refs::resolve::web
