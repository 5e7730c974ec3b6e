#include "BundleProfile.h"

#include "flightdeck/data/MonitoredFeatures.h"
#include "flightdeck/model/Model.h"
#include "flightdeck/monitor/ReferenceProfile.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace flightdeck::exporting {

std::string referenceProfileJson(const model::Model& model, const data::Table& table,
                                 const data::Split& split, bool regression, bool images,
                                 const std::string& source)
{
    std::vector<std::uint32_t> rows = split.train;
    if (rows.empty())
        for (std::uint32_t r = 0; r < table.rows(); ++r)
            rows.push_back(r);
    const std::size_t cols = table.cols();

    // The same numbers the server logs: feature values, or an image's brightness and contrast.
    const data::MonitoredFeatures monitored = data::monitoredFeatures(table, rows, images);

    monitor::ProfileLabels labels;
    if (regression) {
        std::vector<double> targets;
        for (auto r : rows)
            targets.push_back(std::strtod(table.classes.at(std::size_t(table.labels[r])).c_str(), nullptr));
        labels = monitor::ProfileLabels::regression(table.labelName, std::move(targets));
    } else {
        std::vector<std::int32_t> index;
        for (auto r : rows)
            index.push_back(table.labels[r]);
        labels = monitor::ProfileLabels::classification(table.labelName, table.classes, std::move(index));
    }
    auto profile = monitor::ReferenceProfile::fromRowMajor(monitored.names, monitored.values, labels);
    profile.source = source;

    // Calibrate confidences on held-out rows the model did not train on.
    const std::vector<std::uint32_t>& held = !split.val.empty() ? split.val : split.test;
    if (!regression && !held.empty()) {
        std::vector<float> x;
        x.reserve(held.size() * cols);
        for (auto r : held)
            x.insert(x.end(), table.row(r), table.row(r) + cols);
        const auto logits = model.logits(x.data(), held.size());
        const auto k = std::size_t(model.classes());
        std::vector<double> confidence;
        std::vector<std::uint8_t> correct;
        for (std::size_t i = 0; i < held.size(); ++i) {
            const float* z = logits.data() + i * k;
            const auto top = std::size_t(std::max_element(z, z + k) - z);
            double total = 0;
            for (std::size_t c = 0; c < k; ++c)
                total += std::exp(double(z[c]) - z[top]);
            confidence.push_back(1.0 / total);
            correct.push_back(std::int32_t(top) == table.labels[held[i]] ? 1 : 0);
        }
        profile.calibration = monitor::ConfidenceCalibration::fit(confidence, correct);
    }
    return profile.toJson();
}

}  // namespace flightdeck::exporting
