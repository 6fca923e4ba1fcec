#include "core/export/csl_json_writer.hpp"

#include "core/csl/csl_json.hpp"
#include "core/export/export_text.hpp"

#include <array>

namespace refs::exporting {

namespace {

using ByteSet = std::array<bool, 256>;

constexpr ByteSet byte_set(std::string_view bytes) {
  ByteSet set{};
  for (char c : bytes) {
    set[static_cast<unsigned char>(c)] = true;
  }
  return set;
}

constexpr ByteSet k_structural = byte_set("\"{}[],:");
constexpr ByteSet k_string_end = byte_set("\"\\");

/// The index of the first byte of `text` from `from` on that is in `set`,
/// or npos (find_first_of would scan the set for every byte).
std::size_t find_any(std::string_view text, std::size_t from, const ByteSet& set) {
  for (std::size_t i = from; i < text.size(); ++i) {
    if (set[static_cast<unsigned char>(text[i])]) {
      return i;
    }
  }
  return std::string_view::npos;
}

} // namespace

std::string csl_json_item(const model::Citation& citation) {
  return indent_csl_item(csl::csl_json_text(citation));
}

std::string indent_csl_item(std::string_view compact) {
  // The layout of nlohmann's dump(2), one level in: a newline and the
  // indentation after each opening bracket and comma, before each closing
  // one, ": " between a key and its value; empty containers stay "{}"/"[]".
  // Runs between those characters (and whole strings) are copied at once.
  std::string out;
  out.reserve(compact.size() * 3 / 2);
  std::size_t depth = 1;
  const auto newline = [&](std::size_t level) {
    out += '\n';
    out.append(2 * level, ' ');
  };
  out += "  ";
  std::size_t i = 0;
  while (i < compact.size()) {
    const std::size_t next = find_any(compact, i, k_structural);
    out.append(compact.substr(i, next == std::string_view::npos ? std::string_view::npos : next - i));
    if (next == std::string_view::npos) {
      break;
    }
    i = next;
    const char c = compact[i];
    if (c == '"') {
      std::size_t end = i + 1;
      while ((end = find_any(compact, end, k_string_end)) != std::string_view::npos && compact[end] == '\\') {
        end += 2;
      }
      end = end == std::string_view::npos ? compact.size() : end + 1;
      out.append(compact.substr(i, end - i));
      i = end;
      continue;
    }
    if ((c == '{' || c == '[') && i + 1 < compact.size() && (compact[i + 1] == '}' || compact[i + 1] == ']')) {
      out.append(compact.substr(i, 2));
      i += 2;
      continue;
    }
    if (c == '{' || c == '[') {
      out += c;
      newline(++depth);
    } else if (c == '}' || c == ']') {
      newline(--depth);
      out += c;
    } else if (c == ',') {
      out += c;
      newline(depth);
    } else {
      out += ": ";
    }
    ++i;
  }
  return out;
}

std::string to_csl_json_array(const std::vector<model::Citation>& citations) {
  // Item by item, so that only one item's tree is ever held.
  ExportText out(ExportText::Kind::csl_json);
  for (const model::Citation& c : citations) {
    out.add(csl_json_item(c));
  }
  return std::move(out).finish();
}

} // namespace refs::exporting
