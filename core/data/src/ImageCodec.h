#pragma once
// Internal to core/data: decoding one encoded image (stb_image) and bringing it to a target
// shape (stb_image_resize). Kept apart so the folder importer and the fuzzer share it.
#include "flightdeck/data/ImageFolderImporter.h"

#include <cstdint>
#include <string>
#include <vector>

namespace flightdeck::data::codec {

struct Header {
    int width = 0, height = 0, channels = 0;   // channels as stored (1 gray, 2 gray+alpha, 3, 4)
};

// Reads only the header; false with `why` when the bytes are not a PNG/JPEG/BMP we can decode.
bool peek(const std::string& bytes, Header* header, std::string* why);

// Decodes to `channels` (1 or 3) interleaved 8-bit pixels; false with `why` on corrupt data.
bool decode(const std::string& bytes, int channels, std::vector<std::uint8_t>* pixels,
            int* width, int* height, std::string* why);

// Interleaved HWC in, planar CHW out at width x height by the rule; channels is 1 or 3.
void resizeToPlanar(const std::vector<std::uint8_t>& hwc, int width, int height, int channels,
                    std::uint32_t outWidth, std::uint32_t outHeight, ResizeRule rule,
                    std::uint8_t* chwOut);

}  // namespace flightdeck::data::codec
