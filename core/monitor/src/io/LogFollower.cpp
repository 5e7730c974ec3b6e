#include "flightdeck/monitor/LogFollower.h"

#include "RecordDecoder.h"

#include <sys/stat.h>
#include <unistd.h>

namespace flightdeck::monitor {

LogFollower::LogFollower(std::filesystem::path file, FollowOptions options)
    : path_(std::move(file)),
      options_(std::move(options)),
      reader_(options_.read.maxLineBytes),
      state_(std::make_unique<detail::StreamState>())
{
}

LogFollower::~LogFollower() = default;

bool LogFollower::openCurrent(bool atEnd)
{
    struct stat st{};
    if (::stat(path_.c_str(), &st) != 0)
        return false;
    reader_.open(path_);
    struct stat fst{};
    if (::fstat(reader_.fd(), &fst) == 0) {
        dev_ = static_cast<unsigned long long>(fst.st_dev);
        ino_ = static_cast<unsigned long long>(fst.st_ino);
    }
    const LogFormat format = options_.read.format == LogFormat::Auto ? formatForPath(path_)
                                                                      : options_.read.format;
    decoder_ = detail::makeDecoder(format, options_.read);
    if (atEnd) {
        // A CSV file's header is still needed when the rows before the end are skipped.
        std::string_view line;
        while (decoder_->wantsHeader()
               && reader_.next(&line, false) == LineReader::Result::Line) {
            if (line.find_first_not_of(" \t\r") == std::string_view::npos)
                continue;
            const std::string problem = decoder_->header(line);
            if (!problem.empty())
                break;
        }
        reader_.seekToEnd();
    }
    state_->fileLabel = path_.filename().string();
    ++stats_.files;
    return true;
}

std::int64_t LogFollower::poll(const RecordCallback& onRecord)
{
    const std::int64_t before = stats_.records;
    if (!reader_.isOpen()) {
        if (!openCurrent(!everOpened_ && !options_.fromStart))
            return 0;
        everOpened_ = true;
    }
    detail::readLines(reader_, *decoder_, onRecord, stats_, *state_, nullptr, false);

    struct stat st{};
    if (::stat(path_.c_str(), &st) != 0)
        return stats_.records - before;  // renamed away, the new file not created yet
    const bool replaced = static_cast<unsigned long long>(st.st_dev) != dev_
                          || static_cast<unsigned long long>(st.st_ino) != ino_;
    if (replaced) {
        // Finish the old file (a writer may have appended after our read), then switch.
        detail::readLines(reader_, *decoder_, onRecord, stats_, *state_, nullptr, true);
        reader_.close();
        ++rotations_;
        if (openCurrent(false))
            detail::readLines(reader_, *decoder_, onRecord, stats_, *state_, nullptr, false);
    } else {
        const off_t pos = ::lseek(reader_.fd(), 0, SEEK_CUR);
        if (pos >= 0 && st.st_size < pos) {
            // Truncated in place: whatever was buffered belonged to the old content.
            reader_.close();
            ++truncations_;
            if (openCurrent(false))
                detail::readLines(reader_, *decoder_, onRecord, stats_, *state_, nullptr, false);
        }
    }
    // Caught up: records held to judge their timestamps are released (or rejected) now, so the
    // panel is never behind by the few lines the stray check holds.
    detail::settleStream(*state_, onRecord, stats_, false);
    return stats_.records - before;
}

}  // namespace flightdeck::monitor
