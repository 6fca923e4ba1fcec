#include "core/published/published_citation.hpp"

#include "core/csl/csl_fields.hpp"
#include "core/dedupe/folded_text.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace refs::published {

namespace {

/// What a published version says of where and when it appeared.
constexpr std::array<std::string_view, 10> k_venue_fields = {
    "type", "container-title", "container-title-short", "issued", "volume", "issue", "page", "DOI", "publisher", "number"};

bool same_letters(const std::string& a, const std::string& b) {
  return dedupe::fold_letters(a) == dedupe::fold_letters(b);
}

/// The same people, differing at most in case or punctuation.
bool same_people(const std::vector<model::Person>& a, const std::vector<model::Person>& b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](const model::Person& x, const model::Person& y) {
           return same_letters(x.family, y.family) && same_letters(x.given, y.given) && same_letters(x.literal, y.literal);
         });
}

/// The same value from the same source (or none) in both.
bool same_field(const model::Citation& a, const model::Citation& b, std::string_view name) {
  const auto x = a.sources.find(std::string(name));
  const auto y = b.sources.find(std::string(name));
  const bool same_source = (x == a.sources.end()) == (y == b.sources.end()) && (x == a.sources.end() || x->second == y->second);
  return same_source && csl::field_text(a, name) == csl::field_text(b, name);
}

} // namespace

model::Citation with_published_version(const model::Citation& preprint, const model::Citation& version) {
  model::Citation c = preprint;
  for (std::string_view name : k_venue_fields) {
    csl::copy_field(c, version, name);
    c.sources[std::string(name)] = k_published_source;
  }
  if (version.type.empty()) {
    c.type = preprint.type;
  }
  if (!version.title.empty() && version.title != preprint.title && same_letters(version.title, preprint.title)) {
    c.title = version.title;
    c.sources["title"] = k_published_source;
    c.bib_fields.erase("title"); // its LaTeX says the old spelling
  }
  if (!version.authors.empty() && version.authors != preprint.authors && same_people(version.authors, preprint.authors)) {
    c.authors = version.authors;
    c.sources["author"] = k_published_source;
  }
  for (const model::WorkId& id : version.ids) {
    if (id.kind == model::IdKind::doi && std::find(c.ids.begin(), c.ids.end(), id) == c.ids.end()) {
      c.ids.push_back(id);
    }
  }
  if (!c.doi.empty()) {
    const model::WorkId doi{model::IdKind::doi, c.doi};
    if (std::find(c.ids.begin(), c.ids.end(), doi) == c.ids.end()) {
      c.ids.push_back(doi);
    }
  }
  return c;
}

std::vector<std::string> changed_fields(const model::Citation& before, const model::Citation& after) {
  std::vector<std::string> out;
  for (std::string_view name : csl::field_names()) {
    if (!same_field(before, after, name)) {
      out.emplace_back(name);
    }
  }
  return out;
}

std::vector<std::string> changed_since(const model::Citation& current, const model::Citation& before,
                                       const model::Citation& after) {
  std::vector<std::string> out;
  for (const std::string& name : changed_fields(before, after)) {
    if (!same_field(current, after, name)) {
      out.push_back(name);
    }
  }
  return out;
}

model::Citation without_published_version(const model::Citation& current, const model::Citation& before,
                                          const model::Citation& after) {
  model::Citation c = current;
  for (const std::string& name : changed_fields(before, after)) {
    csl::copy_field(c, before, name);
    if (const auto source = before.sources.find(name); source != before.sources.end()) {
      c.sources[name] = source->second;
    } else {
      c.sources.erase(name);
    }
  }
  std::erase_if(c.ids, [&](const model::WorkId& id) {
    const auto in = [&](const model::Citation& x) { return std::find(x.ids.begin(), x.ids.end(), id) != x.ids.end(); };
    return in(after) && !in(before);
  });
  return c;
}

} // namespace refs::published
