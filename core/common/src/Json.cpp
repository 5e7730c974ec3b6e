#include "flightdeck/common/Json.h"

#include "flightdeck/common/Error.h"

#include <chrono>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>
#include <unistd.h>
#include <fcntl.h>

namespace flightdeck {

nlohmann::json parseJson(const std::string& text, const std::string& where, int maxDepth)
{
    // nlohmann's parser itself is iterative; the callback sees every value's depth as it is
    // read, so a hostile document is refused before a recursive dump or copy ever sees it.
    struct TooDeep {};
    const auto guard = [maxDepth](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
        if (depth > maxDepth)
            throw TooDeep{};
        return true;
    };
    try {
        return nlohmann::json::parse(text, guard);
    } catch (const TooDeep&) {
        throw Error(ErrorInfo{ErrorCode::BadValue, where, 0, {},
                              "JSON nested deeper than " + std::to_string(maxDepth) + " levels"});
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorInfo{ErrorCode::BadValue, where, 0, {}, e.what()});
    }
}

nlohmann::json readJsonFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        const auto code = std::filesystem::exists(path) ? ErrorCode::FileUnreadable
                                                       : ErrorCode::FileNotFound;
        throw Error(ErrorInfo{code, path.string(), 0, {}, {}});
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    return parseJson(buffer.str(), path.string());
}

void writeFileAtomically(const std::filesystem::path& path, const std::string& bytes)
{
    // Write-then-rename so a crash leaves either the old file or the new one, never a torn one.
    const auto tmp = path.string() + ".tmp-" + std::to_string(::getpid());
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        throw Error(ErrorInfo{ErrorCode::FileUnwritable, path.string(), 0, {}, std::strerror(errno)});
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const int err = errno;
            ::close(fd);
            ::unlink(tmp.c_str());
            throw Error(ErrorInfo{writeErrorCode(err), path.string(), 0, {}, std::strerror(err)});
        }
        done += static_cast<std::size_t>(n);
    }
    // fsync and close report a full disk too on some file systems (delayed allocation).
    int err = ::fsync(fd) != 0 ? errno : 0;
    if (::close(fd) != 0 && err == 0)
        err = errno;
    if (err != 0) {
        ::unlink(tmp.c_str());
        throw Error(ErrorInfo{writeErrorCode(err), path.string(), 0, {}, std::strerror(err)});
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        throw Error(ErrorInfo{writeErrorCode(err), path.string(), 0, {}, std::strerror(err)});
    }
}

double unixTimeNow()
{
    using namespace std::chrono;
    return duration<double>(system_clock::now().time_since_epoch()).count();
}

std::string isoTimeUtc(double unixSeconds)
{
    const std::time_t t = static_cast<std::time_t>(unixSeconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

}  // namespace flightdeck
