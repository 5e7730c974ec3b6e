#include "CsvSource.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace flightdeck::data::csv {

CsvSource::CsvSource(const fs::path& file, const Context& ctx) : ctx_(ctx)
{
    std::error_code ec;
    if (!fs::exists(file, ec))
        ctx.fail(ErrorCode::FileNotFound, 0, {}, "expected a CSV file at this path, found nothing");
    if (fs::is_directory(file, ec))
        ctx.fail(ErrorCode::FileUnreadable, 0, {}, "expected a file, found a folder");
    fd_ = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0)
        ctx.fail(ErrorCode::FileUnreadable, 0, {}, "cannot open the file for reading");
    struct stat st {};
    if (::fstat(fd_, &st) == 0 && S_ISREG(st.st_mode))
        size_ = static_cast<std::uint64_t>(st.st_size);
#ifdef POSIX_FADV_SEQUENTIAL
    ::posix_fadvise(fd_, 0, 0, POSIX_FADV_SEQUENTIAL);   // a larger read-ahead window
#endif
    // A small file gets a buffer its size: a 1 MiB zero-filled block per file made small imports
    // (and the fuzzer, 10x slower) pay for memory they never use. Growth handles the rest.
    capacity_ = size_ > 0 ? std::clamp<std::size_t>(static_cast<std::size_t>(size_) + 1,
                                                    std::size_t(4096), kBlockBytes)
                          : kBlockBytes;
    buffer_.resize(capacity_ + kReadPadding);
}

CsvSource::~CsvSource()
{
    if (fd_ >= 0)
        ::close(fd_);
}

bool CsvSource::more()
{
    if (eof_)
        return false;
    const std::size_t pending = end_ - begin_;
    if (pending >= kMaxRecordBytes)
        return false;
    const std::size_t grown = std::min(capacity_ * 2, kMaxRecordBytes + kBlockBytes);
    if (pending * 2 > capacity_ && grown > capacity_) {
        std::vector<char> bigger(grown + kReadPadding);
        std::memcpy(bigger.data(), buffer_.data() + begin_, pending);
        buffer_.swap(bigger);
        capacity_ = grown;
    } else if (begin_ > 0) {
        std::memmove(buffer_.data(), buffer_.data() + begin_, pending);
    }
    consumedBefore_ += begin_;
    begin_ = 0;
    end_ = pending;
    // Fill the whole buffer: fewer, larger reads, and a window that ends far from its start.
    while (end_ < capacity_) {
        const ssize_t n = ::read(fd_, buffer_.data() + end_, capacity_ - end_);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            ctx_.fail(ErrorCode::FileUnreadable, 0, {},
                      std::string("read error: ") + std::strerror(errno));
        if (n == 0) {
            eof_ = true;
            break;
        }
        end_ += static_cast<std::size_t>(n);
    }
    return true;
}

bool CsvSource::skipTo(char c)
{
    for (;;) {
        const std::string_view w = window();
        if (const void* hit = std::memchr(w.data(), c, w.size())) {
            consume(static_cast<std::size_t>(static_cast<const char*>(hit) - w.data()));
            return true;
        }
        consume(w.size());
        if (!more())
            return false;
    }
}

}  // namespace flightdeck::data::csv
