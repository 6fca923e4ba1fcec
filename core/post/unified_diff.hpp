#pragma once

#include <string>
#include <string_view>

namespace refs::post {

/// The unified diff (`diff -u`, 3 lines of context) that turns `before`
/// into `after`, headed `--- a/NAME` and `+++ b/NAME` as `git apply` and
/// `patch -p1` expect; "" when they are equal. Lines are compared with
/// their ends, so a changed line end shows.
std::string unified_diff(std::string_view before, std::string_view after, const std::string& name);

} // namespace refs::post
