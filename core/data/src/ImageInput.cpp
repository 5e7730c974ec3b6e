#include "flightdeck/data/ImageInput.h"

#include "ImageCodec.h"
#include "flightdeck/common/Error.h"

#include <cmath>

namespace flightdeck::data {

namespace {

[[noreturn]] void refuse(const std::string& field, const std::string& detail)
{
    throw Error(ErrorInfo{ErrorCode::BadValue, {}, 0, field, detail});
}

std::string size(std::uint32_t w, std::uint32_t h) { return std::to_string(w) + "x" + std::to_string(h); }

}  // namespace

std::vector<float> encodedImageToInput(const std::string& bytes, const ImageShape& shape)
{
    codec::Header header;
    std::string why;
    if (!codec::peek(bytes, &header, &why))
        refuse("image", "not a PNG, JPEG or BMP image (" + why + ")");
    if (std::uint32_t(header.width) != shape.width || std::uint32_t(header.height) != shape.height)
        refuse("image", "the image is " + size(std::uint32_t(header.width), std::uint32_t(header.height))
                            + " pixels; the model takes " + size(shape.width, shape.height));
    std::vector<std::uint8_t> hwc;
    int w = 0, h = 0;
    if (!codec::decode(bytes, int(shape.channels), &hwc, &w, &h, &why))
        refuse("image", "the image does not decode (" + why + ")");
    std::vector<float> out(shape.values());
    const std::size_t plane = std::size_t(shape.height) * shape.width;
    for (std::size_t p = 0; p < plane; ++p)
        for (std::size_t c = 0; c < shape.channels; ++c)
            out[c * plane + p] = static_cast<float>(hwc[p * shape.channels + c]) / 255.0f;
    return out;
}

ImageLook brightnessContrast(const float* values, std::size_t n)
{
    ImageLook look;
    if (n == 0)
        return look;
    double sum = 0, squares = 0;
    for (std::size_t i = 0; i < n; ++i)
        sum += values[i];
    look.brightness = sum / double(n);
    for (std::size_t i = 0; i < n; ++i)
        squares += (values[i] - look.brightness) * (values[i] - look.brightness);
    look.contrast = std::sqrt(squares / double(n));
    return look;
}

std::vector<float> pixelsToInput(const std::vector<double>& pixels, const ImageShape& shape)
{
    if (pixels.size() != shape.values())
        refuse("pixels", std::to_string(pixels.size()) + " values; the model takes "
                             + std::to_string(shape.channels) + "x" + std::to_string(shape.height)
                             + "x" + std::to_string(shape.width) + " = "
                             + std::to_string(shape.values()));
    std::vector<float> out(pixels.size());
    for (std::size_t i = 0; i < pixels.size(); ++i) {
        if (!(pixels[i] >= 0 && pixels[i] <= 255))
            refuse("pixels", "value " + std::to_string(i) + " is not a pixel value in 0..255");
        out[i] = static_cast<float>(pixels[i]) / 255.0f;
    }
    return out;
}

}  // namespace flightdeck::data
