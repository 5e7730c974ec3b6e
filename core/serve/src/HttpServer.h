#pragma once
// Private to core/serve: flightdeck-serve's HTTP/1.1 side as event loops, one per thread
// (epoll, edge of the kernel's accept queue shared with EPOLLEXCLUSIVE). A loop's turn reads
// every ready connection, hands all the requests completed in that turn to the handler at once,
// then writes the answers. Why not a thread per connection (what cpp-httplib does): each
// request then costs two thread wake-ups and the threads' hand-overs, and a forward pass can
// only join the requests whose threads happened to be awake; measured on 2 cores, that server's
// floor with no model at all (GET /health) was 21,000 requests/s. A loop serves its ready
// connections without any hand-over, and its turn is the natural batch for the model.
//
// Bounds: at most maxConnections open connections (more are answered 503 with Retry-After and
// closed), bodies up to maxBodyBytes (413), connections with nothing under way closed after
// idleTimeout, a request whose headers and body have not all arrived requestTimeout after its
// first byte answered 408 and closed (a peer trickling a byte every few seconds is never idle),
// and a connection whose answers wait unsent beyond maxPendingOutput is not read until they
// drain (a peer that pipelines without reading would otherwise grow the answers without bound).
// stop() is async-signal-safe (an eventfd write).
#include "HttpExchange.h"

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace flightdeck::serve::detail {

struct HttpServerOptions {
    std::string host = "127.0.0.1";
    int port = 8080;                 // 0 = any free port
    int threads = 1;                 // event loops
    int maxConnections = 1024;
    std::size_t maxBodyBytes = 8u << 20;
    std::chrono::milliseconds idleTimeout{5000};
    std::chrono::milliseconds requestTimeout{30000};
    std::size_t maxPendingOutput = 1u << 20;
};

class HttpServer {
public:
    // Called on a loop's thread with every request that loop completed in one turn (never
    // empty); it fills each exchange's response. Loops call it concurrently.
    using Handler = std::function<void(const std::vector<HttpExchange*>& batch)>;

    HttpServer(HttpServerOptions options, Handler handler);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Error(FileUnwritable) naming host:port when it cannot listen there; returns the port.
    int bind();
    // Serves until stop() (on this thread and threads-1 more); requests read after stop() are
    // answered 503.
    void run();
    void stop();
    int openConnections() const { return open_.load(std::memory_order_relaxed); }
    // The most answer bytes one connection has held unsent: maxPendingOutput plus at most one
    // turn's answers to it.
    std::size_t peakPendingOutput() const { return peakPending_.load(std::memory_order_relaxed); }

private:
    class Loop;
    const HttpServerOptions options_;
    const Handler handler_;
    int listenFd_ = -1;
    int stopFd_ = -1;
    std::atomic<int> open_{0};
    std::atomic<bool> stopping_{false};
    std::atomic<std::size_t> peakPending_{0};
};

}  // namespace flightdeck::serve::detail
