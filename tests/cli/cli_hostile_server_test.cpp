// End-to-end: servers that misbehave on purpose. Each run ends with a
// warning naming the URL and the citation the post itself supports, within
// two tries of the timeout, and in bounded memory.
#include "tests/support/fixture_server.hpp"
#include "tests/support/refs_runner.hpp"
#include "tests/support/temp_dir.hpp"

#include <httplib.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>
#include <stdexcept>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace refs::testing {
namespace {

using namespace std::chrono_literals;

constexpr long k_peak_limit_kb = 200 * 1024;
// What a server that never finishes costs at most: a try of --timeout, the
// first retry's backoff (1 s, with jitter up to half again), a second try,
// then the host is given up; and 1.5 s for starting, TLS and storing (3 s
// in the sanitizer build, whose refs starts and runs slower).
constexpr int k_timeout_s = 2;
#ifdef REFS_SANITIZED
constexpr double k_rest_s = 3.0;
#else
constexpr double k_rest_s = 1.5;
#endif
constexpr double k_time_limit_s = 2 * k_timeout_s + 1.5 + k_rest_s;
// The sanitizers' own memory is no measure of ours.
#ifdef REFS_SANITIZED
constexpr bool k_memory_is_ours = false;
#else
constexpr bool k_memory_is_ours = true;
#endif

/// The parts of a gzip stream that inflates without end, a thousand to one:
/// one compressed 16 MiB run of zeros, flushed so that the compressor
/// forgets it, is byte for byte the same the next time. Sent as the first
/// part, then the second over and over; the trailer never comes.
std::vector<std::string> gzip_bomb_parts() {
  z_stream z{};
  if (deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("zlib");
  }
  const std::string zeros(16 << 20, '\0');
  std::vector<std::string> parts;
  for (int i = 0; i < 2; ++i) {
    std::string out(zeros.size() / 100, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zeros.data()));
    z.avail_in = static_cast<uInt>(zeros.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    deflate(&z, Z_FULL_FLUSH);
    out.resize(out.size() - z.avail_out);
    parts.push_back(std::move(out));
  }
  deflateEnd(&z);
  return parts; // the header and first run, then the run that repeats
}

/// The arXiv feed of an attack on XML readers: entities that expand to a
/// billion characters, and one that names a local file.
std::string hostile_feed() {
  std::string dtd = "<!ENTITY a0 \"aaaaaaaaaa\">";
  for (int i = 1; i <= 9; ++i) {
    const std::string prev = "&a" + std::to_string(i - 1) + ";";
    std::string ten;
    for (int j = 0; j < 10; ++j) {
      ten += prev;
    }
    dtd += "<!ENTITY a" + std::to_string(i) + " \"" + ten + "\">";
  }
  return "<?xml version=\"1.0\"?><!DOCTYPE feed [" + dtd + "<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
         "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>http://arxiv.org/abs/2401.00001v1</id>"
         "<title>&a9;&x;</title><summary>&a9;</summary><published>2024-01-01T00:00:00Z</published>"
         "<author><name>&a9;</name></author></entry></feed>";
}

/// One misbehaving server, and what refs must say about it.
struct Hostile {
  std::string name;
  std::string url;
  std::function<void(FixtureServer&)> serve;
  std::string warning; ///< after "refs: warning: URL: "
};

// One table of every case, long on purpose: each entry is the whole story
// of one server, read top to bottom.
std::vector<Hostile> hostile_servers() {
  const std::string host = "hostile.example.org";
  // Sent as it is: a plain reply would be gzipped by the server first,
  // which takes it seconds for tens of megabytes.
  const auto page = [host](const std::string& path, std::string html) {
    return [host, path, html = std::make_shared<const std::string>(std::move(html))](FixtureServer& server) {
      server.on_raw(host, path, [html](const httplib::Request&, httplib::Response& res) {
        res.set_content_provider(html->size(), "text/html; charset=utf-8",
                                 [html](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                                   return sink.write(html->data() + offset, std::min<std::size_t>(length, 1 << 16));
                                 });
      });
    };
  };
  const auto redirect = [host](const std::string& path, const std::string& to) {
    return [host, path, to](FixtureServer& server) { server.on(host, path, Reply{302, "", "text/html", {{"Location", to}}, 0}); };
  };
  const std::string none = "the page names no title or author";
  const std::string unusable = none + "; left out as unusable: ";
  std::string metas = "<html><head>";
  for (int i = 0; i < 1000000; ++i) {
    metas += "<meta name=\"m" + std::to_string(i) + "\" content=\"v\">";
  }
  std::string deep = "<html><head><script type=\"application/ld+json\">" + std::string(100000, '[') +
                     std::string(100000, ']') + "</script><script type=\"application/ld+json\">";
  for (int i = 0; i < 100000; ++i) {
    deep += "{\"@graph\":";
  }
  deep += '1';
  deep.append(100000, '}');
  deep += "</script></head></html>";
  return {
      {"slow drip", "https://hostile.example.org/drip",
       [host](FixtureServer& server) {
         server.on_raw(host, "/drip", [](const httplib::Request&, httplib::Response& res) {
           res.set_chunked_content_provider("text/html", [](std::size_t, httplib::DataSink& sink) {
             std::this_thread::sleep_for(50ms);
             return sink.write("<", 1);
           });
         });
       },
       "timed out after 2 s"},
      {"5 GB Content-Length", "https://hostile.example.org/huge",
       [host](FixtureServer& server) {
         server.on_raw(host, "/huge", [](const httplib::Request&, httplib::Response& res) {
           const std::string block(64 * 1024, 'a');
           res.set_content_provider(5ULL << 30, "text/html", [block](std::size_t, std::size_t, httplib::DataSink& sink) {
             return sink.write(block.data(), block.size());
           });
         });
       },
       none},
      {"gzip bomb", "https://hostile.example.org/bomb",
       [host](FixtureServer& server) {
         const auto parts = gzip_bomb_parts();
         server.on_raw(host, "/bomb", [parts](const httplib::Request&, httplib::Response& res) {
           res.set_header("Content-Encoding", "gzip");
           res.set_chunked_content_provider("text/html", [parts](std::size_t offset, httplib::DataSink& sink) {
             const std::string& part = offset == 0 ? parts[0] : parts[1];
             return sink.write(part.data(), part.size());
           });
         });
       },
       none},
      {"redirect loop", "https://hostile.example.org/loop", redirect("/loop", "/loop"), "more than 5 redirects"},
      {"redirect to file:", "https://hostile.example.org/to-file", redirect("/to-file", "file:///etc/passwd"),
       "not an http(s) URL: file:///etc/passwd"},
      {"redirect to ftp:", "https://hostile.example.org/to-ftp", redirect("/to-ftp", "ftp://example.org/x"),
       "not an http(s) URL: ftp://example.org/x"},
      {"redirect to gopher:", "https://hostile.example.org/to-gopher", redirect("/to-gopher", "gopher://example.org/1"),
       "not an http(s) URL: gopher://example.org/1"},
      {"TLS certificate of another host", "https://wrong-host.example.net/page", [](FixtureServer&) {},
       "TLS: SSL: no alternative certificate subject name matches target host name 'wrong-host.example.net'"},
      {"XML entities in the arXiv feed", "https://arxiv.org/abs/2401.00001",
       [](FixtureServer& server) {
         server.on("export.arxiv.org", "/api/query", Reply{200, hostile_feed(), "application/atom+xml", {}, 0});
       },
       "arXiv sent no feed: not an Atom feed: it declares a DTD (entities are not read)"},
      {"JSON-LD 100,000 deep", "https://hostile.example.org/deep", page("/deep", deep), none},
      {"1,000,000 meta tags", "https://hostile.example.org/metas", page("/metas", metas), none},
      {"invalid UTF-8 in every field", "https://hostile.example.org/utf8",
       page("/utf8", "<html><head><meta charset=\"utf-8\"><title>Bad \xff\xfe title \xc3</title>"
                     "<meta property=\"og:title\" content=\"OG \xed\xa0\x80 title\">"
                     "<meta name=\"author\" content=\"Ann \xc0\xaf Author\">"
                     "<meta property=\"og:site_name\" content=\"Site \xf8\x88\x80\x80\x80\">"
                     "<meta name=\"citation_publication_date\" content=\"2024-0\xff-01\"></head></html>"),
       unusable + "title: not valid text; author: not valid text; container-title: not valid text"},
      {"NUL bytes", "https://hostile.example.org/nul",
       page("/nul", std::string("<html><head><title>Nul\0 title</title><meta name=\"author\" content=\"Ann\0 Author\">"
                                "<meta property=\"og:site_name\" content=\"Si\0te\"></head></html>",
                                140)),
       unusable + "title: not valid text; author: not valid text; container-title: not valid text"},
      {"10 MB title", "https://hostile.example.org/title",
       page("/title", "<html><head><title>" + std::string(10 << 20, 'x') + "</title></head></html>"),
       unusable + "title: 524269 bytes long"},
  };
}

TEST(CliHostileServer, EachEndsInAWarningAndThePostsCitationInBoundedMemory) {
  std::printf("%-34s %8s %9s   (limits: %.1f s, %ld MB%s)\n", "server", "seconds", "peak MB", k_time_limit_s,
              k_peak_limit_kb / 1024, k_memory_is_ours ? "" : "; memory not checked: a sanitizer build's memory is not refs's");
  for (const Hostile& h : hostile_servers()) {
    SCOPED_TRACE(h.name);
    FixtureServer server;
    TempDir dir;
    h.serve(server);
    dir.write("p.md", "Text[^h].\n\n[^h]: [Hostile page](" + h.url + ")\n");
    const auto start = std::chrono::steady_clock::now();
    const RunResult r = run_refs_measured(dir.path(),
                                          {"--db", "lib.sqlite", "--connect-to", server.connect_to(), "--cacert",
                                           server.cacert(), "--timeout", std::to_string(k_timeout_s), "--no-archive", "resolve", "p.md"},
                                          {"no_proxy=*", "REFS_ARXIV_INTERVAL_MS=0"});
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("%-34s %8.1f %9.1f%s\n", h.name.c_str(), seconds, static_cast<double>(r.peak_kb) / 1024,
                k_memory_is_ours ? "" : " (not checked)");
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_LE(seconds, k_time_limit_s);
    if (h.name == "slow drip") {
      EXPECT_EQ(server.arrivals().size(), 2u) << "a timeout is tried once more, then the host is given up";
    }
    EXPECT_EQ(r.err, "refs: warning: " + h.url + ": " + h.warning + "; cited from the post's text\n"
                     "hint: run 'refs resolve --refresh' later to try the failed references again\n");
    // The citation is the post's: its link text, from no other source.
    const RunResult shown = run_refs(dir.path(), {"--db", "lib.sqlite", "list"});
    EXPECT_NE(shown.out.find("Hostile page"), std::string::npos) << shown.out;
    const RunResult json = run_refs(dir.path(), {"--db", "lib.sqlite", "export", "--csl-json"});
    EXPECT_NE(json.out.find("\"title\": \"Hostile page\""), std::string::npos);
    EXPECT_EQ(json.out.find("root:"), std::string::npos) << "nothing of /etc/passwd";
    if (k_memory_is_ours) {
      EXPECT_LT(r.peak_kb, k_peak_limit_kb);
    }
  }
}

} // namespace
} // namespace refs::testing
