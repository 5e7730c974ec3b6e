#include "flightdeck/serve/RequestLog.h"

#include "flightdeck/common/Error.h"

#include <nlohmann/json.hpp>

namespace flightdeck::serve {

namespace fs = std::filesystem;

RequestLog::RequestLog(fs::path file, std::uintmax_t maxBytes, int keep)
    : file_(std::move(file)), maxBytes_(maxBytes), keep_(keep)
{
    if (!file_.empty())
        open();
}

RequestLog::~RequestLog()
{
    if (out_)
        std::fclose(out_);
}

void RequestLog::open()
{
    out_ = std::fopen(file_.c_str(), "ae");
    if (!out_)
        throw Error(ErrorInfo{ErrorCode::FileUnwritable, file_.string(), 0, "log",
                              "cannot open the prediction log for appending"});
    std::error_code ec;
    written_ = fs::file_size(file_, ec);
}

void RequestLog::rotate()
{
    std::fclose(out_);
    out_ = nullptr;
    std::error_code ec;
    auto numbered = [&](int i) { return fs::path(file_.string() + "." + std::to_string(i)); };
    fs::remove(numbered(keep_), ec);
    for (int i = keep_ - 1; i >= 1; --i)
        fs::rename(numbered(i), numbered(i + 1), ec);
    fs::rename(file_, keep_ >= 1 ? numbered(1) : file_, ec);
    if (keep_ < 1)
        fs::remove(file_, ec);
    open();
}

void RequestLog::write(const LogEntry& e)
{
    if (file_.empty())
        return;
    std::string line = "{\"timestamp\":" + nlohmann::json(e.timestamp).dump() +
                       ",\"request_id\":" + nlohmann::json(e.requestId).dump() +
                       ",\"model\":" + nlohmann::json(e.model).dump() +
                       ",\"version\":" + std::to_string(e.version) +
                       ",\"features\":" + e.featuresJson + ",\"prediction\":" + e.predictionJson;
    if (e.confidence >= 0)
        line += ",\"confidence\":" + nlohmann::json(e.confidence).dump();
    line += ",\"latency_ms\":" + nlohmann::json(e.latencyMs).dump() +
            ",\"status\":" + std::to_string(e.status);
    if (!e.error.empty())
        line += ",\"error\":" + nlohmann::json(e.error).dump();
    line += "}\n";
    const std::lock_guard<std::mutex> lock(mutex_);
    if (!out_)
        return;
    if (written_ > 0 && written_ + line.size() > maxBytes_)
        rotate();
    // A full disk loses log lines, never a prediction: the write's result is not fatal.
    written_ += std::fwrite(line.data(), 1, line.size(), out_);
    std::fflush(out_);
}

}  // namespace flightdeck::serve
