#pragma once
// Internal to core/data: the CSV file as a sliding window of blocks. The importer holds one
// block (plus the row that straddles it) instead of the whole file, so its memory is the
// dataset it builds, not the file it reads.
#include "flightdeck/common/Error.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace flightdeck::data::csv {

// Error context shared by the CSV reading code: every error names the file.
struct Context {
    std::string file;
    [[noreturn]] void fail(ErrorCode code, std::int64_t line, std::string field,
                           std::string detail) const
    {
        throw Error(ErrorInfo{code, file, line, std::move(field), std::move(detail)});
    }
};

// A larger block reads no faster (the parse, not read(), is the cost) and leaves the cache.
constexpr std::size_t kBlockBytes = std::size_t(1) << 20;
// One record (row) may span at most this many bytes. A longer one is almost always an unclosed
// quote swallowing the rest of the file; buffering it would make memory follow the file size.
constexpr std::size_t kMaxRecordBytes = std::size_t(16) << 20;
// Bytes past the window's end that may be read (never used): the number parser loads 8 bytes
// at a time.
constexpr std::size_t kReadPadding = 16;

class CsvSource {
public:
    // FileNotFound, FileUnreadable (a folder, no permission).
    CsvSource(const std::filesystem::path& file, const Context& ctx);
    ~CsvSource();
    CsvSource(const CsvSource&) = delete;
    CsvSource& operator=(const CsvSource&) = delete;

    // The bytes read and not yet consumed; kReadPadding more bytes after it are readable.
    std::string_view window() const { return {buffer_.data() + begin_, end_ - begin_}; }
    // True when the window holds the rest of the file.
    bool atEof() const { return eof_; }
    void consume(std::size_t n) { begin_ += n; }
    // Reads at least one more block behind the window (growing the buffer when the window
    // already fills half of it, so a long record costs linear time). False at end of file, or
    // when the window has reached kMaxRecordBytes (the caller reports the record it is in).
    bool more();
    // Offset of window().data() in the file (after a skipped byte order mark, too).
    std::uint64_t offset() const { return consumedBefore_ + begin_; }
    // The file's size, 0 when unknown (not a regular file).
    std::uint64_t size() const { return size_; }
    // Discards the window and reads on until a byte equal to `c` or the end of the file;
    // true if one was found. Used to tell an unclosed quote from an over-long record.
    bool skipTo(char c);

private:
    const Context& ctx_;
    int fd_ = -1;
    std::vector<char> buffer_;   // capacity_ + kReadPadding bytes
    std::size_t capacity_ = 0, begin_ = 0, end_ = 0;
    std::uint64_t consumedBefore_ = 0, size_ = 0;
    bool eof_ = false;
};

}  // namespace flightdeck::data::csv
