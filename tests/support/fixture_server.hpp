#pragma once

#include "tests/support/temp_dir.hpp"

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace httplib {
class SSLServer;
struct Request;
struct Response;
} // namespace httplib

namespace refs::testing {

/// What the fixture server answers.
struct Reply {
  int status = 200;
  std::string body;
  std::string content_type = "text/html; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;
  int delay_ms = 0; ///< held this long before answering
};

/// One request the server saw.
struct Logged {
  std::string host; ///< from the Host header, without port
  std::string path;
  std::string target; ///< path and query as sent
  std::string user_agent;
  std::string accept;
  std::chrono::steady_clock::time_point start;
  std::chrono::steady_clock::time_point end;
};

/// A real HTTPS server on 127.0.0.1 (cpp-httplib with OpenSSL), with a
/// throwaway CA and a certificate for the hosts tests use, both made at
/// start by the openssl command line. Real URLs reach it through curl's
/// --connect-to; it answers by Host header and path and logs every request.
class FixtureServer {
public:
  using Handler = std::function<Reply(const httplib::Request&)>;
  /// Writes the response itself: bodies streamed without end, lengths that
  /// lie, encodings that explode.
  using RawHandler = std::function<void(const httplib::Request&, httplib::Response&)>;

  FixtureServer();
  ~FixtureServer();

  int port() const { return m_port; }
  /// The CA certificate to trust (--cacert).
  std::string cacert() const { return (m_dir / "ca.pem").string(); }
  /// The --connect-to rule that sends every host's port 443 here.
  std::string connect_to() const { return "::127.0.0.1:" + std::to_string(m_port); }

  /// Answers GET (and HEAD and POST) https://HOST/PATH (any query) with `reply`, every time.
  void on(const std::string& host, const std::string& path, Reply reply);
  /// Answers with the replies in turn; the last one repeats.
  void on(const std::string& host, const std::string& path, std::vector<Reply> replies);
  /// Answers with what `handler` makes of the request.
  void on(const std::string& host, const std::string& path, Handler handler);
  /// Answers with what `respond` writes.
  void on_raw(const std::string& host, const std::string& path, RawHandler respond);

  /// The requests that were answered, by start time. A request whose
  /// handler is still running (a delayed reply) is not in it yet: see
  /// arrivals() and wait_idle().
  std::vector<Logged> log() const;
  /// The target (path and query) of every request that arrived, answered or
  /// not, in the order they arrived.
  std::vector<std::string> arrivals() const;
  /// Waits until no handler is running, so that log() holds every request;
  /// false when one still runs after `limit`.
  bool wait_idle(std::chrono::milliseconds limit = std::chrono::seconds(30)) const;
  /// The most requests to `host` ("" for any) that were in progress at once.
  int max_concurrent(const std::string& host) const;

private:
  /// A request from its arrival to the end of its handler, however that
  /// ends: counted as running until then, logged if it finishes.
  class Running {
  public:
    Running(FixtureServer& server, const std::string& target);
    ~Running();
    Running(const Running&) = delete;
    Running& operator=(const Running&) = delete;
    void finish(Logged entry);

  private:
    FixtureServer& m_server;
  };

  Reply answer(const httplib::Request& request);
  RawHandler raw_route(const httplib::Request& request) const;

  TempDir m_dir;
  std::unique_ptr<httplib::SSLServer> m_server;
  std::thread m_thread;
  int m_port = 0;
  mutable std::mutex m_mutex;
  std::map<std::string, Handler> m_routes;
  std::map<std::string, RawHandler> m_raw_routes;
  std::vector<Logged> m_log;
  std::vector<std::string> m_arrivals;
  int m_running = 0; ///< handlers in progress
  mutable std::condition_variable m_idle;
};

} // namespace refs::testing
