#pragma once
// One image as a model's input row, the way training saw it: C*H*W values in CHW order,
// pixel / 255 (flattenImages' scaling). For serving and anything else that feeds a bundle an
// image from outside the project.
#include <cstdint>
#include <string>
#include <vector>

namespace flightdeck::data {

struct ImageShape {
    std::uint32_t channels = 0, height = 0, width = 0;
    bool empty() const { return channels == 0; }
    std::size_t values() const { return std::size_t(channels) * height * width; }
};

// Encoded PNG / JPEG / BMP bytes. The image must have the model's height and width (a model
// was trained at one size; a silent resize would change what it sees); colour is converted to
// the model's channels. Error(BadValue) saying what was found and what was expected.
std::vector<float> encodedImageToInput(const std::string& bytes, const ImageShape& shape);

// An input row's brightness and contrast: the mean and the (population) standard deviation of
// its values. What the server logs for an image request and what a bundle's reference profile
// holds for an image model, so drift compares like with like.
struct ImageLook {
    double brightness = 0, contrast = 0;
};
ImageLook brightnessContrast(const float* values, std::size_t n);

// 8-bit pixel values 0..255 given as CHW (or HW for one channel), already flattened.
std::vector<float> pixelsToInput(const std::vector<double>& pixels, const ImageShape& shape);

}  // namespace flightdeck::data
