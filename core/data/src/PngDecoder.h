#pragma once
// Internal to core/data: a fast decoder for the PNGs datasets are made of (8-bit gray,
// gray+alpha, RGB or RGBA, not interlaced), with libdeflate's inflate and SSE2 unfiltering.
// stb_image spends 68 % of an image folder import in its own inflate and unfiltering; this
// path decodes the same files about 3x faster (bench/README.md).
//
// It accepts only a subset of what stb_image accepts and gives stb's pixels for it: anything
// else (palette, 1/2/4/16-bit, Adam7, tRNS, PLTE, Apple's CgBI, an unknown critical chunk,
// any damage or size mismatch) returns false, and the caller hands the bytes to stb, whose
// verdict and message stand. So bad-input handling is stb's, byte for byte.
#include <cstdint>
#include <string>
#include <vector>

namespace flightdeck::data::codec {

// Decodes to `channels` (1 or 3) interleaved 8-bit pixels, converted as stb_image converts
// (gray replicated, alpha dropped, RGB to gray as (77 R + 150 G + 29 B) >> 8). False when the
// file is not one this path takes (see above); `pixels`, `width` and `height` are then unset.
bool decodePngFast(const std::string& bytes, int channels, std::vector<std::uint8_t>* pixels,
                   int* width, int* height);

}  // namespace flightdeck::data::codec
