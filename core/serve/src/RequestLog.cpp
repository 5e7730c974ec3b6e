#include "flightdeck/serve/RequestLog.h"

#include "flightdeck/common/Error.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <nlohmann/json.hpp>

namespace flightdeck::serve {

namespace fs = std::filesystem;

namespace {

constexpr auto kLinkCheckEvery = std::chrono::seconds(1);

}  // namespace

RequestLog::RequestLog(fs::path file, std::uintmax_t maxBytes, int keep, Report report)
    : file_(std::move(file)), maxBytes_(maxBytes), keep_(keep), report_(std::move(report))
{
    if (!file_.empty() && !open())
        throw Error(ErrorInfo{ErrorCode::FileUnwritable, file_.string(), 0, "log",
                              std::string("cannot open the prediction log for appending (")
                                  + std::strerror(errno) + ")"});
}

RequestLog::~RequestLog()
{
    if (fd_ >= 0)
        ::close(fd_);
}

bool RequestLog::open()
{
    // A descriptor, not a FILE: a failed write must not leave half a line in a stdio buffer
    // that a later flush would append to the next line.
    fd_ = ::open(file_.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0)
        return false;
    struct stat st {};
    written_ = ::fstat(fd_, &st) == 0 ? static_cast<std::uintmax_t>(st.st_size) : 0;
    nextLinkCheck_ = std::chrono::steady_clock::now() + kLinkCheckEvery;
    return true;
}

void RequestLog::rotate()
{
    ::close(fd_);
    fd_ = -1;
    std::error_code ec;
    auto numbered = [&](int i) { return fs::path(file_.string() + "." + std::to_string(i)); };
    fs::remove(numbered(keep_), ec);
    for (int i = keep_ - 1; i >= 1; --i)
        fs::rename(numbered(i), numbered(i + 1), ec);
    fs::rename(file_, keep_ >= 1 ? numbered(1) : file_, ec);
    if (keep_ < 1)
        fs::remove(file_, ec);
    // Opened again by write(), which counts and reports a failure like any other.
}

// A file deleted under the server (its folder removed, a rotator that moved it) takes every
// line into an unlinked inode: checked once a second, a fstat.
bool RequestLog::stillLinked()
{
    const auto now = std::chrono::steady_clock::now();
    if (now < nextLinkCheck_)
        return true;
    nextLinkCheck_ = now + kLinkCheckEvery;
    struct stat st {};
    return ::fstat(fd_, &st) != 0 || st.st_nlink > 0;
}

void RequestLog::lost(const std::string& why)
{
    errors_.fetch_add(1, std::memory_order_relaxed);
    ++lostThisOutage_;
    if (failing_)
        return;
    failing_ = true;
    if (report_)
        report_("prediction log " + escapeControls(file_.string()) + ": " + why
                + "; predictions are still served, their log lines are lost (counted in "
                  "flightdeck_log_errors_total) until the file can be written again");
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
    if (fd_ >= 0 && (reopen_.exchange(false, std::memory_order_relaxed) || !stillLinked())) {
        ::close(fd_);
        fd_ = -1;
    }
    if (fd_ >= 0 && written_ > 0 && written_ + line.size() > maxBytes_)
        rotate();
    if (fd_ < 0 && !open())
        return lost(std::string("cannot open it (") + std::strerror(errno) + ")");
    std::size_t done = 0;
    while (done < line.size()) {
        const ssize_t n = ::write(fd_, line.data() + done, line.size() - done);
        if (n > 0) {
            done += static_cast<std::size_t>(n);
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else {
            const std::string why = std::string("cannot write to it (")
                                    + (n < 0 ? std::strerror(errno) : "no progress") + ")";
            // Half a line would spoil the next one for every reader: cut it off again.
            if (done > 0 && ::ftruncate(fd_, static_cast<off_t>(written_)) != 0)
                written_ += done;
            return lost(why);
        }
    }
    written_ += done;
    if (failing_) {
        failing_ = false;
        if (report_)
            report_("prediction log " + escapeControls(file_.string()) + ": writing again ("
                    + std::to_string(lostThisOutage_) + " lines lost)");
        lostThisOutage_ = 0;
    }
}

}  // namespace flightdeck::serve
