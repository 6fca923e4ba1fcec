#pragma once

#include "core/http/request.hpp"
#include "core/http/scheduler.hpp"
#include "core/store/library.hpp"

#include <chrono>
#include <string>
#include <vector>

namespace refs::pipeline {

/// Pacing that holds across every refs process sharing a library: arXiv
/// asks for 3 s between requests from all of a user's machines, and the
/// Wayback Machine blocks a client that asks too often. Before a run,
/// `reserve` books a slot for each of `requests` to `host` in the library
/// and holds the host in `scheduler` until the first; after it, `release`
/// records when the next process may start (the spacing counts from the end
/// of our last response too), and `pause`, when the host sent a 429, keeps
/// every process away from it that long. Throw refs::Error when the
/// library fails.
void reserve(store::Library& library, http::Scheduler& scheduler, const std::string& host,
             const std::vector<http::Request>& requests, std::chrono::milliseconds interval);
void release(store::Library& library, const http::Scheduler& scheduler, const std::string& host,
             std::chrono::milliseconds interval, std::chrono::milliseconds pause = {});

/// The host of a URL, or "" when it is not an http(s) URL.
std::string host_of(const std::string& url);

} // namespace refs::pipeline
