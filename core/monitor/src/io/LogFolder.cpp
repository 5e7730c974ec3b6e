// Folders of rotated logs: which files are logs and in what order (LogFileNames.h), and reading
// them as one stream as they were when listed. A rotation during the read renames files (found
// again by identity), removes the oldest (reported), or truncates the live file in place
// (copytruncate: reported).
#include "LogFileNames.h"
#include "RecordDecoder.h"

#include "flightdeck/common/Error.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <unordered_map>

#include <fcntl.h>
#include <sys/stat.h>

namespace flightdeck::monitor {

namespace {

namespace fs = std::filesystem;

struct Listed {
    detail::RotationKey key;
    fs::path path;
};

struct FolderListing {
    std::vector<fs::path> files;
    std::vector<SkippedFile> skipped;
};

// What an entry that is not a regular file is, for skipped_files.
std::string notARegularFile(const fs::directory_entry& de)
{
    std::error_code ec;
    const fs::file_status status = de.status(ec);
    if (ec)
        return de.is_symlink(ec) ? "a symbolic link that leads nowhere (" + ec.message() + ")"
                                 : "cannot be read (" + ec.message() + ")";
    switch (status.type()) {
    case fs::file_type::directory: return "a folder";
    case fs::file_type::fifo: return "a FIFO, not a log file";
    case fs::file_type::socket: return "a socket, not a log file";
    case fs::file_type::block:
    case fs::file_type::character: return "a device, not a log file";
    default: return "not a regular file";
    }
}

FolderListing listFolder(const fs::path& folder)
{
    std::error_code ec;
    if (!fs::is_directory(folder, ec))
        throw Error(ErrorInfo{fs::exists(folder, ec) ? ErrorCode::FileUnreadable : ErrorCode::FileNotFound,
                              folder.string(), 0, {}, "not a folder"});
    std::vector<Listed> entries;
    FolderListing out;
    fs::directory_iterator it(folder, ec);
    if (ec)
        throw Error(ErrorInfo{ErrorCode::FileUnreadable, folder.string(), 0, {}, ec.message()});
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec)
            throw Error(ErrorInfo{ErrorCode::FileUnreadable, folder.string(), 0, {}, ec.message()});
        const fs::directory_entry& de = *it;
        const std::string name = de.path().filename().string();
        if (name.empty() || name[0] == '.')
            continue;
        // Each entry's own error: a broken link is skipped and said, never the folder's failure.
        std::error_code entryEc;
        if (!de.is_regular_file(entryEc)) {
            out.skipped.push_back({name, notARegularFile(de)});
            continue;
        }
        const std::string compression = detail::compressionOf(name);
        if (!compression.empty() && compression != ".gz") {
            out.skipped.push_back({name, "compressed as " + compression
                                             + ", which is not read: decompress it, or use gzip"});
            continue;
        }
        if (!detail::isLogName(name)) {
            out.skipped.push_back({name, "not a log file name (.jsonl, .ndjson, .json, .log, "
                                         ".csv or .tsv, with an optional rotation number, "
                                         "date or .gz); read a file directly by its path"});
            continue;
        }
        entries.push_back({detail::rotationKey(name), de.path()});
    }
    std::sort(entries.begin(), entries.end(),
              [](const Listed& a, const Listed& b) { return a.key < b.key; });
    for (Listed& e : entries)
        out.files.push_back(std::move(e.path));
    std::sort(out.skipped.begin(), out.skipped.end(),
              [](const SkippedFile& a, const SkippedFile& b) { return a.file < b.file; });
    return out;
}

// A file's identity across renames. The inode alone is not enough: ext4 hands a removed file's
// inode to the next file created, which is what a rotation does right after removing the
// oldest; the birth time tells them apart where the file system records it.
struct FileId {
    std::uint64_t dev = 0, ino = 0;
    std::int64_t bornSec = 0;
    std::uint32_t bornNsec = 0;
    bool hasBirth = false;
    std::uint64_t size = 0;   // at listing: a file shorter later was truncated in place

    bool sameFile(const FileId& o) const
    {
        return dev == o.dev && ino == o.ino
               && (!hasBirth || !o.hasBirth || (bornSec == o.bornSec && bornNsec == o.bornNsec));
    }
};

std::optional<FileId> identity(int dirFd, const char* path, int flags)
{
    struct statx sx {};
    if (::statx(dirFd, path, flags, STATX_INO | STATX_SIZE | STATX_BTIME, &sx) != 0)
        return std::nullopt;
    FileId id;
    id.dev = (std::uint64_t(sx.stx_dev_major) << 32) | sx.stx_dev_minor;
    id.ino = sx.stx_ino;
    id.hasBirth = (sx.stx_mask & STATX_BTIME) != 0;
    id.bornSec = sx.stx_btime.tv_sec;
    id.bornNsec = sx.stx_btime.tv_nsec;
    id.size = sx.stx_size;
    return id;
}

std::optional<FileId> identityOf(const fs::path& file) { return identity(AT_FDCWD, file.c_str(), 0); }
std::optional<FileId> identityOf(int fd) { return identity(fd, "", AT_EMPTY_PATH); }

// Where each listed file is now. Built once when a name no longer holds its file (a rotation
// renames every kept file at once), again only when an answer turns out stale: a folder scan
// per rotation, not per file.
class Whereabouts {
public:
    explicit Whereabouts(fs::path folder) : folder_(std::move(folder)) {}

    std::optional<fs::path> find(const FileId& id)
    {
        for (int pass = 0; pass < 2; ++pass) {
            if (pass == 1 || !scanned_)
                scan();
            const auto it = byInode_.find(id.ino);
            if (it != byInode_.end() && it->second.first.sameFile(id)) {
                const auto now = identityOf(it->second.second);
                if (now && now->sameFile(id))
                    return it->second.second;
            }
        }
        return std::nullopt;
    }

private:
    void scan()
    {
        byInode_.clear();
        std::error_code ec;
        for (const auto& de : fs::directory_iterator(folder_, ec))
            if (const auto id = identityOf(de.path()))
                byInode_[id->ino] = {*id, de.path()};
        scanned_ = true;
    }

    fs::path folder_;
    bool scanned_ = false;
    std::unordered_map<std::uint64_t, std::pair<FileId, fs::path>> byInode_;
};

// Opens the file listed as `listed` with identity `id`, following it through a rename. False
// if it is gone.
bool openListed(LineReader& reader, Whereabouts& where, const fs::path& listed,
                const std::optional<FileId>& id)
{
    auto isIt = [&] {
        const auto now = identityOf(reader.fd());
        return id && now && now->sameFile(*id);
    };
    try {
        reader.open(listed);
        if (!id || isIt())
            return true;
    } catch (const Error& e) {
        if (e.info().code != ErrorCode::FileNotFound || !id)
            throw;
    }
    const auto now = id ? where.find(*id) : std::nullopt;
    if (!now)
        return false;
    try {
        reader.open(*now);
    } catch (const Error& e) {
        if (e.info().code == ErrorCode::FileNotFound)
            return false;
        throw;
    }
    return isIt();
}

}  // namespace

LogFormat formatForPath(const fs::path& file)
{
    std::string name = detail::lowerCase(detail::withoutCompression(file.filename().string()));
    // Look past a rotation suffix: "predictions.csv.2" is a CSV file.
    const auto dot = name.rfind('.');
    if (dot != std::string::npos && detail::allDigits(name.substr(dot + 1)))
        name.erase(dot);
    const auto ext = name.rfind('.');
    const std::string e = ext == std::string::npos ? std::string() : name.substr(ext);
    return e == ".csv" || e == ".tsv" ? LogFormat::Csv : LogFormat::Jsonl;
}

std::vector<fs::path> rotatedLogFiles(const fs::path& folder)
{
    return listFolder(folder).files;
}

bool readLogFolder(const fs::path& folder, const LogReadOptions& options,
                   const RecordCallback& onRecord, ReadStats& stats,
                   const std::atomic<bool>* cancel)
{
    stats = ReadStats{};
    FolderListing listing = listFolder(folder);
    stats.skippedFiles = std::move(listing.skipped);
    // Identities right after the listing: the folder as it was then is what gets read.
    std::vector<std::optional<FileId>> ids;
    for (const auto& file : listing.files)
        ids.push_back(identityOf(file));
    Whereabouts where(folder);
    LineReader reader(options.maxLineBytes);
    detail::StreamState state;
    for (std::size_t i = 0; i < listing.files.size(); ++i) {
        const auto& file = listing.files[i];
        const std::string label = file.filename().string();
        if (!openListed(reader, where, file, ids[i])) {
            detail::addFileProblem(stats, label,
                                   "the file was removed before it could be read (a rotation "
                                   "deleted it?): its records are missing");
            continue;
        }
        const auto opened = identityOf(reader.fd());
        if (ids[i] && opened && opened->size < ids[i]->size)
            detail::addFileProblem(stats, label,
                                   "the file was shortened after it was listed ("
                                       + std::to_string(ids[i]->size) + " bytes, now "
                                       + std::to_string(opened->size)
                                       + "; logrotate's copytruncate?): records written before "
                                         "are missing");
        const LogFormat format =
            options.format == LogFormat::Auto ? formatForPath(file) : options.format;
        auto decoder = detail::makeDecoder(format, options);
        state.fileLabel = label;
        ++stats.files;
        if (detail::readLines(reader, *decoder, onRecord, stats, state, cancel, true)
            == detail::LoopEnd::Cancelled)
            return false;
        detail::addStreamProblem(stats, label, reader);
    }
    detail::settleStream(state, onRecord, stats, true);
    return true;
}

}  // namespace flightdeck::monitor
