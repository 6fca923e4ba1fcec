#include "core/resolve/web/month_names.hpp"

#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace refs::resolve::web {

// Why ICU: CLDR has every language's month names and their abbreviations
// (with the oddities: "févr.", "mrt.", "sept.", "März"), kept by people who
// know them; a hand-written list would miss forms. Korean, Japanese and
// Chinese write months as numbers ("11월", "11月"), which date_text.cpp reads.

namespace {

using MonthTable = std::vector<std::pair<std::string, int>>;

std::string folded(const icu::UnicodeString& name) {
  icu::UnicodeString lower = name;
  lower.foldCase();
  std::string out;
  lower.toUTF8String(out);
  while (!out.empty() && out.back() == '.') {
    out.pop_back();
  }
  return out;
}

/// Month names (1-12) or weekday names (1-7) from CLDR.
MonthTable build_table(bool weekdays) {
  MonthTable table;
  for (const char* language : {"en", "de", "fr", "es", "it", "pt", "nl"}) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::DateFormatSymbols symbols(icu::Locale(language), status);
    if (U_FAILURE(status)) {
      continue;
    }
    for (auto context : {icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::STANDALONE}) {
      for (auto width : {icu::DateFormatSymbols::WIDE, icu::DateFormatSymbols::ABBREVIATED}) {
        int32_t count = 0;
        const icu::UnicodeString* names =
            weekdays ? symbols.getWeekdays(count, context, width) : symbols.getMonths(count, context, width);
        for (int32_t i = 0; i < count && i < 12; ++i) {
          if (std::string name = folded(names[i]); name.size() >= 2) {
            table.emplace_back(std::move(name), weekdays ? i : i + 1);
          }
        }
      }
    }
  }
  if (weekdays) {
    // ICU's weekday arrays start at index 1; index 0 is empty.
    table.erase(std::remove_if(table.begin(), table.end(), [](const auto& e) { return e.second == 0; }), table.end());
  }
  // Abbreviations pages use that CLDR does not list.
  if (!weekdays) {
    for (const auto& [name, month] : std::initializer_list<std::pair<const char*, int>>{
             {"sept", 9}, {"mrz", 3}, {"okt", 10}, {"dez", 12}, {"janv", 1}, {"juil", 7}}) {
      table.emplace_back(name, month);
    }
  }
  std::sort(table.begin(), table.end());
  table.erase(std::unique(table.begin(), table.end()), table.end());
  return table;
}


int look_up(const MonthTable& table, std::string_view word, std::size_t shortest) {
  if (word.size() < shortest || word.size() > 24) {
    return 0;
  }
  const std::string key = folded(icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size()))));
  const auto it = std::lower_bound(table.begin(), table.end(), key,
                                   [](const auto& entry, const std::string& k) { return entry.first < k; });
  return it != table.end() && it->first == key ? it->second : 0;
}

} // namespace

int month_from_name(std::string_view word) {
  // Built once: CLDR does not change while we run.
  static const MonthTable table = build_table(false);
  return look_up(table, word, 3);
}

bool is_weekday_name(std::string_view word) {
  static const MonthTable table = build_table(true);
  return look_up(table, word, 3) != 0;
}

} // namespace refs::resolve::web
