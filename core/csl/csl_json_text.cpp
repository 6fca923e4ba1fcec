#include "core/csl/csl_json.hpp"

#include "core/csl/csl_fields.hpp"

#include <algorithm>
#include <charconv>

namespace refs::csl {

// The one writer of a citation's CSL-JSON: the library stores this text as
// each citation's record, and to_csl_json() reads it back as a tree. Writing
// the text directly, rather than building a tree to dump, is what lets an
// import of 100,000 entries render its records in a fraction of a second.

namespace {

/// Appends JSON text to a string; each object or array opened is closed by
/// the caller with close().
class TextWriter {
public:
  explicit TextWriter(std::string& out) : m_out(out) {}

  void open(char bracket) {
    comma();
    m_out += bracket;
    m_first = true;
  }
  void close(char bracket) {
    m_out += bracket;
    m_first = false;
  }
  void key(std::string_view name) {
    string(name);
    m_out += ':';
    m_first = true;
  }
  void string(std::string_view value) {
    comma();
    // Plain ASCII goes as it is; anything else (quotes, control bytes,
    // UTF-8, bytes that are not UTF-8) is escaped by nlohmann, exactly as
    // dump() would, with U+FFFD for what is not text.
    if (std::all_of(value.begin(), value.end(), [](char ch) {
          const auto b = static_cast<unsigned char>(ch);
          return b >= 0x20 && b < 0x80 && b != '"' && b != '\\';
        })) {
      m_out += '"';
      m_out += value;
      m_out += '"';
    } else {
      m_out += nlohmann::json(value).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
  }
  void number(int value) {
    comma();
    char digits[16];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    m_out.append(digits, end);
  }
  void boolean(bool value) {
    comma();
    m_out += value ? "true" : "false";
  }
  void member(std::string_view name, std::string_view value) {
    key(name);
    string(value);
  }

private:
  void comma() {
    if (!m_first) {
      m_out += ',';
    }
    m_first = false;
  }

  std::string& m_out;
  bool m_first = true;
};

void write_date(TextWriter& w, std::string_view name, const model::Date& d) {
  w.key(name);
  w.open('{');
  w.key("date-parts");
  w.open('[');
  w.open('[');
  w.number(d.year);
  if (d.month > 0) {
    w.number(d.month);
    if (d.day > 0) {
      w.number(d.day);
    }
  }
  w.close(']');
  w.close(']');
  w.close('}');
}

void write_people(TextWriter& w, std::string_view name, const std::vector<model::Person>& people) {
  if (people.empty()) {
    return;
  }
  w.key(name);
  w.open('[');
  for (const model::Person& p : people) {
    w.open('{');
    if (!p.literal.empty()) {
      w.member("literal", p.literal);
    } else {
      w.member("family", p.family);
      if (!p.given.empty()) {
        w.member("given", p.given);
      }
      if (!p.suffix.empty()) {
        w.member("suffix", p.suffix);
      }
    }
    w.close('}');
  }
  w.close(']');
}

void write_custom(TextWriter& w, const model::Citation& c) {
  w.key("custom");
  w.open('{');
  w.key("identifiers");
  w.open('[');
  for (const model::WorkId& id : c.ids) {
    w.open('{');
    w.member("kind", model::to_string(id.kind));
    w.member("value", id.value);
    w.close('}');
  }
  w.close(']');
  w.key("sources");
  w.open('{');
  for (const auto& [field, source] : c.sources) {
    w.member(field, source);
  }
  w.close('}');
  w.key("key-fixed");
  w.boolean(c.key_fixed);
  if (!c.bib_fields.empty()) {
    w.key("bibtex");
    w.open('{');
    for (const auto& [name, value] : c.bib_fields) {
      w.member(name, value);
    }
    w.close('}');
  }
  for (const auto& [name, value] : {std::pair{"primary-class", &c.primary_class}, std::pair{"categories", &c.categories},
                                    std::pair{"journal-ref", &c.journal_ref}, std::pair{"comment", &c.comment},
                                    std::pair{"archive-url", &c.archive_url}, std::pair{"archive-date", &c.archive_date},
                                    std::pair{"created", &c.created}, std::pair{"updated", &c.updated}}) {
    if (!value->empty()) {
      w.member(name, *value);
    }
  }
  w.close('}');
}

} // namespace

std::string csl_json_text(const model::Citation& c) {
  std::string out;
  out.reserve(512);
  TextWriter w(out);
  w.open('{');
  w.member("id", c.key);
  w.member("type", c.type);
  if (!c.title.empty()) {
    w.member("title", c.title);
  }
  write_people(w, "author", c.authors);
  write_people(w, "editor", c.editors);
  if (c.issued.known()) {
    write_date(w, "issued", c.issued);
  }
  for (const char* name : csl_text_fields()) {
    if (const std::string value = field_text(c, name); !value.empty()) {
      w.member(name, value);
    }
  }
  if (c.accessed.known()) {
    write_date(w, "accessed", c.accessed);
  }
  if (!c.archive_url.empty()) {
    // CSL's own variables for where a copy is kept, which citeproc styles
    // print and pandoc passes on; custom keeps the capture's date too.
    w.member("archive", "Internet Archive");
    w.member("archive_location", c.archive_url);
  }
  write_custom(w, c);
  w.close('}');
  return out;
}

} // namespace refs::csl
