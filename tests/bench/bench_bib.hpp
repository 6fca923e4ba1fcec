#pragma once

#include <cstddef>
#include <filesystem>

namespace refs::bench {

/// Writes the benchmarks' library as a .bib of `size` entries: journal
/// papers, proceedings, arXiv preprints, books with editors and web pages
/// in equal parts; made-up names mostly, and Latin, Cyrillic, CJK and
/// Korean ones; LaTeX specials in titles. The same file for the same size.
void write_bench_bib(const std::filesystem::path& path, std::size_t size);

} // namespace refs::bench
