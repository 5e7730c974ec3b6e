#pragma once
// Follow mode ("tail -F") for a prediction log: each poll() reads what was appended since the
// last one. Rotation is recognised by the file's identity (device + inode): when the path names
// a new file (logrotate's rename + create), the old file is read to its end first (its last,
// unterminated line counts as finished), then the new file from its start. A file cut shorter
// than the read position (copytruncate) is read again from its start. A missing file (between
// rename and create, or not yet created) is waited for. An unterminated last line is held until
// its newline arrives. Memory stays constant (LineReader). Not thread-safe: poll from one thread.
#include "flightdeck/monitor/LineReader.h"
#include "flightdeck/monitor/LogReader.h"

#include <filesystem>
#include <memory>

namespace flightdeck::monitor {

namespace detail {
class RecordDecoder;
struct StreamState;
}

struct FollowOptions {
    LogReadOptions read;
    bool fromStart = true;  // false: skip what the file holds when it is first opened
};

class LogFollower {
public:
    explicit LogFollower(std::filesystem::path file, FollowOptions options = {});
    ~LogFollower();

    // Delivers the records appended since the last call; returns how many.
    std::int64_t poll(const RecordCallback& onRecord);

    // Cumulative over all polls and files; problems carry the file name.
    const ReadStats& stats() const { return stats_; }
    int rotations() const { return rotations_; }
    int truncations() const { return truncations_; }

private:
    bool openCurrent(bool atEnd);

    std::filesystem::path path_;
    FollowOptions options_;
    LineReader reader_;
    std::unique_ptr<detail::RecordDecoder> decoder_;
    std::unique_ptr<detail::StreamState> state_;
    ReadStats stats_;
    unsigned long long dev_ = 0, ino_ = 0;
    bool everOpened_ = false;
    int rotations_ = 0, truncations_ = 0;
};

}  // namespace flightdeck::monitor
