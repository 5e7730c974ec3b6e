#include "flightdeck/serve/PredictionServer.h"

#include "RecordParser.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/common/Json.h"

#include "HttpServer.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <initializer_list>
#include <iterator>
#include <random>
#include <string_view>
#include <thread>

#include <nlohmann/json.hpp>

namespace flightdeck::serve {

namespace {

using Clock = std::chrono::steady_clock;
using detail::HttpExchange;
using detail::HttpResponse;
using detail::Method;

void sendJson(HttpResponse& res, int status, const nlohmann::json& body)
{
    res.status = status;
    res.contentType = "application/json";
    res.body = body.dump() + "\n";
}

void sendError(HttpResponse& res, int status, const std::string& requestId, const std::string& message)
{
    sendJson(res, status, {{"error", message}, {"status", status}, {"request_id", requestId}});
}

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

// A /predict request parsed and waiting for its rows' pass.
struct PredictionServer::Predict {
    HttpExchange* ex;
    std::string id;
    detail::ParsedRecords parsed;
    std::size_t firstRow = 0;
};

PredictionServer::PredictionServer(const BundleModel& model, ServerOptions options)
    : model_(model),
      options_(std::move(options)),
      log_(options_.log, options_.logMaxBytes, options_.logKeep, options_.warn)
{
    std::random_device rd;
    char prefix[9];
    std::snprintf(prefix, sizeof prefix, "%08x", rd());
    idPrefix_ = prefix;
    detail::HttpServerOptions http;
    http.host = options_.host;
    http.port = options_.port;
    http.threads = options_.threads > 0 ? options_.threads
                                        : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    http.maxConnections = std::max(1, options_.maxConnections);
    http.maxBodyBytes = options_.maxBodyBytes;
    http.requestTimeout = options_.requestTimeout;
    http_ = std::make_unique<detail::HttpServer>(
        http, [this](const std::vector<HttpExchange*>& batch) { serveTurn(batch); });
}

PredictionServer::~PredictionServer() { stop(); }

bool PredictionServer::authorized(const std::string& header) const
{
    if (options_.token.empty())
        return true;
    // RFC 7235: the scheme is case-insensitive, and whitespace around the value is not part of
    // the credentials.
    const auto blank = [](char c) { return c == ' ' || c == '\t'; };
    std::size_t begin = 0, end = header.size();
    while (begin < end && blank(header[begin]))
        ++begin;
    while (end > begin && blank(header[end - 1]))
        --end;
    static constexpr char kScheme[] = "bearer";
    constexpr std::size_t kSchemeLength = sizeof kScheme - 1;
    bool scheme = end - begin > kSchemeLength && blank(header[begin + kSchemeLength]);
    for (std::size_t i = 0; scheme && i < kSchemeLength; ++i)
        scheme = std::tolower(static_cast<unsigned char>(header[begin + i])) == kScheme[i];
    std::size_t at = begin + kSchemeLength;
    while (scheme && at < end && blank(header[at]))
        ++at;
    const std::string_view given = scheme ? std::string_view(header).substr(at, end - at) : std::string_view();
    const std::string& expected = options_.token;
    // Length-independent comparison, so the answer time says nothing about the token.
    unsigned char diff = scheme && given.size() == expected.size() ? 0 : 1;
    for (std::size_t i = 0; i < expected.size(); ++i)
        diff |= static_cast<unsigned char>(expected[i] ^ (i < given.size() ? given[i] : 0));
    return diff == 0;
}

std::string PredictionServer::requestId(const std::string& sent)
{
    const bool usable = !sent.empty() && sent.size() <= 128 &&
                        sent.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                               "0123456789-_.:") == std::string::npos;
    return usable ? sent : idPrefix_ + "-" + std::to_string(nextId_.fetch_add(1));
}

void PredictionServer::serveTurn(const std::vector<HttpExchange*>& batch)
{
    std::vector<Predict> predicts;
    std::vector<float> rows;
    for (HttpExchange* ex : batch) {
        const std::string id = requestId(ex->request.requestId);
        ex->response.headers = "X-Request-Id: " + id + "\r\n";
        try {
            route(*ex, id, predicts, rows);
        } catch (const std::exception& e) {
            sendError(ex->response, 500, id, e.what());
            metrics_.record(500, secondsSince(ex->request.received), 0);
        }
    }
    if (!predicts.empty())
        forwardAll(predicts, rows);
}

void PredictionServer::route(HttpExchange& ex, const std::string& id, std::vector<Predict>& predicts,
                             std::vector<float>& rows)
{
    const auto& req = ex.request;
    auto& res = ex.response;
    const auto fail = [&](int status, const std::string& why) {
        sendError(res, status, id, why);
        metrics_.record(status, secondsSince(req.received), 0);
    };
    if (req.refusal != 0) {
        if (req.refusal == 503) {
            res.headers += "Retry-After: 1\r\n";
            metrics_.rejected();
        }
        return fail(req.refusal, req.refusalReason);
    }
    if (req.path != "/health" && !authorized(req.authorization)) {
        res.headers += "WWW-Authenticate: Bearer\r\n";
        return fail(401, "a valid \"Authorization: Bearer <token>\" header");
    }
    const auto& info = model_.info();
    const bool get = req.method == Method::Get || req.method == Method::Head;
    if (req.path == "/health" && get) {
        sendJson(res, 200, {{"status", "ok"}, {"model", info.name}, {"version", info.version}});
    } else if (req.path == "/metadata" && get) {
        nlohmann::json meta = {{"model", info.name}, {"version", info.version}, {"inputs", info.inputs},
                               {"features", info.features}, {"classes", info.classes},
                               {"task", info.regression ? "regression" : "classification"},
                               {"label_column", info.labelColumn}, {"manifest_sha256", info.manifestSha256},
                               {"max_batch", options_.maxBatch},
                               {"request", {{"one", R"({"features": [..]})"},
                                            {"batch", R"({"instances": [[..], ..]})"}}}};
        if (!info.image.empty()) {
            meta["image"] = {{"channels", info.image.channels}, {"height", info.image.height},
                             {"width", info.image.width}};
            meta["request"]["image"] = R"({"image": "<PNG/JPEG/BMP bytes, base64>"})";
            const auto dims = [](std::initializer_list<std::uint32_t> sizes) {
                std::string s;
                for (const auto d : sizes)
                    s += "[" + std::to_string(d) + "]";
                return s;
            };
            const auto& shape = info.image;
            meta["request"]["pixels"] = R"({"pixels": [[[0..255, ..], ..], ..]} nested as )"
                                        + dims({shape.channels, shape.height, shape.width}) + " (CHW)"
                                        + (shape.channels == 1 ? " or " + dims({shape.height, shape.width}) + " (HW)"
                                                               : std::string());
            meta["logged_features"] = {"brightness", "contrast"};
        }
        sendJson(res, 200, meta);
    } else if (req.path == "/metrics" && get) {
        res.status = 200;
        res.contentType = "text/plain; version=0.0.4";
        res.body = metrics_.text(info.name, info.version, log_.errors());
    } else if (req.path == "/predict" && req.method == Method::Post) {
        Predict p{&ex, id, detail::parseRecords(req.body, info, options_.maxBatch, !log_.file().empty()), 0};
        if (!p.parsed.error.empty()) {
            LogEntry entry;
            entry.timestamp = unixTimeNow();
            entry.requestId = id;
            entry.model = info.name;
            entry.version = info.version;
            entry.status = 400;
            entry.error = p.parsed.error;
            entry.latencyMs = secondsSince(req.received) * 1e3;
            log_.write(entry);
            return fail(400, p.parsed.error);
        }
        p.firstRow = rows.size() / static_cast<std::size_t>(info.inputs);
        rows.insert(rows.end(), p.parsed.rows.begin(), p.parsed.rows.end());
        predicts.push_back(std::move(p));
    } else if (req.path == "/health" || req.path == "/metadata" || req.path == "/metrics" ||
               req.path == "/predict") {
        fail(405, "method not allowed on " + req.path);
    } else {
        fail(404, "no such route: " + req.path);
    }
}

// One pass per batchRows rows over everything this turn's /predict requests sent, then each
// request gets its own rows' predictions back.
void PredictionServer::forwardAll(std::vector<Predict>& predicts, const std::vector<float>& rows)
{
    const auto& info = model_.info();
    const auto width = static_cast<std::size_t>(info.inputs);
    const std::size_t total = rows.size() / width;
    std::vector<Prediction> out;
    std::string failure;
    try {
        out.reserve(total);
        const std::size_t step = std::max<std::size_t>(1, options_.batchRows);
        for (std::size_t first = 0; first < total; first += step) {
            const std::size_t n = std::min(step, total - first);
            auto part = model_.predict(rows.data() + first * width, n);
            metrics_.forward(static_cast<std::int64_t>(n));
            std::move(part.begin(), part.end(), std::back_inserter(out));
        }
    } catch (const std::exception& e) {
        failure = e.what();
    }
    for (auto& p : predicts) {
        auto& res = p.ex->response;
        const double seconds = secondsSince(p.ex->request.received);
        if (!failure.empty()) {
            sendError(res, 500, p.id, failure);
            metrics_.record(500, seconds, 0);
            continue;
        }
        LogEntry entry;
        entry.timestamp = unixTimeNow();
        entry.requestId = p.id;
        entry.model = info.name;
        entry.version = info.version;
        entry.latencyMs = seconds * 1e3;
        // 422, not 500: the same input fails the same way every time (retrying cannot help), the
        // server itself is sound, and a client flooding 3e38s must not look like a server fault
        // on a 5xx dashboard. Never 200 with whatever argmax makes of NaN.
        std::size_t bad = 0;
        while (bad < p.parsed.count && out[p.firstRow + bad].finite)
            ++bad;
        if (bad < p.parsed.count) {
            const std::string where = p.parsed.batch ? "instances[" + std::to_string(bad) + "]" : "features";
            const std::string why = "the model's output for " + where + " is not a finite number ("
                                    + (info.regression ? "the value" : "a logit")
                                    + " is NaN or infinite): the input is too far outside the values "
                                      "the model was trained on";
            sendError(res, 422, p.id, why);
            metrics_.record(422, seconds, 0);
            entry.status = 422;
            entry.error = why;
            for (std::size_t i = 0; i < p.parsed.count && !log_.file().empty(); ++i) {
                entry.featuresJson = p.parsed.featuresJson[i];
                log_.write(entry);
            }
            continue;
        }
        nlohmann::json list = nlohmann::json::array();
        for (std::size_t i = 0; i < p.parsed.count; ++i) {
            const auto& pr = out[p.firstRow + i];
            if (info.regression)
                list.push_back({{"value", pr.value}});
            else
                list.push_back({{"label", pr.label}, {"class_index", pr.classIndex}, {"confidence", pr.confidence}});
        }
        sendJson(res, 200, {{"request_id", p.id}, {"model", info.name}, {"version", info.version},
                            {"predictions", std::move(list)}});
        metrics_.record(200, seconds, static_cast<std::int64_t>(p.parsed.count));
        if (log_.file().empty())
            continue;
        // One line per record: the monitoring side compares feature and prediction distributions.
        for (std::size_t i = 0; i < p.parsed.count; ++i) {
            const auto& pr = out[p.firstRow + i];
            entry.featuresJson = p.parsed.featuresJson[i];
            entry.predictionJson = info.regression ? nlohmann::json(pr.value).dump() : nlohmann::json(pr.label).dump();
            entry.confidence = info.regression ? -1 : pr.confidence;
            log_.write(entry);
        }
    }
}

int PredictionServer::bind()
{
    port_ = http_->bind();
    return port_;
}

void PredictionServer::listen() { http_->run(); }

void PredictionServer::stop()
{
    if (http_)
        http_->stop();
}

}  // namespace flightdeck::serve
