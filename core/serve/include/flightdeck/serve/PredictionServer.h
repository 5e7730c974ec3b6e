#pragma once
// flightdeck-serve's routes: POST /predict, GET /health, /metadata, /metrics, over event-loop
// threads (one per core by default; see src/HttpServer.h for why not a thread per connection).
// Every /predict request one loop completed in one turn goes through the model in one forward
// pass (at most batchRows rows a pass): a small model's pass costs about as much for one row as
// for sixteen, so a busy server answers many more requests. Bounded: at most `maxConnections`
// open connections (more get 503 with Retry-After), request bodies up to `maxBodyBytes` (413
// beyond), records per request up to `maxBatch`, a request's headers and body within
// `requestTimeout` of its first byte (408 beyond), at most about 1 MiB of unsent answers per
// connection (it is not read until they drain). Every answer is JSON with a request id (the
// client's X-Request-Id or a fresh one), every prediction a line in the request log. Binds
// 127.0.0.1 unless told otherwise; with a token, every route but /health needs
// "Authorization: Bearer <token>" (the scheme in any case, RFC 7235). HEAD is answered on the
// GET routes (load balancers probe /health with it). A model output that is NaN or infinite is
// answered 422, never as a prediction.
#include "flightdeck/serve/BundleModel.h"
#include "flightdeck/serve/RequestLog.h"
#include "flightdeck/serve/ServerMetrics.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace flightdeck::serve {

namespace detail {
class HttpServer;
struct HttpExchange;
}

struct ServerOptions {
    std::string host = "127.0.0.1";
    int port = 8080;                     // 0 = any free port (see PredictionServer::port)
    int threads = 0;                     // event loops, each running its own forward passes; 0 = one per core
    int maxConnections = 1024;           // open connections; more are answered 503 and closed
    std::size_t batchRows = 256;         // most rows one forward pass carries
    std::size_t maxBodyBytes = 8u << 20;
    std::size_t maxBatch = 4096;
    std::string token;                   // empty = no authentication
    std::filesystem::path log;           // empty = no request log
    std::uintmax_t logMaxBytes = 64u << 20;
    int logKeep = 5;
    RequestLog::Report warn;             // told when log lines start being lost and when they stop
    std::chrono::milliseconds requestTimeout{30000};
};

class PredictionServer {
public:
    PredictionServer(const BundleModel& model, ServerOptions options);
    ~PredictionServer();

    // Binds (Error(FileUnwritable) naming host:port when it cannot) and returns the port.
    int bind();
    // Serves until stop(); call bind() first.
    void listen();
    void stop();
    // The prediction log is reopened before its next line (SIGHUP after a log rotator moved
    // it); async-signal-safe, like stop().
    void reopenLog() { log_.reopen(); }
    int port() const { return port_; }
    BatchStats batchStats() const { return metrics_.batches(); }

private:
    struct Predict;
    void serveTurn(const std::vector<detail::HttpExchange*>& batch);
    void route(detail::HttpExchange& ex, const std::string& id, std::vector<Predict>& predicts,
               std::vector<float>& rows);
    void forwardAll(std::vector<Predict>& predicts, const std::vector<float>& rows);
    bool authorized(const std::string& header) const;
    std::string requestId(const std::string& sent);

    const BundleModel& model_;
    ServerOptions options_;
    std::unique_ptr<detail::HttpServer> http_;
    RequestLog log_;
    ServerMetrics metrics_;
    std::atomic<std::uint64_t> nextId_{1};
    std::string idPrefix_;
    int port_ = 0;
};

}  // namespace flightdeck::serve
