// Folders of rotated logs: which files are logs, their order (logrotate's naming), and reading
// them as one stream as they were when listed (a file renamed mid-read followed by inode).
#include "RecordDecoder.h"

#include "flightdeck/common/Error.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <optional>

#include <sys/stat.h>

namespace flightdeck::monitor {

namespace {

std::string lower(std::string s)
{
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool allDigits(const std::string& s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The rotation index of a file name ("app.log.3" -> 3, "app.3.jsonl" -> 3), or -1.
long long rotationIndex(const std::string& name)
{
    const auto lastDot = name.rfind('.');
    if (lastDot == std::string::npos)
        return -1;
    const std::string last = name.substr(lastDot + 1);
    if (allDigits(last) && last.size() < 10)
        return std::stoll(last);
    const auto prevDot = name.rfind('.', lastDot - 1);
    if (prevDot == std::string::npos || lastDot == 0)
        return -1;
    const std::string middle = name.substr(prevDot + 1, lastDot - prevDot - 1);
    if (allDigits(middle) && middle.size() < 10)
        return std::stoll(middle);
    return -1;
}

// Compression suffixes: ".gz" is read (zlib, LineReader); the others are listed as skipped.
constexpr const char* kCompressions[] = {".gz", ".bz2", ".xz", ".zst", ".zip"};

// The compression suffix of a name (lower case), or "".
std::string compressionOf(const std::string& name)
{
    const std::string n = lower(name);
    for (const char* ext : kCompressions)
        if (n.size() > std::strlen(ext) && n.compare(n.size() - std::strlen(ext), std::string::npos, ext) == 0)
            return ext;
    return {};
}

std::string withoutCompression(const std::string& name)
{
    return name.substr(0, name.size() - compressionOf(name).size());
}

// A log's name: a known extension, possibly followed by a rotation index or logrotate's
// dateext ("app.jsonl", "app.log.3", "app.3.jsonl", "app.log-20261123", "app-2026-11-23.jsonl").
// Anything else in the folder (notes, scripts) is not read as a log but listed as skipped.
bool isLogName(const std::string& name)
{
    static constexpr const char* kExtensions[] = {"jsonl", "ndjson", "json", "log", "csv", "tsv"};
    const std::string n = lower(withoutCompression(name));
    std::size_t end = n.size();
    while (end > 0) {
        const auto dot = n.rfind('.', end - 1);
        if (dot == std::string::npos || dot == 0)
            return false;
        const std::string part = n.substr(dot + 1, end - dot - 1);
        if (allDigits(part)) {
            end = dot;  // a rotation index: look at the part before it
            continue;
        }
        for (const char* ext : kExtensions) {
            const std::size_t len = std::strlen(ext);
            if (part.compare(0, len, ext) == 0
                && (part.size() == len || part[len] == '-' || part[len] == '_'))
                return true;
        }
        return false;
    }
    return false;
}

struct FolderListing {
    std::vector<std::filesystem::path> files;
    std::vector<SkippedFile> skipped;
};

FolderListing listFolder(const std::filesystem::path& folder)
{
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec))
        throw Error(ErrorInfo{std::filesystem::exists(folder, ec) ? ErrorCode::FileUnreadable
                                                                  : ErrorCode::FileNotFound,
                              folder.string(), 0, {}, "not a folder"});
    struct Entry {
        long long index;
        std::string name;
        std::filesystem::path path;
    };
    std::vector<Entry> entries;
    FolderListing out;
    for (const auto& de : std::filesystem::directory_iterator(folder, ec)) {
        const std::string name = de.path().filename().string();
        if (name.empty() || name[0] == '.' || !de.is_regular_file(ec))
            continue;
        const std::string compression = compressionOf(name);
        if (!compression.empty() && compression != ".gz") {
            out.skipped.push_back({name, "compressed as " + compression
                                             + ", which is not read: decompress it, or use gzip"});
            continue;
        }
        if (!isLogName(name)) {
            out.skipped.push_back({name, "not a log file name (.jsonl, .ndjson, .json, .log, "
                                         ".csv or .tsv, with an optional rotation number, "
                                         "date or .gz); read a file directly by its path"});
            continue;
        }
        entries.push_back({rotationIndex(withoutCompression(name)), name, de.path()});
    }
    if (ec)
        throw Error(ErrorInfo{ErrorCode::FileUnreadable, folder.string(), 0, {}, ec.message()});
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        if (a.index != b.index)
            return a.index > b.index;  // higher rotation index = older; -1 (none) = newest
        return a.name < b.name;
    });
    for (Entry& e : entries)
        out.files.push_back(std::move(e.path));
    std::sort(out.skipped.begin(), out.skipped.end(),
              [](const SkippedFile& a, const SkippedFile& b) { return a.file < b.file; });
    return out;
}

struct FileId {
    dev_t dev = 0;
    ino_t ino = 0;
    bool operator==(const FileId& o) const { return dev == o.dev && ino == o.ino; }
};

std::optional<FileId> idOf(const std::filesystem::path& file)
{
    struct stat st{};
    if (::stat(file.c_str(), &st) != 0)
        return std::nullopt;
    return FileId{st.st_dev, st.st_ino};
}

// Where the file listed as `id` is now: a rotation during the read renames files (app.jsonl ->
// app.jsonl.1), so a name opened later can hold other data. Empty if it is gone.
std::optional<std::filesystem::path> findById(const std::filesystem::path& folder, FileId id)
{
    std::error_code ec;
    for (const auto& de : std::filesystem::directory_iterator(folder, ec)) {
        const auto other = idOf(de.path());
        if (other && *other == id)
            return de.path();
    }
    return std::nullopt;
}

// Opens the file listed as `listed` (with identity `id`), following it through a rename.
// False if it vanished.
bool openListed(LineReader& reader, const std::filesystem::path& folder,
                const std::filesystem::path& listed, const std::optional<FileId>& id)
{
    auto matches = [&] {
        struct stat st{};
        return id && ::fstat(reader.fd(), &st) == 0 && FileId{st.st_dev, st.st_ino} == *id;
    };
    try {
        reader.open(listed);
        if (!id || matches())
            return true;
    } catch (const Error& e) {
        if (e.info().code != ErrorCode::FileNotFound || !id)
            throw;
    }
    const auto now = id ? findById(folder, *id) : std::nullopt;
    if (!now)
        return false;
    try {
        reader.open(*now);
    } catch (const Error& e) {
        if (e.info().code == ErrorCode::FileNotFound)
            return false;
        throw;
    }
    return matches();
}

}  // namespace

LogFormat formatForPath(const std::filesystem::path& file)
{
    std::string name = lower(withoutCompression(file.filename().string()));
    // Look past a rotation suffix: "predictions.csv.2" is a CSV file.
    const auto dot = name.rfind('.');
    if (dot != std::string::npos && allDigits(name.substr(dot + 1)))
        name.erase(dot);
    const auto ext = name.rfind('.');
    const std::string e = ext == std::string::npos ? std::string() : name.substr(ext);
    return e == ".csv" || e == ".tsv" ? LogFormat::Csv : LogFormat::Jsonl;
}

std::vector<std::filesystem::path> rotatedLogFiles(const std::filesystem::path& folder)
{
    return listFolder(folder).files;
}

bool readLogFolder(const std::filesystem::path& folder, const LogReadOptions& options,
                   const RecordCallback& onRecord, ReadStats& stats,
                   const std::atomic<bool>* cancel)
{
    stats = ReadStats{};
    FolderListing listing = listFolder(folder);
    stats.skippedFiles = std::move(listing.skipped);
    // Identities right after the listing: the folder as it was then is what gets read.
    std::vector<std::optional<FileId>> ids;
    for (const auto& file : listing.files)
        ids.push_back(idOf(file));
    LineReader reader(options.maxLineBytes);
    detail::StreamState state;
    for (std::size_t i = 0; i < listing.files.size(); ++i) {
        const auto& file = listing.files[i];
        if (!openListed(reader, folder, file, ids[i])) {
            detail::addFileProblem(stats, file.filename().string(),
                           "the file was removed before it could be read (a rotation deleted "
                           "it?): its records are missing");
            continue;
        }
        const LogFormat format =
            options.format == LogFormat::Auto ? formatForPath(file) : options.format;
        auto decoder = detail::makeDecoder(format, options);
        state.fileLabel = file.filename().string();
        ++stats.files;
        if (detail::readLines(reader, *decoder, onRecord, stats, state, cancel, true)
            == detail::LoopEnd::Cancelled)
            return false;
        if (!reader.streamError().empty())
            detail::addFileProblem(stats, state.fileLabel,
                           reader.streamError() + " after line "
                               + std::to_string(reader.lineNumber()) + ": the rest is missing");
    }
    detail::settleStream(state, onRecord, stats, true);
    return true;
}

}  // namespace flightdeck::monitor
