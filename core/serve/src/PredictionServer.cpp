#include "flightdeck/serve/PredictionServer.h"

#include "RecordParser.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/common/Json.h"

#include <httplib.h>

#include <chrono>
#include <random>

#include <nlohmann/json.hpp>

namespace flightdeck::serve {

namespace {

using Clock = std::chrono::steady_clock;

// Set on the accept thread while it answers a connection the full queue could not take.
thread_local bool tlOverloaded = false;

void sendJson(httplib::Response& res, int status, const nlohmann::json& body)
{
    res.status = status;
    res.set_content(body.dump() + "\n", "application/json");
}

void sendError(httplib::Response& res, int status, const std::string& requestId,
               const std::string& message)
{
    sendJson(res, status, {{"error", message}, {"status", status}, {"request_id", requestId}});
}

}  // namespace

// httplib's pool with a bound: a connection arriving when every worker is busy and `queue`
// connections already wait is answered 503 on the accept thread (read its request, answer,
// close) instead of joining an unbounded line.
struct PredictionServer::Queue : httplib::TaskQueue {
    Queue(int threads, int queue, ServerMetrics& metrics, MicroBatcher& batcher)
        : pool(static_cast<std::size_t>(threads)), limit(threads + queue), metrics(metrics), batcher(batcher)
    {
    }
    void enqueue(std::function<void()> fn) override
    {
        if (pending.fetch_add(1) >= limit) {
            pending.fetch_sub(1);
            metrics.rejected();
            tlOverloaded = true;
            fn();
            tlOverloaded = false;
            return;
        }
        pool.enqueue([this, fn = std::move(fn)] {
            {
                // fn serves one keep-alive connection, request after request, until it closes.
                MicroBatcher::Client client(batcher);
                fn();
            }
            pending.fetch_sub(1);
        });
    }
    void shutdown() override { pool.shutdown(); }

    httplib::ThreadPool pool;
    const int limit;
    std::atomic<int> pending{0};
    ServerMetrics& metrics;
    MicroBatcher& batcher;
};

PredictionServer::PredictionServer(const BundleModel& model, ServerOptions options)
    : model_(model),
      options_(std::move(options)),
      server_(std::make_unique<httplib::Server>()),
      log_(options_.log, options_.logMaxBytes, options_.logKeep),
      batcher_(model, options_.batchRows, options_.passes, std::chrono::microseconds(options_.batchWaitMicros))
{
    std::random_device rd;
    char prefix[9];
    std::snprintf(prefix, sizeof prefix, "%08x", rd());
    idPrefix_ = prefix;
    auto& s = *server_;
    const int threads = std::max(1, options_.threads);
    const int queue = std::max(0, options_.queue);
    s.new_task_queue = [this, threads, queue] { return new Queue(threads, queue, metrics_, batcher_); };
    s.set_payload_max_length(options_.maxBodyBytes);
    s.set_keep_alive_max_count(1000);
    // Without it Nagle holds a small response back until the client's delayed ACK: 40 ms.
    s.set_tcp_nodelay(true);

    s.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
        if (tlOverloaded) {
            res.set_header("Retry-After", "1");
            res.set_header("Connection", "close");
            sendError(res, 503, requestId(req), "the server is at capacity; retry shortly");
            metrics_.record(503, 0, 0);
            return httplib::Server::HandlerResponse::Handled;
        }
        if (req.path != "/health" && !authorized(req)) {
            res.set_header("WWW-Authenticate", "Bearer");
            sendError(res, 401, requestId(req), "a valid \"Authorization: Bearer <token>\" header");
            metrics_.record(401, 0, 0);
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });
    s.set_error_handler([this](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty())
            return;
        const std::string why = res.status == 413   ? "the body is larger than the server accepts"
                                : res.status == 404 ? "no such route: " + req.path
                                : res.status == 405 ? "method not allowed on " + req.path
                                                    : "the request could not be served";
        sendError(res, res.status, requestId(req), why);
        metrics_.record(res.status, 0, 0);
    });
    s.set_exception_handler([this](const httplib::Request& req, httplib::Response& res,
                                   std::exception_ptr ep) {
        std::string what = "internal error";
        try {
            std::rethrow_exception(ep);
        } catch (const std::exception& e) {
            what = e.what();
        } catch (...) {
        }
        sendError(res, 500, requestId(req), what);
        metrics_.record(500, 0, 0);
    });

    s.Get("/health", [this](const httplib::Request&, httplib::Response& res) {
        sendJson(res, 200, {{"status", "ok"}, {"model", model_.info().name},
                            {"version", model_.info().version}});
    });
    s.Get("/metadata", [this](const httplib::Request&, httplib::Response& res) {
        const auto& i = model_.info();
        nlohmann::json meta = {{"model", i.name}, {"version", i.version}, {"inputs", i.inputs},
                               {"features", i.features}, {"classes", i.classes},
                               {"task", i.regression ? "regression" : "classification"},
                               {"label_column", i.labelColumn}, {"manifest_sha256", i.manifestSha256},
                               {"max_batch", options_.maxBatch},
                               {"request", {{"one", R"({"features": [..]})"},
                                            {"batch", R"({"instances": [[..], ..]})"}}}};
        if (!i.image.empty()) {
            meta["image"] = {{"channels", i.image.channels}, {"height", i.image.height},
                             {"width", i.image.width}};
            meta["request"]["image"] = R"({"image": "<PNG/JPEG/BMP bytes, base64>"})";
            meta["request"]["pixels"] = R"({"pixels": [[0..255, ..], ..]} (CHW or HW))";
            meta["logged_features"] = {"brightness", "contrast"};
        }
        sendJson(res, 200, meta);
    });
    s.Get("/metrics", [this](const httplib::Request&, httplib::Response& res) {
        res.set_content(metrics_.text(model_.info().name, model_.info().version, batcher_.stats()),
                        "text/plain; version=0.0.4");
    });
    s.Post("/predict", [this](const httplib::Request& req, httplib::Response& res) {
        handlePredict(req, res);
    });
}

PredictionServer::~PredictionServer() { stop(); }

bool PredictionServer::authorized(const httplib::Request& req) const
{
    if (options_.token.empty())
        return true;
    const std::string expected = "Bearer " + options_.token;
    const std::string got = req.get_header_value("Authorization");
    // Length-independent comparison, so the answer time says nothing about the token.
    unsigned char diff = got.size() == expected.size() ? 0 : 1;
    for (std::size_t i = 0; i < expected.size(); ++i)
        diff |= static_cast<unsigned char>(expected[i] ^ (i < got.size() ? got[i] : 0));
    return diff == 0;
}

std::string PredictionServer::requestId(const httplib::Request& req)
{
    std::string id = req.get_header_value("X-Request-Id");
    const bool usable = !id.empty() && id.size() <= 128 &&
                        id.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                             "0123456789-_.:") == std::string::npos;
    return usable ? id : idPrefix_ + "-" + std::to_string(nextId_.fetch_add(1));
}

void PredictionServer::handlePredict(const httplib::Request& req, httplib::Response& res)
{
    const auto start = Clock::now();
    const std::string id = requestId(req);
    res.set_header("X-Request-Id", id);
    const auto& info = model_.info();
    const detail::ParsedRecords parsed = detail::parseRecords(req.body, info, options_.maxBatch,
                                                                !log_.file().empty());
    auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };
    LogEntry entry;
    entry.timestamp = unixTimeNow();
    entry.requestId = id;
    entry.model = info.name;
    entry.version = info.version;
    if (!parsed.error.empty()) {
        sendError(res, 400, id, parsed.error);
        entry.status = 400;
        entry.error = parsed.error;
        entry.latencyMs = elapsed() * 1e3;
        log_.write(entry);
        metrics_.record(400, elapsed(), 0);
        return;
    }
    const std::vector<Prediction> predictions = batcher_.predict(parsed.rows.data(), parsed.count);
    nlohmann::json out = nlohmann::json::array();
    for (const auto& p : predictions) {
        if (info.regression)
            out.push_back({{"value", p.value}});
        else
            out.push_back({{"label", p.label}, {"class_index", p.classIndex},
                           {"confidence", p.confidence}});
    }
    sendJson(res, 200, {{"request_id", id}, {"model", info.name}, {"version", info.version},
                        {"predictions", std::move(out)}});
    const double seconds = elapsed();
    metrics_.record(200, seconds, static_cast<std::int64_t>(predictions.size()));
    // One line per record: the monitoring side compares feature and prediction distributions.
    entry.latencyMs = seconds * 1e3;
    for (std::size_t i = 0; i < predictions.size() && !log_.file().empty(); ++i) {
        entry.featuresJson = parsed.featuresJson[i];
        entry.predictionJson = info.regression ? nlohmann::json(predictions[i].value).dump()
                                               : nlohmann::json(predictions[i].label).dump();
        entry.confidence = info.regression ? -1 : predictions[i].confidence;
        log_.write(entry);
    }
}

int PredictionServer::bind()
{
    port_ = options_.port == 0 ? server_->bind_to_any_port(options_.host)
                               : (server_->bind_to_port(options_.host, options_.port) ? options_.port : -1);
    if (port_ <= 0)
        throw Error(ErrorInfo{ErrorCode::FileUnwritable, options_.host + ":" + std::to_string(options_.port),
                              0, "bind", "cannot listen there (in use, or not an address of this machine)"});
    return port_;
}

void PredictionServer::listen() { server_->listen_after_bind(); }

void PredictionServer::stop()
{
    if (server_)
        server_->stop();
}

}  // namespace flightdeck::serve
