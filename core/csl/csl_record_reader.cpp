#include "core/csl/csl_record_reader.hpp"

#include "core/csl/csl_fields.hpp"
#include "core/csl/csl_json.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string_view>
#include <vector>

namespace refs::csl {

// Reads the events of nlohmann's SAX parser straight into a Citation. It
// knows only the layout to_csl_json() writes and gives up (so that the
// caller reads the record as a tree, with from_csl_json's checks and
// messages) at anything else: the tree costs twice the time, most of it
// allocating nodes that are thrown away at once.

namespace {

using Json = nlohmann::json;

enum class Frame { top, people, person, date, date_parts, date_part_list, custom, ids, id, sources };

class RecordSax : public nlohmann::json_sax<Json> {
public:
  explicit RecordSax(model::Citation& c) : m_c(c) {}

  bool complete() const { return m_has_id && m_has_type && m_frames.empty(); }

  bool null() override { return false; }
  bool boolean(bool value) override {
    if (at(Frame::custom) && m_key == "key-fixed") {
      m_c.key_fixed = value;
      return true;
    }
    return false;
  }
  bool number_integer(number_integer_t value) override { return date_part(value); }
  bool number_unsigned(number_unsigned_t value) override { return date_part(static_cast<number_integer_t>(value)); }
  bool number_float(number_float_t, const string_t&) override { return false; }
  bool binary(binary_t&) override { return false; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

  bool string(string_t& value) override {
    if (m_frames.empty()) {
      return false;
    }
    switch (m_frames.back()) {
    case Frame::top:
      return top_string(value);
    case Frame::person:
      return person_string(value);
    case Frame::id:
      if (m_key == "kind" || m_key == "value") {
        (m_key == "kind" ? m_id_kind : m_id_value) = std::move(value);
        return true;
      }
      return false;
    case Frame::sources:
      m_c.sources[m_key] = std::move(value);
      return true;
    case Frame::custom:
      return custom_string(value);
    default:
      return false;
    }
  }

  bool key(string_t& value) override {
    // A key twice in one object: the tree keeps the last, so leave it to the tree.
    std::vector<std::string>& seen = m_seen.back();
    if (std::find(seen.begin(), seen.end(), value) != seen.end()) {
      return false;
    }
    seen.push_back(value);
    m_key = std::move(value);
    return true;
  }

  bool start_object(std::size_t) override {
    m_seen.emplace_back();
    if (m_frames.empty()) {
      return push(Frame::top);
    }
    if (at(Frame::people)) {
      m_person = {};
      return push(Frame::person);
    }
    if (at(Frame::top) && (m_key == "issued" || m_key == "accessed")) {
      m_date_field = m_key == "issued" ? &model::Citation::issued : &model::Citation::accessed;
      m_parts.clear();
      return push(Frame::date);
    }
    if (at(Frame::top) && m_key == "custom") {
      return push(Frame::custom);
    }
    if (at(Frame::ids)) {
      m_id_kind.clear();
      m_id_value.clear();
      return push(Frame::id);
    }
    if (at(Frame::custom) && m_key == "sources") {
      return push(Frame::sources);
    }
    return false;
  }

  bool end_object() override {
    if (at(Frame::person)) {
      if (m_person.family.empty() && m_person.literal.empty()) {
        return false;
      }
      (m_c.*m_people).push_back(std::move(m_person));
    } else if (at(Frame::id)) {
      model::IdKind kind{};
      if (model::parse_id_kind(m_id_kind, kind) && !m_id_value.empty()) {
        m_c.ids.push_back({kind, std::move(m_id_value)});
      }
    } else if (at(Frame::date) && !finish_date()) {
      return false;
    }
    m_frames.pop_back();
    m_seen.pop_back();
    return true;
  }

  bool start_array(std::size_t) override {
    if (at(Frame::top) && (m_key == "author" || m_key == "editor")) {
      m_people = m_key == "author" ? &model::Citation::authors : &model::Citation::editors;
      return push(Frame::people);
    }
    if (at(Frame::date) && m_key == "date-parts") {
      m_part_lists = 0;
      return push(Frame::date_parts);
    }
    if (at(Frame::date_parts) && m_part_lists++ == 0) {
      return push(Frame::date_part_list); // the tree reads the first list only
    }
    if (at(Frame::custom) && m_key == "identifiers") {
      return push(Frame::ids);
    }
    return false;
  }

  bool end_array() override {
    m_frames.pop_back();
    return true;
  }

private:
  bool at(Frame f) const { return !m_frames.empty() && m_frames.back() == f; }

  bool push(Frame f) {
    m_frames.push_back(f);
    return true;
  }

  bool top_string(string_t& value) {
    if (m_key == "id") {
      m_c.key = std::move(value);
      m_has_id = true;
      return true;
    }
    if (m_key == "type" || m_key == "title") {
      m_has_type = m_has_type || m_key == "type";
      return set_field(m_c, m_key, value).has_value(); // checks the type, as the tree reader does
    }
    const auto fields = csl_text_fields();
    return std::find(fields.begin(), fields.end(), m_key) != fields.end() && set_field(m_c, m_key, value).has_value();
  }

  bool person_string(string_t& value) {
    if (m_key == "family") {
      m_person.family = std::move(value);
    } else if (m_key == "given") {
      m_person.given = std::move(value);
    } else if (m_key == "literal") {
      m_person.literal = std::move(value);
    } else {
      return false;
    }
    return true;
  }

  bool custom_string(string_t& value) {
    if (m_key == "created" || m_key == "updated") {
      (m_key == "created" ? m_c.created : m_c.updated) = std::move(value);
      return true;
    }
    return (m_key == "primary-class" || m_key == "journal-ref" || m_key == "comment" || m_key == "categories") &&
           set_field(m_c, m_key, value).has_value();
  }

  bool date_part(number_integer_t value) {
    if (!at(Frame::date_part_list)) {
      return false;
    }
    m_parts.push_back(value);
    return true;
  }

  /// The checks of the tree reader's dates.
  bool finish_date() {
    if (m_parts.empty()) {
      return false;
    }
    model::Date d;
    int* slots[3] = {&d.year, &d.month, &d.day};
    for (std::size_t i = 0; i < m_parts.size() && i < 3; ++i) {
      if (m_parts[i] < -1000000 || m_parts[i] > 1000000) {
        return false;
      }
      *slots[i] = static_cast<int>(m_parts[i]);
    }
    if (d.year < 1 || d.year > 9999 || d.month < 0 || d.month > 12 || d.day < 0 || d.day > 31 ||
        (d.month == 0 && d.day != 0)) {
      return false;
    }
    m_c.*m_date_field = d;
    return true;
  }

  model::Citation& m_c;
  std::vector<Frame> m_frames;
  std::vector<std::vector<std::string>> m_seen; ///< keys of each open object
  std::string m_key;
  bool m_has_id = false;
  bool m_has_type = false;
  model::Person m_person;
  std::vector<model::Person> model::Citation::*m_people = &model::Citation::authors;
  model::Date model::Citation::*m_date_field = &model::Citation::issued;
  std::vector<number_integer_t> m_parts;
  int m_part_lists = 0;
  std::string m_id_kind;
  std::string m_id_value;
};

} // namespace

std::optional<model::Citation> read_csl_record(std::string_view compact) {
  model::Citation c;
  RecordSax sax(c);
  if (!Json::sax_parse(compact.begin(), compact.end(), &sax) || !sax.complete()) {
    return std::nullopt;
  }
  return c;
}

} // namespace refs::csl
