#pragma once

#include <stdexcept>
#include <string>

namespace refs {

/// The one exception refs throws: the command cannot go on (an unopenable
/// library, a failed migration, an unwritable output). Only cli/main.cpp
/// catches it; the message is complete ("where: what").
class Error : public std::runtime_error {
public:
  explicit Error(const std::string& message) : std::runtime_error(message) {}
};

} // namespace refs
