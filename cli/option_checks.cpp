#include "cli/option_checks.hpp"

#include "core/classify/url.hpp"

#include <charconv>
#include <string>

namespace refs::cli {

CLI::Validator whole_number_at_least(int least) {
  return CLI::Validator(
      [least](std::string& text) -> std::string {
        int value = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (error != std::errc() || end != text.data() + text.size() || value < least) {
          return "must be a whole number of at least " + std::to_string(least) + ", not '" + text + "'";
        }
        return "";
      },
      "N");
}

CLI::Validator web_url() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        const auto url = classify::parse_url(text);
        if (!url || !url->is_web()) {
          return "'" + text + "' is not an absolute http(s) URL";
        }
        return "";
      },
      "URL");
}

} // namespace refs::cli
