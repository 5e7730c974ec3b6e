#pragma once
// Classification metrics on plain arrays (torch-free). Conventions follow scikit-learn:
// precision/recall/F1 of a class with no predicted (resp. true) samples is 0 (zero_division=0).
#include <cstdint>
#include <string>
#include <vector>

namespace flightdeck::eval {

struct ClassificationReport {
    int numClasses = 0;
    std::int64_t samples = 0;
    double accuracy = 0;
    // confusion[t][p]: rows are true classes, columns predicted (sklearn's layout).
    std::vector<std::vector<std::int64_t>> confusion;
    std::vector<double> precision, recall, f1;
    std::vector<std::int64_t> support;
    double macroPrecision = 0, macroRecall = 0, macroF1 = 0;
    double weightedF1 = 0;
};

// truth and pred must have equal length; values outside [0, numClasses) throw
// Error(InvalidArgument). Empty input gives samples = 0 and accuracy 0.
ClassificationReport classificationReport(const std::vector<std::int32_t>& truth,
                                          const std::vector<std::int32_t>& pred, int numClasses);

// JSON with class names: {"accuracy":..,"samples":..,"classes":[..],"confusion":[[..]],
// "per_class":[{"class":..,"precision":..,"recall":..,"f1":..,"support":..}],"macro":{..},
// "weighted_f1":..}
std::string toJson(const ClassificationReport& report, const std::vector<std::string>& classNames);
ClassificationReport reportFromJson(const std::string& json, std::vector<std::string>* classNames);

}  // namespace flightdeck::eval
