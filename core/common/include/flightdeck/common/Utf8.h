#pragma once
// Text from files becomes JSON (class names, column names), and JSON must be UTF-8: a Latin-1
// "café" once surfaced as nlohmann's "[json.exception.type_error.316] incomplete UTF-8 string"
// with no file or line. Importers check the names they keep here and say where the bad byte is.
#include <cstddef>
#include <string>
#include <string_view>

namespace flightdeck {

// The offset of the first byte that is not part of a well-formed UTF-8 sequence (RFC 3629: no
// overlong forms, no surrogates, nothing above U+10FFFF), or npos when the text is UTF-8.
inline std::size_t invalidUtf8At(std::string_view s)
{
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    std::size_t i = 0;
    while (i < s.size()) {
        const unsigned char c = byte(i);
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        unsigned char low = 0x80, high = 0xbf;   // the second byte's range
        if (c >= 0xc2 && c <= 0xdf) {
            length = 2;
        } else if (c >= 0xe0 && c <= 0xef) {
            length = 3;
            if (c == 0xe0)
                low = 0xa0;    // overlong
            else if (c == 0xed)
                high = 0x9f;   // surrogates
        } else if (c >= 0xf0 && c <= 0xf4) {
            length = 4;
            if (c == 0xf0)
                low = 0x90;    // overlong
            else if (c == 0xf4)
                high = 0x8f;   // above U+10FFFF
        } else {
            return i;
        }
        if (i + length > s.size() || byte(i + 1) < low || byte(i + 1) > high)
            return i;
        for (std::size_t k = 2; k < length; ++k)
            if (byte(i + k) < 0x80 || byte(i + k) > 0xbf)
                return i;
        i += length;
    }
    return std::string_view::npos;
}

// "byte 0xE9 at position 4": for a message about text that is not UTF-8.
inline std::string describeInvalidUtf8(std::string_view s, std::size_t at)
{
    static const char* hex = "0123456789ABCDEF";
    const auto c = static_cast<unsigned char>(s[at]);
    return std::string("byte 0x") + hex[c >> 4] + hex[c & 15] + " at position "
           + std::to_string(at + 1);
}

}  // namespace flightdeck
