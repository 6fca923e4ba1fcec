#include "tests/support/fixture_server.hpp"

#include <httplib.h>

#include <algorithm>
#include <cstdlib>
#include <stdexcept>

namespace refs::testing {

namespace {

// Every host the tests route here: the certificate must name each of them.
constexpr const char* k_names =
    "DNS:localhost,DNS:arxiv.org,DNS:*.arxiv.org,DNS:doi.org,DNS:api.crossref.org,DNS:data.crossref.org,"
    "DNS:huggingface.co,DNS:example.com,DNS:*.example.com,DNS:example.org,DNS:*.example.org,"
    "DNS:www.whitehouse.gov,DNS:www.reuters.com,DNS:openai.com,DNS:cdn.openai.com,DNS:status.openai.com,"
    "DNS:www.gov.uk,DNS:oecd.ai,DNS:deadline.com,DNS:www.wsj.com,DNS:www.nytimes.com,DNS:tldraw.substack.com,"
    "DNS:deepmind.google,DNS:ai.meta.com,DNS:towardsdatascience.com,DNS:medium.com,DNS:neptune.ai,"
    "DNS:www.builder.io,DNS:luminousmen.com,DNS:doordash.engineering,DNS:sidsite.com,DNS:bit.ly,DNS:web.archive.org,DNS:www.linkedin.com,DNS:github.com,DNS:api.semanticscholar.org,DNS:dblp.org,IP:127.0.0.1";

void make_certificates(const std::filesystem::path& dir) {
  const std::string d = dir.string();
  const std::string ec = " -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes ";
  const std::string script =
      "cd '" + d + "' && "
      "openssl req -x509" + ec + "-keyout ca.key -out ca.pem -days 2 -subj /CN=refs-test-ca 2>/dev/null && "
      "openssl req" + ec + "-keyout server.key -out server.csr -subj /CN=refs-test 2>/dev/null && "
      "printf 'subjectAltName=" + std::string(k_names) + "\\n' > san.ext && "
      "openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 2 "
      "-extfile san.ext 2>/dev/null";
  if (std::system(script.c_str()) != 0) {
    throw std::runtime_error("openssl could not make the test certificates");
  }
}

std::string host_of(const httplib::Request& request) {
  std::string host = request.get_header_value("Host");
  return host.substr(0, host.find(':'));
}

} // namespace

FixtureServer::FixtureServer() {
  make_certificates(m_dir.path());
  m_server = std::make_unique<httplib::SSLServer>((m_dir / "server.pem").c_str(), (m_dir / "server.key").c_str());
  // Each kept-alive connection holds a worker thread; refs opens one per
  // host, so the default pool of 8 would make later hosts wait seconds.
  m_server->new_task_queue = [] { return new httplib::ThreadPool(64); };
  const auto serve = [this](const httplib::Request& request, httplib::Response& response) {
    Logged entry{host_of(request), request.path, request.target, request.get_header_value("User-Agent"),
                 request.get_header_value("Accept"), std::chrono::steady_clock::now(), {}};
    Running running(*this, request.target);
    if (const RawHandler raw = raw_route(request)) {
      raw(request, response);
      entry.end = std::chrono::steady_clock::now();
      running.finish(std::move(entry));
      return;
    }
    const Reply reply = answer(request);
    if (reply.delay_ms > 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(reply.delay_ms));
    }
    response.status = reply.status;
    for (const auto& [name, value] : reply.headers) {
      response.set_header(name, value);
    }
    response.set_content(reply.body, reply.content_type);
    entry.end = std::chrono::steady_clock::now();
    running.finish(std::move(entry));
  };
  // GET and HEAD (which httplib answers from the GET route), and POST for
  // the forms a test plays (Save Page Now).
  m_server->Get(".*", serve);
  m_server->Post(".*", serve);
  m_port = m_server->bind_to_any_port("127.0.0.1");
  if (m_port <= 0) {
    throw std::runtime_error("the fixture server cannot bind to 127.0.0.1");
  }
  m_thread = std::thread([this] { m_server->listen_after_bind(); });
  // The socket is bound and listening already; wait until the accept loop runs.
  while (!m_server->is_running()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

FixtureServer::~FixtureServer() {
  m_server->stop();
  m_thread.join();
}

void FixtureServer::on(const std::string& host, const std::string& path, Reply reply) {
  on(host, path, [reply](const httplib::Request&) { return reply; });
}

void FixtureServer::on(const std::string& host, const std::string& path, std::vector<Reply> replies) {
  auto state = std::make_shared<std::pair<std::mutex, std::size_t>>();
  on(host, path, [replies = std::move(replies), state](const httplib::Request&) {
    std::lock_guard lock(state->first);
    const Reply& reply = replies[std::min(state->second, replies.size() - 1)];
    ++state->second;
    return reply;
  });
}

void FixtureServer::on(const std::string& host, const std::string& path, Handler handler) {
  std::lock_guard lock(m_mutex);
  m_routes[host + " " + path] = std::move(handler);
}

void FixtureServer::on_raw(const std::string& host, const std::string& path, RawHandler respond) {
  std::lock_guard lock(m_mutex);
  m_raw_routes[host + " " + path] = std::move(respond);
}

FixtureServer::RawHandler FixtureServer::raw_route(const httplib::Request& request) const {
  std::lock_guard lock(m_mutex);
  const auto it = m_raw_routes.find(host_of(request) + " " + request.path);
  return it == m_raw_routes.end() ? RawHandler{} : it->second;
}

Reply FixtureServer::answer(const httplib::Request& request) {
  Handler handler;
  {
    std::lock_guard lock(m_mutex);
    const auto it = m_routes.find(host_of(request) + " " + request.path);
    if (it == m_routes.end()) {
      return Reply{404, "no fixture for " + host_of(request) + request.path, "text/plain", {}, 0};
    }
    handler = it->second;
  }
  return handler(request);
}

std::vector<Logged> FixtureServer::log() const {
  std::lock_guard lock(m_mutex);
  std::vector<Logged> out = m_log;
  std::sort(out.begin(), out.end(), [](const Logged& a, const Logged& b) { return a.start < b.start; });
  return out;
}

std::vector<std::string> FixtureServer::arrivals() const {
  std::lock_guard lock(m_mutex);
  return m_arrivals;
}

FixtureServer::Running::Running(FixtureServer& server, const std::string& target) : m_server(server) {
  std::lock_guard lock(m_server.m_mutex);
  m_server.m_arrivals.push_back(target);
  ++m_server.m_running;
}

FixtureServer::Running::~Running() {
  std::lock_guard lock(m_server.m_mutex);
  if (--m_server.m_running == 0) {
    m_server.m_idle.notify_all();
  }
}

void FixtureServer::Running::finish(Logged entry) {
  std::lock_guard lock(m_server.m_mutex);
  m_server.m_log.push_back(std::move(entry));
}

bool FixtureServer::wait_idle(std::chrono::milliseconds limit) const {
  std::unique_lock lock(m_mutex);
  return m_idle.wait_for(lock, limit, [this] { return m_running == 0; });
}

int FixtureServer::max_concurrent(const std::string& host) const {
  int best = 0;
  const std::vector<Logged> entries = log();
  for (const Logged& e : entries) {
    if (!host.empty() && e.host != host) {
      continue;
    }
    const int overlapping = static_cast<int>(std::count_if(entries.begin(), entries.end(), [&](const Logged& o) {
      return (host.empty() || o.host == host) && o.start <= e.start && e.start < o.end;
    }));
    best = std::max(best, overlapping);
  }
  return best;
}

} // namespace refs::testing
