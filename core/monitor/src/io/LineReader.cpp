#include "flightdeck/monitor/LineReader.h"

#include "flightdeck/common/Error.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

namespace flightdeck::monitor {

LineReader::LineReader(std::size_t maxLineBytes, std::size_t chunkBytes)
    : maxLine_(maxLineBytes == 0 ? 1 : maxLineBytes),
      capacity_(maxLine_ + (chunkBytes ? chunkBytes : 1))
{
}

LineReader::~LineReader() { close(); }

void LineReader::open(const std::filesystem::path& file)
{
    close();
    path_ = file;
    struct stat st{};
    if (::stat(file.c_str(), &st) != 0)
        throw Error(ErrorInfo{errno == ENOENT ? ErrorCode::FileNotFound : ErrorCode::FileUnreadable,
                              file.string(), 0, {}, std::strerror(errno)});
    if (S_ISDIR(st.st_mode))
        throw Error(ErrorInfo{ErrorCode::FileUnreadable, file.string(), 0, {}, "is a folder"});
    fd_ = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0)
        throw Error(ErrorInfo{ErrorCode::FileUnreadable, file.string(), 0, {},
                              std::strerror(errno)});
#ifdef POSIX_FADV_SEQUENTIAL
    ::posix_fadvise(fd_, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
    unsigned char magic[2] = {0, 0};
    if (::pread(fd_, magic, 2, 0) == 2 && magic[0] == 0x1f && magic[1] == 0x8b) {
        const int dupFd = ::fcntl(fd_, F_DUPFD_CLOEXEC, 0);
        gz_ = dupFd >= 0 ? ::gzdopen(dupFd, "rb") : nullptr;
        if (!gz_) {
            if (dupFd >= 0)
                ::close(dupFd);
            const int err = errno;
            close();
            throw Error(ErrorInfo{ErrorCode::FileUnreadable, file.string(), 0, {},
                                  std::string("cannot open the gzip file: ") + std::strerror(err)});
        }
        ::gzbuffer(gz_, 1 << 17);
    }
    constexpr std::size_t kMinBuffer = std::size_t(64) << 10;
    std::size_t want = capacity_;
    if (!gz_ && S_ISREG(st.st_mode))
        want = std::min(capacity_, std::max(kMinBuffer, static_cast<std::size_t>(st.st_size) + 1));
    end_ = 0;
    grow(want);
    streamError_.clear();
    begin_ = end_ = scanned_ = 0;
    skipping_ = false;
    atStart_ = true;
    skipped_ = consumed_ = readTotal_ = 0;
    lineNo_ = 0;
}

void LineReader::seekToEnd()
{
    if (fd_ < 0 || gz_)  // a compressed file is never followed
        return;
    const off_t end = ::lseek(fd_, 0, SEEK_END);
    begin_ = end_ = scanned_ = 0;
    skipping_ = false;
    atStart_ = end <= 0;
    if (end > 0)
        consumed_ = readTotal_ = static_cast<std::uint64_t>(end);
}

void LineReader::close()
{
    if (gz_)
        ::gzclose(gz_);
    gz_ = nullptr;
    if (fd_ >= 0)
        ::close(fd_);
    fd_ = -1;
}

void LineReader::grow(std::size_t bytes)
{
    if (bytes <= size_)
        return;
    std::unique_ptr<char[]> bigger(new char[bytes]);
    if (end_ > 0)
        std::memcpy(bigger.get(), buf_.get(), end_);
    buf_ = std::move(bigger);
    size_ = bytes;
}

bool LineReader::fill()
{
    if (fd_ < 0)
        return false;
    if (begin_ > 0) {  // keep the partial line at the front
        std::memmove(buf_.get(), buf_.get() + begin_, end_ - begin_);
        end_ -= begin_;
        scanned_ -= begin_;
        begin_ = 0;
    }
    // A partial line fills the buffer (a long line, or a file that grew since open): double
    // it. At capacity_ a full buffer means a line over maxLine_, which next() skips first.
    if (end_ == size_)
        grow(std::min(capacity_, std::max<std::size_t>(size_ * 2, 1)));
    while (true) {
        const long n = readSome(buf_.get() + end_, size_ - end_);
        if (n <= 0 && gz_) {
            // A damaged or cut-off archive (zlib ends a cut-off one as end of data with
            // Z_BUF_ERROR): what came before is good; the caller reports the rest as lost.
            int code = Z_OK;
            std::string why = ::gzerror(gz_, &code);
            // zlib prefixes its own name for the stream ("<fd:4>: incorrect data check").
            if (const auto colon = why.find(": "); why.rfind("<fd:", 0) == 0 && colon != std::string::npos)
                why.erase(0, colon + 2);
            if (code == Z_BUF_ERROR)
                streamError_ = "the gzip file is cut off (unexpected end of file)";
            else if (code != Z_OK)
                streamError_ = "the gzip data is damaged (" + why + ")";
            if (n < 0 && streamError_.empty())
                streamError_ = "the gzip data is damaged";
            return false;
        }
        if (n < 0) {
            if (errno == EINTR)
                continue;
            throw Error(ErrorInfo{ErrorCode::FileUnreadable, path_.string(), lineNo_ + 1, {},
                                  std::strerror(errno)});
        }
        if (n == 0)
            return false;
        std::size_t from = end_;
        end_ += static_cast<std::size_t>(n);
        readTotal_ += static_cast<std::uint64_t>(n);
        if (atStart_ && end_ - from >= 3 && std::memcmp(buf_.get() + from, "\xEF\xBB\xBF", 3) == 0) {
            begin_ += 3;  // a BOM is not part of the first line
            scanned_ = begin_;
            consumed_ += 3;
        }
        atStart_ = false;
        return true;
    }
}

long LineReader::readSome(char* into, std::size_t bytes)
{
    if (gz_) {
        // Small reads: a damaged archive's last good bytes come in the same gzread as the
        // error that discards them (a bad CRC is found at the stream's end), so at most 64 KiB
        // of good lines are lost with it, not a whole 1 MiB buffer.
        const unsigned chunk = static_cast<unsigned>(std::min<std::size_t>(bytes, 64u << 10));
        return static_cast<long>(::gzread(gz_, into, chunk));
    }
    return static_cast<long>(::read(fd_, into, bytes));
}

LineReader::Result LineReader::next(std::string_view* line, bool flushTail)
{
    if (!buf_)  // never opened
        return Result::NoData;
    while (true) {
        if (skipping_) {
            // Inside an over-long line: drop bytes until its newline.
            const char* nl = static_cast<const char*>(
                std::memchr(buf_.get() + begin_, '\n', end_ - begin_));
            if (nl) {
                const std::size_t upTo = static_cast<std::size_t>(nl - buf_.get());
                skipped_ += upTo - begin_;
                consumed_ += upTo - begin_ + 1;
                begin_ = scanned_ = upTo + 1;
                skipping_ = false;
                return Result::TooLong;
            }
            skipped_ += end_ - begin_;
            consumed_ += end_ - begin_;
            begin_ = end_ = scanned_ = 0;
#ifdef SEEK_DATA
            // A hole in a sparse file reads as zeros, which hold no newline: jump over it.
            if (fd_ >= 0 && !gz_) {
                const off_t cur = ::lseek(fd_, 0, SEEK_CUR);
                const off_t data = cur >= 0 ? ::lseek(fd_, cur, SEEK_DATA) : -1;
                if (data > cur) {
                    skipped_ += static_cast<std::uint64_t>(data - cur);
                    consumed_ += static_cast<std::uint64_t>(data - cur);
                    readTotal_ += static_cast<std::uint64_t>(data - cur);
                } else if (data < 0 && errno == ENXIO && cur >= 0) {
                    // Only a hole up to the end of the file.
                    const off_t end = ::lseek(fd_, 0, SEEK_END);
                    if (end > cur) {
                        skipped_ += static_cast<std::uint64_t>(end - cur);
                        consumed_ += static_cast<std::uint64_t>(end - cur);
                        readTotal_ += static_cast<std::uint64_t>(end - cur);
                    } else {
                        ::lseek(fd_, cur, SEEK_SET);
                    }
                } else if (cur >= 0 && data != cur) {
                    ::lseek(fd_, cur, SEEK_SET);
                }
            }
#endif
            if (!fill()) {
                if (!flushTail)
                    return Result::NoData;
                skipping_ = false;
                return Result::TooLong;  // the file ended inside the long line
            }
            continue;
        }
        const char* nl = static_cast<const char*>(
            std::memchr(buf_.get() + scanned_, '\n', end_ - scanned_));
        if (nl) {
            const std::size_t upTo = static_cast<std::size_t>(nl - buf_.get());
            std::size_t len = upTo - begin_;
            ++lineNo_;
            consumed_ += len + 1;
            const char* start = buf_.get() + begin_;
            begin_ = scanned_ = upTo + 1;
            if (len > maxLine_) {
                skipped_ = len;
                return Result::TooLong;
            }
            if (len > 0 && start[len - 1] == '\r')
                --len;
            *line = std::string_view(start, len);
            return Result::Line;
        }
        scanned_ = end_;
        if (end_ - begin_ > maxLine_) {
            // No newline within the limit: skip the rest of this line.
            ++lineNo_;
            skipping_ = true;
            skipped_ = 0;
            continue;
        }
        if (!fill()) {
            if (flushTail && end_ > begin_) {
                std::size_t len = end_ - begin_;
                ++lineNo_;
                consumed_ += len;
                const char* start = buf_.get() + begin_;
                begin_ = end_ = scanned_ = 0;
                if (len > 0 && start[len - 1] == '\r')
                    --len;
                *line = std::string_view(start, len);
                return Result::Line;
            }
            return Result::NoData;
        }
    }
}

}  // namespace flightdeck::monitor
