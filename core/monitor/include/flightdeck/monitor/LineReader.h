#pragma once
// Reads a file line by line through one buffer: memory is at most maxLineBytes + chunkBytes
// whatever the file or line size. A line longer than maxLineBytes is never held: its bytes are
// skipped up to the next newline and it is reported as TooLong with its number and length, so a
// 5 GB line costs a scan, not 5 GB. Lines come without "\n" / "\r\n"; a UTF-8 BOM at the start
// of the file is dropped. Used by the log readers and LogFollower (which keeps an unterminated
// last line until the writer finishes it). A gzip file (found by its magic bytes, whatever its
// name: logrotate's `compress` gives "app.jsonl.2.gz") is read through zlib, still one buffer.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

struct gzFile_s;

namespace flightdeck::monitor {

constexpr std::size_t kDefaultMaxLineBytes = std::size_t(1) << 20;  // 1 MiB

class LineReader {
public:
    explicit LineReader(std::size_t maxLineBytes = kDefaultMaxLineBytes,
                        std::size_t chunkBytes = std::size_t(1) << 20);
    ~LineReader();
    LineReader(const LineReader&) = delete;
    LineReader& operator=(const LineReader&) = delete;

    // Throws Error(FileNotFound / FileUnreadable) with the path.
    void open(const std::filesystem::path& file);
    void close();
    // Skips everything the file holds now (follow mode starting at the end).
    void seekToEnd();
    bool isOpen() const { return fd_ >= 0; }
    bool isCompressed() const { return gz_ != nullptr; }
    // Why the data stopped before the file's end: a damaged or truncated gzip stream (zlib's
    // words). Empty when the data simply ended.
    const std::string& streamError() const { return streamError_; }
    int fd() const { return fd_; }
    const std::filesystem::path& path() const { return path_; }

    enum class Result { Line, TooLong, NoData };
    // The next line. At the end of the data written so far: with flushTail, an unterminated
    // last line is returned as a Line (a finished file); without it, it stays buffered and
    // NoData is returned (a file still being written: call again later).
    Result next(std::string_view* line, bool flushTail = true);

    std::int64_t lineNumber() const { return lineNo_; }      // of the line just returned
    std::uint64_t tooLongBytes() const { return skipped_; }  // its length, after TooLong
    std::uint64_t bytesConsumed() const { return consumed_; }
    std::size_t maxLineBytes() const { return maxLine_; }
    bool hasBufferedTail() const { return end_ > begin_ || skipping_; }

private:
    bool fill();  // false at end of data
    long readSome(char* into, std::size_t bytes);  // read() or gzread(); <0 with errno set

    std::filesystem::path path_;
    int fd_ = -1;
    gzFile_s* gz_ = nullptr;  // reads fd_'s duplicate when the file is gzip
    std::string streamError_;
    std::size_t maxLine_;
    void grow(std::size_t bytes);  // to at least `bytes`, keeping [0, end_)

    // Not zero-filled: read() writes every byte before it is looked at. Sized at open() to a
    // plain file's size (at least 64 KiB) and doubled when a line fills it, up to capacity_:
    // a folder of small files or a fuzzer's 4 KB input does not pay for 1 MB each (under ASan
    // that allocation was a third of fuzz_log's time).
    std::unique_ptr<char[]> buf_;
    std::size_t size_ = 0;
    std::size_t capacity_;
    std::size_t begin_ = 0, end_ = 0, scanned_ = 0;
    bool skipping_ = false;
    bool atStart_ = true;
    std::uint64_t skipped_ = 0;
    std::uint64_t consumed_ = 0;
    std::uint64_t readTotal_ = 0;
    std::int64_t lineNo_ = 0;
};

}  // namespace flightdeck::monitor
