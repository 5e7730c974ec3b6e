#pragma once
// A deployable bundle loaded for serving: manifest checked first (a tampered or missing file is
// refused by name), then labels, preprocessing and the TorchScript model. Predictions are safe
// from several threads at once (a loaded model is in eval mode and only read).
#include "flightdeck/data/ImageInput.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace flightdeck::serve {

struct BundleInfo {
    std::string name;                   // the registry's model name
    int version = 0;
    std::vector<std::string> features;  // input order
    std::vector<std::string> classes;   // empty for a regression model
    std::string labelColumn;
    std::int64_t inputs = 0;
    bool regression = false;
    data::ImageShape image;             // set for a model trained on images (preprocessing.json)
    std::string manifestSha256;
};

struct Prediction {
    std::string label;                  // the class, or the value as text for regression
    int classIndex = -1;
    double value = 0;                   // regression output
    double confidence = 0;              // top softmax probability (classification)
    // false: a logit or the value is NaN or infinite (inputs that pass as finite float32 can still
    // overflow inside the model); the rest of the prediction then means nothing.
    bool finite = true;
};

class BundleModel {
public:
    // Error(CorruptObject) naming the first file that fails the manifest; FileNotFound /
    // BadValue for a folder that is not a bundle.
    static BundleModel load(const std::filesystem::path& bundleDir);
    BundleModel(BundleModel&&) noexcept;
    ~BundleModel();

    const BundleInfo& info() const { return info_; }
    // count x info().inputs raw feature values (row-major). Each row's prediction depends on
    // that row alone (eval mode), which is what lets MicroBatcher join requests.
    std::vector<Prediction> predict(const float* rows, std::size_t count) const;

private:
    BundleModel();
    struct Impl;
    std::unique_ptr<Impl> impl_;
    BundleInfo info_;
};

}  // namespace flightdeck::serve
