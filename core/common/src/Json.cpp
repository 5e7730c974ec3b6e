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
    try {
        return nlohmann::json::parse(buffer.str());
    } catch (const nlohmann::json::parse_error& e) {
        throw Error(ErrorInfo{ErrorCode::BadValue, path.string(), 0, {}, e.what()});
    }
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
            const std::string why = std::strerror(errno);
            ::close(fd);
            ::unlink(tmp.c_str());
            throw Error(ErrorInfo{ErrorCode::FileUnwritable, path.string(), 0, {}, why});
        }
        done += static_cast<std::size_t>(n);
    }
    ::fsync(fd);
    ::close(fd);
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        ::unlink(tmp.c_str());
        throw Error(ErrorInfo{ErrorCode::FileUnwritable, path.string(), 0, {}, why});
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
