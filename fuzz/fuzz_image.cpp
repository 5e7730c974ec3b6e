// Image files (PNG, JPEG, BMP) through the importer's codec: header peek, decode to gray and
// RGB, every resize rule into a small target; and the image version index parser. The first
// byte picks the path, so one corpus exercises both. The PNG fast path is checked against
// stb_image: whatever it decodes, stb must decode to the same pixels.
#include "ImageCodec.h"
#include "PngDecoder.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/data/ImageSet.h"

#include <stb/stb_image.h>

#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

using namespace flightdeck::data;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 1)
        return 0;
    const std::string bytes(reinterpret_cast<const char*>(data + 1), size - 1);
    if (data[0] == 'I') {
        try {
            (void)deserializeImageIndex(bytes);
        } catch (const flightdeck::Error&) {
        }
        return 0;
    }
    codec::Header header;
    std::string why;
    if (!codec::peek(bytes, &header, &why))
        return 0;
    // The importer's own limit is 8192x8192; the fuzzer keeps executions fast.
    if (static_cast<long long>(header.width) * header.height > (1 << 20))
        return 0;
    for (int channels : {1, 3}) {
        std::vector<std::uint8_t> fast;
        int fw = 0, fh = 0;
        if (codec::decodePngFast(bytes, channels, &fast, &fw, &fh)) {
            int sw = 0, sh = 0, stored = 0;
            stbi_uc* ref = stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(bytes.data()),
                                                 int(bytes.size()), &sw, &sh, &stored, channels);
            if (!ref || sw != fw || sh != fh
                || std::memcmp(ref, fast.data(), fast.size()) != 0)
                std::abort();   // the fast path accepted what stb refuses, or differs
            stbi_image_free(ref);
        }
        std::vector<std::uint8_t> hwc;
        int w = 0, h = 0;
        if (!codec::decode(bytes, channels, &hwc, &w, &h, &why))
            return 0;
        for (auto rule : {ResizeRule::Stretch, ResizeRule::Fit, ResizeRule::Crop}) {
            std::vector<std::uint8_t> chw(std::size_t(7) * 5 * channels);
            codec::resizeToPlanar(hwc, w, h, channels, 7, 5, rule, chw.data());
        }
    }
    return 0;
}
