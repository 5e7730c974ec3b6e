#include "flightdeck/store/ObjectStore.h"

#include "flightdeck/common/Error.h"

#include <openssl/evp.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <memory>
#include <unistd.h>

namespace fs = std::filesystem;

namespace flightdeck::store {

namespace {

struct DigestDeleter {
    void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};

// Incremental SHA-256, so files are hashed while they stream instead of being loaded whole.
class Sha256 {
public:
    Sha256() : ctx_(EVP_MD_CTX_new())
    {
        if (!ctx_ || EVP_DigestInit_ex(ctx_.get(), EVP_sha256(), nullptr) != 1)
            throw Error(ErrorCode::Io, "OpenSSL could not start a SHA-256 digest");
    }
    void update(const void* data, std::size_t size)
    {
        if (EVP_DigestUpdate(ctx_.get(), data, size) != 1)
            throw Error(ErrorCode::Io, "OpenSSL SHA-256 update failed");
    }
    std::string hexDigest()
    {
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int length = 0;
        if (EVP_DigestFinal_ex(ctx_.get(), digest, &length) != 1)
            throw Error(ErrorCode::Io, "OpenSSL SHA-256 final failed");
        static const char* digits = "0123456789abcdef";
        std::string out(length * 2, '0');
        for (unsigned int i = 0; i < length; ++i) {
            out[2 * i] = digits[digest[i] >> 4];
            out[2 * i + 1] = digits[digest[i] & 0xf];
        }
        return out;
    }

private:
    std::unique_ptr<EVP_MD_CTX, DigestDeleter> ctx_;
};

[[noreturn]] void fail(ErrorCode code, const fs::path& file, std::string detail)
{
    throw Error(ErrorInfo{code, file.string(), 0, {}, std::move(detail)});
}

void checkHash(const std::string& hash)
{
    bool ok = hash.size() == 64;
    for (char c : hash)
        ok = ok && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    if (!ok)
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "hash",
                              "expected 64 lower-case hex digits, got \"" + hash + "\""});
}

// A name no other writer (thread or process) in the same folder will pick.
fs::path tempPath(const fs::path& folder)
{
    static std::atomic<unsigned long> counter{0};
    return folder / (".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
}

void syncDirectory(const fs::path& folder)
{
    const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}

class TempFile {
public:
    explicit TempFile(const fs::path& folder) : path_(tempPath(folder))
    {
        fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (fd_ < 0)
            fail(writeErrorCode(errno), path_, std::strerror(errno));
    }
    ~TempFile()
    {
        if (fd_ >= 0)
            ::close(fd_);
        if (!committed_)
            ::unlink(path_.c_str());
    }
    void write(const char* data, std::size_t size)
    {
        while (size > 0) {
            const ssize_t n = ::write(fd_, data, size);
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0)
                fail(writeErrorCode(errno), path_, std::strerror(errno));
            data += n;
            size -= static_cast<std::size_t>(n);
        }
    }
    // fsync before rename: otherwise a crash can leave a renamed but empty object, which
    // would then poison every later put() of the same content (it "already exists").
    void commitAs(const fs::path& target)
    {
        if (::fsync(fd_) != 0)
            fail(writeErrorCode(errno), path_, std::strerror(errno));
        ::close(fd_);
        fd_ = -1;
        if (std::rename(path_.c_str(), target.c_str()) != 0)
            fail(ErrorCode::FileUnwritable, target, std::strerror(errno));
        committed_ = true;
        syncDirectory(target.parent_path());
        if (path_.parent_path() != target.parent_path())
            syncDirectory(path_.parent_path());   // the rename also changed the source folder
    }

private:
    fs::path path_;
    int fd_ = -1;
    bool committed_ = false;
};

void ensureFolder(const fs::path& folder)
{
    std::error_code ec;
    if (fs::is_directory(folder, ec))
        return;
    fs::create_directories(folder, ec);
    if (ec)
        fail(ErrorCode::FileUnwritable, folder, ec.message());
    // A new shard's entry in objects/ must be durable before an object inside it is, or a
    // power cut could lose the shard while the database row naming the hash survives.
    syncDirectory(folder.parent_path());
}

}  // namespace

std::string sha256Hex(std::string_view bytes)
{
    Sha256 sha;
    sha.update(bytes.data(), bytes.size());
    return sha.hexDigest();
}

std::string sha256OfFile(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::error_code ec;
        fail(fs::exists(file, ec) ? ErrorCode::FileUnreadable : ErrorCode::FileNotFound, file,
             {});
    }
    Sha256 sha;
    std::string buffer(1 << 16, '\0');
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        sha.update(buffer.data(), static_cast<std::size_t>(in.gcount()));
    }
    if (in.bad())
        fail(ErrorCode::FileUnreadable, file, "read error");
    return sha.hexDigest();
}

ObjectStore::ObjectStore(fs::path root) : root_(std::move(root)) {}

fs::path ObjectStore::pathOf(const std::string& hash) const
{
    checkHash(hash);
    return root_ / hash.substr(0, 2) / hash.substr(2);
}

bool ObjectStore::contains(const std::string& hash) const
{
    std::error_code ec;
    return fs::is_regular_file(pathOf(hash), ec);
}

std::string ObjectStore::put(std::string_view bytes)
{
    return put(std::vector<std::string_view>{bytes});
}

std::string ObjectStore::put(const std::vector<std::string_view>& parts)
{
    Sha256 sha;
    for (std::string_view part : parts)
        if (!part.empty())
            sha.update(part.data(), part.size());
    const std::string hash = sha.hexDigest();
    if (contains(hash))
        return hash;
    const fs::path target = pathOf(hash);
    ensureFolder(target.parent_path());
    TempFile tmp(target.parent_path());
    for (std::string_view part : parts)
        tmp.write(part.data(), part.size());
    tmp.commitAs(target);
    return hash;
}

std::string ObjectStore::putFile(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::error_code ec;
        fail(fs::exists(file, ec) ? ErrorCode::FileUnreadable : ErrorCode::FileNotFound, file,
             {});
    }
    // The hash is only known at the end, so copy into a temp file at the root while hashing
    // and rename it into place afterwards (same file system, so the rename is atomic).
    ensureFolder(root_);
    TempFile tmp(root_);
    Sha256 sha;
    std::string buffer(1 << 16, '\0');
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const auto n = static_cast<std::size_t>(in.gcount());
        sha.update(buffer.data(), n);
        tmp.write(buffer.data(), n);
    }
    if (in.bad())
        fail(ErrorCode::FileUnreadable, file, "read error");
    const std::string hash = sha.hexDigest();
    if (contains(hash))
        return hash;   // TempFile's destructor removes the copy
    const fs::path target = pathOf(hash);
    ensureFolder(target.parent_path());
    tmp.commitAs(target);
    return hash;
}

std::string ObjectStore::get(const std::string& hash) const
{
    const fs::path file = pathOf(hash);
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::error_code ec;
        if (fs::exists(file, ec))
            fail(ErrorCode::FileUnreadable, file, {});
        throw Error(ErrorInfo{ErrorCode::NotFound, file.string(), 0, "object", hash});
    }
    std::string bytes;
    in.seekg(0, std::ios::end);
    bytes.resize(static_cast<std::size_t>(in.tellg()));
    in.seekg(0);
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!in)
        fail(ErrorCode::FileUnreadable, file, "short read");
    const std::string actual = sha256Hex(bytes);
    if (actual != hash)
        throw Error(ErrorInfo{ErrorCode::CorruptObject, file.string(), 0, hash,
                              "expected content with SHA-256 " + hash + ", found content with "
                                  + actual});
    return bytes;
}

void ObjectStore::remove(const std::string& hash) noexcept
{
    std::error_code ec;
    if (hash.size() == 64)
        std::filesystem::remove(pathOf(hash), ec);
}

}  // namespace flightdeck::store
