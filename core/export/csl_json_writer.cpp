#include "core/export/csl_json_writer.hpp"

#include "core/csl/csl_json.hpp"

namespace refs::exporting {

std::string to_csl_json_array(const std::vector<model::Citation>& citations) {
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  for (const model::Citation& c : citations) {
    array.push_back(csl::to_csl_json(c));
  }
  return array.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

} // namespace refs::exporting
