#pragma once
// flightdeck-serve's HTTP side (cpp-httplib): POST /predict, GET /health, /metadata, /metrics.
// Bounded: a fixed pool of worker threads, at most `queue` connections waiting for one (more
// get 503 with Retry-After at once), request bodies up to `maxBodyBytes` (413 beyond). Every
// answer is JSON with a request id (the client's X-Request-Id or a fresh one), every
// prediction a line in the request log. Binds 127.0.0.1 unless told otherwise; with a token,
// every route but /health needs "Authorization: Bearer <token>".
#include "flightdeck/serve/BundleModel.h"
#include "flightdeck/serve/MicroBatcher.h"
#include "flightdeck/serve/RequestLog.h"
#include "flightdeck/serve/ServerMetrics.h"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

namespace httplib { class Server; struct Request; struct Response; }

namespace flightdeck::serve {

struct ServerOptions {
    std::string host = "127.0.0.1";
    int port = 8080;                     // 0 = any free port (see PredictionServer::port)
    // Workers block on their keep-alive connection between requests, so there are more of them
    // than cores; the forward passes, not the workers, are what is bounded by the CPU.
    int threads = 32;
    int queue = 64;
    std::size_t batchRows = 256;         // most rows one forward pass joins (MicroBatcher)
    int passes = 1;                      // forward passes at once
    int batchWaitMicros = 200;           // longest a pass waits for other connected clients
    std::size_t maxBodyBytes = 8u << 20;
    std::size_t maxBatch = 4096;
    std::string token;                   // empty = no authentication
    std::filesystem::path log;           // empty = no request log
    std::uintmax_t logMaxBytes = 64u << 20;
    int logKeep = 5;
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
    int port() const { return port_; }
    BatchStats batchStats() const { return batcher_.stats(); }

private:
    struct Queue;
    void handlePredict(const httplib::Request& req, httplib::Response& res);
    bool authorized(const httplib::Request& req) const;
    std::string requestId(const httplib::Request& req);

    const BundleModel& model_;
    ServerOptions options_;
    std::unique_ptr<httplib::Server> server_;
    RequestLog log_;
    ServerMetrics metrics_;
    MicroBatcher batcher_;
    std::atomic<std::uint64_t> nextId_{1};
    std::string idPrefix_;
    int port_ = 0;
};

}  // namespace flightdeck::serve
