#pragma once
// Content-addressed object store: objects/<first 2 hex>/<remaining 62 hex>. Writes are atomic
// (temp file + fsync + rename); a put of existing content is a no-op. Objects are immutable.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace flightdeck::store {

// Lower-case hex SHA-256 (OpenSSL EVP).
std::string sha256Hex(std::string_view bytes);
// Streams the file; throws Error(FileNotFound/FileUnreadable).
std::string sha256OfFile(const std::filesystem::path& file);

class ObjectStore {
public:
    explicit ObjectStore(std::filesystem::path root);

    // Stores bytes, returns their hash.
    std::string put(std::string_view bytes);
    // Stores the concatenation of `parts` as one object without joining them in memory: the
    // parts are hashed in turn, then written one after the other into the same temp file, so
    // put({header, a, b}) == put(header + a + b) (same hash, same bytes, same durability).
    std::string put(const std::vector<std::string_view>& parts);
    // Copies a file in (streaming), returns its hash.
    std::string putFile(const std::filesystem::path& file);
    // Reads an object back and re-verifies its hash (ErrorCode::CorruptObject on mismatch,
    // NotFound when absent).
    std::string get(const std::string& hash) const;
    bool contains(const std::string& hash) const;
    // Deletes an object no record refers to any more (a superseded checkpoint). Objects are
    // otherwise immutable; callers must know nothing else holds the hash. Never throws.
    void remove(const std::string& hash) noexcept;
    std::filesystem::path pathOf(const std::string& hash) const;
    const std::filesystem::path& root() const { return root_; }

private:
    std::filesystem::path root_;
};

}  // namespace flightdeck::store
