#include "core/util/string.hpp"

#include <gtest/gtest.h>

namespace refs::util {
namespace {

TEST(LowerFirst, LowersAWordButNotANameOrAcronym) {
  EXPECT_EQ(lower_first("Permission denied"), "permission denied");
  EXPECT_EQ(lower_first("Could not resolve host"), "could not resolve host");
  EXPECT_EQ(lower_first("SSL: no alternative certificate subject name"), "SSL: no alternative certificate subject name");
  EXPECT_EQ(lower_first("I/O error"), "I/O error");
  EXPECT_EQ(lower_first("OpenSSL SSL_read: error"), "OpenSSL SSL_read: error");
  EXPECT_EQ(lower_first("A"), "a");
  EXPECT_EQ(lower_first(""), "");
}

} // namespace
} // namespace refs::util
