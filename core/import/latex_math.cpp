#include "core/import/latex_math.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace refs::importing {

namespace {

using Table = std::pair<std::string_view, std::string_view>;

// Unicode has superscripts and subscripts for these only (Superscripts and
// Subscripts block, Latin-1, Phonetic Extensions).
constexpr std::array<Table, 26> k_superscripts = {{
    {"0", "⁰"}, {"1", "¹"}, {"2", "²"}, {"3", "³"}, {"4", "⁴"}, {"5", "⁵"}, {"6", "⁶"}, {"7", "⁷"}, {"8", "⁸"},
    {"9", "⁹"}, {"+", "⁺"}, {"-", "⁻"}, {"=", "⁼"}, {"(", "⁽"}, {")", "⁾"}, {"n", "ⁿ"}, {"i", "ⁱ"}, {"a", "ᵃ"},
    {"b", "ᵇ"}, {"c", "ᶜ"}, {"d", "ᵈ"}, {"e", "ᵉ"}, {"k", "ᵏ"}, {"m", "ᵐ"}, {"T", "ᵀ"}, {"*", "*"},
}};
constexpr std::array<Table, 29> k_subscripts = {{
    {"0", "₀"}, {"1", "₁"}, {"2", "₂"}, {"3", "₃"}, {"4", "₄"}, {"5", "₅"}, {"6", "₆"}, {"7", "₇"}, {"8", "₈"},
    {"9", "₉"}, {"+", "₊"}, {"-", "₋"}, {"=", "₌"}, {"(", "₍"}, {")", "₎"}, {"a", "ₐ"}, {"e", "ₑ"}, {"o", "ₒ"},
    {"x", "ₓ"}, {"h", "ₕ"}, {"k", "ₖ"}, {"l", "ₗ"}, {"m", "ₘ"}, {"n", "ₙ"}, {"p", "ₚ"}, {"s", "ₛ"}, {"t", "ₜ"},
    {"i", "ᵢ"}, {"j", "ⱼ"},
}};
constexpr std::array<Table, 78> k_commands = {{
    {"alpha", "α"},   {"beta", "β"},     {"gamma", "γ"},   {"delta", "δ"},    {"epsilon", "ε"},  {"varepsilon", "ε"},
    {"zeta", "ζ"},    {"eta", "η"},      {"theta", "θ"},   {"vartheta", "ϑ"}, {"iota", "ι"},     {"kappa", "κ"},
    {"lambda", "λ"},  {"mu", "μ"},       {"nu", "ν"},      {"xi", "ξ"},       {"pi", "π"},       {"rho", "ρ"},
    {"sigma", "σ"},   {"tau", "τ"},      {"upsilon", "υ"}, {"phi", "φ"},      {"varphi", "φ"},   {"chi", "χ"},
    {"psi", "ψ"},     {"omega", "ω"},    {"Gamma", "Γ"},   {"Delta", "Δ"},    {"Theta", "Θ"},    {"Lambda", "Λ"},
    {"Xi", "Ξ"},      {"Pi", "Π"},       {"Sigma", "Σ"},   {"Upsilon", "Υ"},  {"Phi", "Φ"},      {"Psi", "Ψ"},
    {"Omega", "Ω"},   {"times", "×"},    {"pm", "±"},      {"mp", "∓"},       {"cdot", "·"},     {"infty", "∞"},
    {"leq", "≤"},     {"le", "≤"},       {"geq", "≥"},     {"ge", "≥"},       {"neq", "≠"},      {"ne", "≠"},
    {"approx", "≈"},  {"sim", "∼"},      {"simeq", "≃"},   {"to", "→"},       {"rightarrow", "→"}, {"leftarrow", "←"},
    {"leftrightarrow", "↔"}, {"ell", "ℓ"}, {"partial", "∂"}, {"nabla", "∇"},   {"prime", "′"},    {"circ", "∘"},
    {"log", "log"},   {"ln", "ln"},      {"exp", "exp"},   {"sin", "sin"},    {"cos", "cos"},    {"max", "max"},
    {"min", "min"},   {"deg", "deg"},    {"in", "∈"},      {"subset", "⊂"},   {"cup", "∪"},      {"cap", "∩"},
    {"ldots", "…"},   {"cdots", "⋯"},    {"{", "{"},       {"}", "}"},        {"%", "%"},        {"sqrt", "√"},
}};
// Commands whose argument is their text.
constexpr std::array<std::string_view, 9> k_fonts = {"mathrm", "mathit", "mathbf", "mathsf", "mathtt",
                                                     "text",   "textrm", "operatorname", "mbox"};

std::optional<std::string_view> look_up(const auto& table, std::string_view key) {
  for (const auto& [from, to] : table) {
    if (from == key) {
      return to;
    }
  }
  return std::nullopt;
}

/// The group or character at `pos` (after `^`, `_` or a command), moved past.
std::string_view operand(std::string_view tex, std::size_t& pos) {
  while (pos < tex.size() && tex[pos] == ' ') {
    ++pos;
  }
  if (pos >= tex.size()) {
    return {};
  }
  if (tex[pos] != '{') {
    return tex.substr(pos++, 1);
  }
  int depth = 0;
  const std::size_t start = pos + 1;
  for (; pos < tex.size(); ++pos) {
    depth += tex[pos] == '{' ? 1 : tex[pos] == '}' ? -1 : 0;
    if (depth == 0) {
      return tex.substr(start, pos++ - start);
    }
  }
  return tex.substr(start);
}

/// Each character of `text` through `table`; nullopt when one has no entry.
std::optional<std::string> scripted(std::string_view text, const auto& table) {
  std::string out;
  for (char c : text) {
    if (c == ' ') {
      continue;
    }
    const auto mapped = look_up(table, std::string_view(&c, 1));
    if (!mapped) {
      return std::nullopt;
    }
    out += *mapped;
  }
  return out;
}

} // namespace

std::optional<std::string> math_as_text(std::string_view tex) {
  std::string out;
  for (std::size_t pos = 0; pos < tex.size();) {
    const char c = tex[pos];
    if (c == '^' || c == '_') {
      ++pos;
      const std::string_view arg = operand(tex, pos);
      const auto text = c == '^' ? scripted(arg, k_superscripts) : scripted(arg, k_subscripts);
      if (!text) {
        return std::nullopt;
      }
      out += *text;
    } else if (c == '\\') {
      std::size_t end = pos + 1;
      while (end < tex.size() && std::isalpha(static_cast<unsigned char>(tex[end])) != 0) {
        ++end;
      }
      end = end == pos + 1 ? std::min(end + 1, tex.size()) : end; // \{ \% \,
      const std::string_view name = tex.substr(pos + 1, end - pos - 1);
      pos = end;
      if (name == "," || name == ";" || name == " ") {
        out += ' ';
      } else if (name == "!") {
      } else if (const auto symbol = look_up(k_commands, name)) {
        out += *symbol;
      } else if (std::find(k_fonts.begin(), k_fonts.end(), name) != k_fonts.end()) {
        const auto inner = math_as_text(operand(tex, pos));
        if (!inner) {
          return std::nullopt;
        }
        out += *inner;
      } else {
        return std::nullopt;
      }
    } else if (c == '{' || c == '}') {
      ++pos;
    } else {
      out += c;
      ++pos;
    }
  }
  return out;
}

std::string chemistry_as_text(std::string_view formula) {
  std::string out;
  for (std::size_t pos = 0; pos < formula.size();) {
    const char c = formula[pos];
    const char before = pos > 0 ? formula[pos - 1] : ' ';
    if (c == '^') {
      ++pos;
      const auto text = scripted(operand(formula, pos), k_superscripts);
      if (!text) {
        return std::string(formula);
      }
      out += *text;
    } else if (c == '-' && formula.substr(pos, 2) == "->") {
      out += "→";
      pos += 2;
    } else if (std::isdigit(static_cast<unsigned char>(c)) != 0 &&
               (std::isalpha(static_cast<unsigned char>(before)) != 0 || before == ')' || before == ']')) {
      // A count after an element or a group; a leading count ("2 H2O") stays.
      while (pos < formula.size() && std::isdigit(static_cast<unsigned char>(formula[pos])) != 0) {
        out += *look_up(k_subscripts, formula.substr(pos++, 1));
      }
    } else if (c == '{' || c == '}') {
      ++pos;
    } else {
      out += c;
      ++pos;
    }
  }
  return out;
}

} // namespace refs::importing
