#include "core/resolve/resolver.hpp"

namespace refs::resolve {

std::vector<Answer> failed_answers(const http::Request& request, model::IdKind kind, const std::string& problem) {
  std::vector<Answer> answers;
  for (const std::string& subject : request.subjects) {
    answers.push_back({{kind, subject}, std::nullopt, problem, false});
  }
  return answers;
}

} // namespace refs::resolve
