#include "core/util/latex_characters.hpp"

#include <array>

namespace refs::util {

namespace {

constexpr std::array<LatexAccent, 16> k_accents = {{
    {"`", 0x0300}, {"'", 0x0301}, {"^", 0x0302}, {"~", 0x0303}, {"=", 0x0304}, {"u", 0x0306},
    {".", 0x0307}, {"\"", 0x0308}, {"r", 0x030A}, {"H", 0x030B}, {"v", 0x030C}, {"d", 0x0323},
    {"c", 0x0327}, {"k", 0x0328}, {"b", 0x0331}, {"t", 0x0361},
}};

constexpr std::array<LatexCharacter, 20> k_characters = {{
    {"ss", U'ß'}, {"ae", U'æ'}, {"AE", U'Æ'}, {"oe", U'œ'}, {"OE", U'Œ'}, {"o", U'ø'}, {"O", U'Ø'},
    {"l", U'ł'},  {"L", U'Ł'},  {"i", U'ı'},  {"j", U'ȷ'},  {"aa", U'å'}, {"AA", U'Å'}, {"S", U'§'},
    {"P", U'¶'},  {"copyright", U'©'}, {"pounds", U'£'}, {"dag", U'†'}, {"ddag", U'‡'}, {"textbullet", U'•'},
}};

} // namespace

std::span<const LatexAccent> latex_accents() { return k_accents; }

std::span<const LatexCharacter> latex_characters() { return k_characters; }

bool is_letter_command(std::string_view command) {
  return !command.empty() && ((command[0] >= 'a' && command[0] <= 'z') || (command[0] >= 'A' && command[0] <= 'Z'));
}

} // namespace refs::util
