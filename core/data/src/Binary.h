#pragma once
// Internal to core/data: little-endian writer and a bounds-checked reader for the object
// formats (tables, splits). Explicit byte order keeps the bytes, and so the SHA-256 that names
// them, identical on every platform.
#include "flightdeck/common/Error.h"

#include <cstdint>
#include <cstring>
#include <string>

namespace flightdeck::data::binary {

// Bulk arrays are copied as they lie in memory when the host is little-endian (every platform
// Flightdeck targets); the per-value path keeps big-endian hosts producing the same bytes.
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
constexpr bool kLittleEndianHost = true;
#else
constexpr bool kLittleEndianHost = false;
#endif

class Writer {
public:
    void u32(std::uint32_t v)
    {
        for (int i = 0; i < 4; ++i)
            out_.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
    }
    void u64(std::uint64_t v)
    {
        for (int i = 0; i < 8; ++i)
            out_.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
    }
    void raw(const char* data, std::size_t size) { out_.append(data, size); }
    // 4-byte values (float or 32-bit integers) in little-endian order.
    template <typename T>
    void array32(const T* values, std::size_t count)
    {
        static_assert(sizeof(T) == 4, "array32 writes 4-byte values");
        if (kLittleEndianHost) {
            out_.append(reinterpret_cast<const char*>(values), count * 4);
            return;
        }
        for (std::size_t i = 0; i < count; ++i) {
            std::uint32_t bits;
            std::memcpy(&bits, &values[i], 4);
            u32(bits);
        }
    }
    void str(const std::string& s)
    {
        u32(static_cast<std::uint32_t>(s.size()));
        out_.append(s);
    }
    void reserve(std::size_t n) { out_.reserve(n); }
    std::string take() { return std::move(out_); }

private:
    std::string out_;
};

class Reader {
public:
    Reader(const std::string& bytes, const char* what) : bytes_(bytes), what_(what) {}

    std::size_t remaining() const { return bytes_.size() - pos_; }

    // Throws unless `n` more bytes exist; call before allocating anything sized by the input.
    void need(std::uint64_t n, const char* item) const
    {
        if (n > remaining())
            fail(std::string("expected ") + std::to_string(n) + " bytes for " + item + ", found "
                 + std::to_string(remaining()));
    }
    std::uint32_t u32(const char* item)
    {
        need(4, item);
        std::uint32_t v = 0;
        for (int i = 0; i < 4; ++i)
            v |= std::uint32_t(static_cast<unsigned char>(bytes_[pos_ + i])) << (8 * i);
        pos_ += 4;
        return v;
    }
    std::uint64_t u64(const char* item)
    {
        need(8, item);
        std::uint64_t v = 0;
        for (int i = 0; i < 8; ++i)
            v |= std::uint64_t(static_cast<unsigned char>(bytes_[pos_ + i])) << (8 * i);
        pos_ += 8;
        return v;
    }
    template <typename T>
    void array32(T* values, std::size_t count, const char* item)
    {
        static_assert(sizeof(T) == 4, "array32 reads 4-byte values");
        need(static_cast<std::uint64_t>(count) * 4, item);
        if (count == 0)
            return;   // an empty part's data() may be null, and memcpy(nullptr, ...) is UB
        if (kLittleEndianHost) {
            std::memcpy(values, bytes_.data() + pos_, count * 4);
            pos_ += count * 4;
            return;
        }
        for (std::size_t i = 0; i < count; ++i) {
            const std::uint32_t bits = u32(item);
            std::memcpy(&values[i], &bits, 4);
        }
    }
    void raw(void* out, std::size_t n, const char* item)
    {
        need(n, item);
        if (n == 0)
            return;
        std::memcpy(out, bytes_.data() + pos_, n);
        pos_ += n;
    }
    std::string str(const char* item)
    {
        const std::uint32_t n = u32(item);
        need(n, item);
        std::string s = bytes_.substr(pos_, n);
        pos_ += n;
        return s;
    }
    void magic(const char (&expected)[5])
    {
        need(4, "the magic number");
        if (bytes_.compare(pos_, 4, expected, 4) != 0)
            fail(std::string("expected magic \"") + expected + "\", found \""
                 + bytes_.substr(pos_, 4) + "\"");
        pos_ += 4;
    }
    void end() const
    {
        if (remaining() != 0)
            fail("expected the end of the data, found " + std::to_string(remaining())
                 + " extra bytes");
    }
    [[noreturn]] void fail(std::string detail) const
    {
        throw Error(ErrorInfo{ErrorCode::CorruptObject, {}, 0, what_, std::move(detail)});
    }

private:
    const std::string& bytes_;
    const char* what_;
    std::size_t pos_ = 0;
};

}  // namespace flightdeck::data::binary
