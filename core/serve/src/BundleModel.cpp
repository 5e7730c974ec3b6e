#include "flightdeck/serve/BundleModel.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/common/Json.h"
#include "flightdeck/export/BundleExporter.h"
#include "flightdeck/model/Model.h"
#include "flightdeck/store/ObjectStore.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include <nlohmann/json.hpp>

namespace flightdeck::serve {

namespace fs = std::filesystem;

struct BundleModel::Impl {
    explicit Impl(model::Model m) : model(std::move(m)) {}
    model::Model model;
};

BundleModel::BundleModel() = default;
BundleModel::BundleModel(BundleModel&&) noexcept = default;
BundleModel::~BundleModel() = default;

BundleModel BundleModel::load(const fs::path& dir)
{
    std::error_code ec;
    if (!fs::is_regular_file(dir / "manifest.json", ec))
        throw Error(ErrorInfo{ErrorCode::FileNotFound, (dir / "manifest.json").string(), 0, {},
                              "expected a Flightdeck bundle folder with a manifest.json"});
    const auto problems = exporting::verifyBundle(dir);
    if (!problems.empty())
        throw Error(ErrorInfo{ErrorCode::CorruptObject, dir.string(), 0, "manifest",
                              problems.front() + " (the bundle was changed after export; "
                                                 "refusing to serve it)"});
    const nlohmann::json manifest = readJsonFile(dir / "manifest.json");
    const nlohmann::json labels = readJsonFile(dir / "labels.json");
    const nlohmann::json pre = readJsonFile(dir / "preprocessing.json");
    BundleModel b;
    try {
        b.info_.name = manifest.at("model").at("name").get<std::string>();
        b.info_.version = manifest.at("model").at("version").get<int>();
        b.info_.features = pre.at("features").get<std::vector<std::string>>();
        b.info_.labelColumn = labels.value("label_column", std::string());
        b.info_.classes = labels.value("classes", std::vector<std::string>{});
        if (pre.contains("image")) {
            const auto& image = pre.at("image");
            b.info_.image.channels = image.at("channels").get<std::uint32_t>();
            b.info_.image.height = image.at("height").get<std::uint32_t>();
            b.info_.image.width = image.at("width").get<std::uint32_t>();
        }
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorInfo{ErrorCode::BadValue, dir.string(), 0, "bundle", e.what()});
    }
    b.info_.manifestSha256 = store::sha256OfFile(dir / "manifest.json");
    b.impl_ = std::make_unique<Impl>(model::Model::load(dir / "model.pt"));
    b.info_.inputs = b.impl_->model.inputs();
    if (!b.info_.image.empty() && std::int64_t(b.info_.image.values()) != b.info_.inputs)
        throw Error(ErrorInfo{ErrorCode::BadValue, (dir / "preprocessing.json").string(), 0, "image",
                              "an image shape with " + std::to_string(b.info_.inputs) + " values"});
    b.info_.regression = b.impl_->model.classes() == 1 && b.info_.classes.size() != 1;
    if (b.info_.regression)
        b.info_.classes.clear();
    else if (static_cast<std::int64_t>(b.info_.classes.size()) != b.impl_->model.classes())
        throw Error(ErrorInfo{ErrorCode::BadValue, (dir / "labels.json").string(), 0, "classes",
                              std::to_string(b.impl_->model.classes()) + " names (the model's "
                              "outputs), found " + std::to_string(b.info_.classes.size())});
    return b;
}

std::vector<Prediction> BundleModel::predict(const float* rows, std::size_t n) const
{
    const std::vector<float> out = impl_->model.logits(rows, n);
    std::vector<Prediction> result(n);
    if (info_.regression) {
        for (std::size_t i = 0; i < n; ++i) {
            result[i].value = out[i];
            result[i].finite = std::isfinite(out[i]);
            std::ostringstream text;
            text.precision(9);
            text << out[i];
            result[i].label = text.str();
        }
        return result;
    }
    const std::size_t k = info_.classes.size();
    for (std::size_t i = 0; i < n; ++i) {
        const float* l = out.data() + i * k;
        // argmax over NaN would pick class 0 with a NaN confidence: a confident-looking answer.
        if (!std::all_of(l, l + k, [](float v) { return std::isfinite(v); })) {
            result[i].finite = false;
            continue;
        }
        const auto top = static_cast<std::size_t>(std::max_element(l, l + k) - l);
        double sum = 0;
        for (std::size_t c = 0; c < k; ++c)
            sum += std::exp(static_cast<double>(l[c] - l[top]));
        result[i].classIndex = static_cast<int>(top);
        result[i].label = info_.classes[top];
        result[i].confidence = 1.0 / sum;
    }
    return result;
}

}  // namespace flightdeck::serve
