#include "tests/support/arxiv_feed_builder.hpp"

#include <sstream>

namespace refs::testing {

std::string arxiv_feed(const std::map<std::string, FakePaper>& papers, const std::string& id_list) {
  std::ostringstream out;
  out << "<?xml version='1.0' encoding='UTF-8'?>\n"
         "<feed xmlns:opensearch=\"http://a9.com/-/spec/opensearch/1.1/\" "
         "xmlns:arxiv=\"http://arxiv.org/schemas/atom\" xmlns=\"http://www.w3.org/2005/Atom\">\n"
         "  <id>https://arxiv.org/api/fixture</id>\n  <title>arXiv Query: id_list="
      << id_list << "</title>\n";
  std::stringstream ids(id_list);
  for (std::string id; std::getline(ids, id, ',');) {
    const auto it = papers.find(id);
    if (it == papers.end()) {
      continue;
    }
    const FakePaper& p = it->second;
    out << "  <entry>\n    <id>http://arxiv.org/abs/" << id << "v2</id>\n    <title>" << p.title
        << "</title>\n    <updated>2024-01-01T00:00:00Z</updated>\n"
        << "    <link href=\"https://arxiv.org/abs/" << id << "v2\" rel=\"alternate\" type=\"text/html\"/>\n"
        << "    <summary>An abstract.</summary>\n    <category term=\"" << p.primary_class
        << "\" scheme=\"http://arxiv.org/schemas/atom\"/>\n    <published>" << p.published << "</published>\n"
        << "    <arxiv:primary_category term=\"" << p.primary_class << "\"/>\n";
    if (!p.doi.empty()) {
      out << "    <arxiv:doi>" << p.doi << "</arxiv:doi>\n";
    }
    for (const std::string& a : p.authors) {
      out << "    <author>\n      <name>" << a << "</name>\n    </author>\n";
    }
    out << "  </entry>\n";
  }
  out << "</feed>\n";
  return out.str();
}

} // namespace refs::testing
