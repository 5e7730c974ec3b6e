#pragma once
// The training data summarized for drift checks (`reference_profile.json`): per feature its
// count, non-finite count, quantiles, histogram, mean and std, plus a seeded uniform sample of
// whole rows; the label's class shares (classification) or the target's quantiles (regression).
// KS and Wasserstein need raw values, so drift runs on the row sample: while the data has at
// most sampleRows rows the sample is the whole data in row order, and drift against the profile
// equals drift against the data itself, bit for bit. Rows are sampled together (one index set
// for every column and the label), so the sample keeps the joint distribution the log
// simulator draws from. Plain vectors in, so the bundle exporter needs nothing from here but
// this header.
#include "flightdeck/monitor/PerformanceEstimate.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace flightdeck::monitor {

constexpr const char* kReferenceProfileFormat = "flightdeck.reference_profile";
constexpr int kReferenceProfileVersion = 1;
constexpr const char* kReferenceProfileFile = "reference_profile.json";

struct ProfileQuantile {
    double q = 0;      // in [0, 1]
    double value = 0;  // numpy.quantile(finite values, q), linear
};

struct FeatureProfile {
    std::string name;
    std::int64_t count = 0;       // rows, non-finite ones included
    std::int64_t nonFinite = 0;
    std::vector<ProfileQuantile> quantiles;   // empty when no value is finite
    std::vector<double> histogramEdges;       // numpy 'sturges' edges of the finite values
    std::vector<std::int64_t> histogramCounts;
    double mean = 0, std = 0;                 // of the finite values; std with ddof = 0
    std::vector<double> sample;               // the sampled rows' raw values (NaN/Inf kept)
};

enum class ProfileTask { None, Classification, Regression };
const char* profileTaskName(ProfileTask task);   // "none", "classification", "regression"

struct LabelProfile {
    std::string name;
    // Classification: class names, each class's row count, and the sampled rows' classes.
    std::vector<std::string> classes;
    std::vector<std::int64_t> classCounts;
    std::vector<std::string> sampleClasses;
    // Regression: the target summarized like a feature (its `sample` the sampled rows' targets).
    FeatureProfile target;
};

// The label side of fromColumns, plain vectors only.
struct ProfileLabels {
    ProfileTask task = ProfileTask::None;
    std::string name;
    std::vector<std::string> classes;      // classification: index -> name
    std::vector<std::int32_t> classIndex;  // classification: one per row, into `classes`
    std::vector<double> targets;           // regression: one per row

    static ProfileLabels none() { return {}; }
    static ProfileLabels classification(std::string name, std::vector<std::string> classes,
                                        std::vector<std::int32_t> classIndex);
    static ProfileLabels regression(std::string name, std::vector<double> targets);
};

struct ProfileOptions {
    std::size_t sampleRows = 5000;       // rows kept as raw values; 0 = every row
    std::uint64_t seed = 0x5EEDF00DULL;  // the row sample's seed
    // Quantiles reported (fractions); at least the 0, 1, 5, 10, 25, 50, 75, 90, 95, 99, 100 %.
    std::vector<double> quantiles{0, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 1};
};

struct ReferenceProfile {
    std::int64_t rows = 0;
    std::int64_t sampleRows = 0;   // rows in each sample
    bool sampled = false;          // false: the sample is the whole data
    std::uint64_t seed = 0;
    ProfileTask task = ProfileTask::None;
    std::vector<FeatureProfile> features;
    LabelProfile label;            // empty unless task != None
    std::string source;            // free text: where the data came from
    // Optional: confidence calibration for the label-free performance estimate.
    std::optional<ConfidenceCalibration> calibration;

    // columns[i] holds feature names[i] for every row; all the same length, and as long as the
    // labels. Error(InvalidArgument) naming the column otherwise.
    static ReferenceProfile fromColumns(const std::vector<std::string>& names,
                                        const std::vector<std::vector<double>>& columns,
                                        const ProfileLabels& labels = {},
                                        const ProfileOptions& options = {});
    // The same from row-major float32 values (data::Table's layout), without a transposed copy.
    static ReferenceProfile fromRowMajor(const std::vector<std::string>& names,
                                         const std::vector<float>& values,
                                         const ProfileLabels& labels = {},
                                         const ProfileOptions& options = {});

    std::vector<std::string> featureNames() const;

    std::string toJson() const;
    // Error(BadValue) naming the file and the field ("features[2].sample[7]") that is wrong.
    static ReferenceProfile fromJson(std::string_view text, const std::string& where = {});
    void save(const std::filesystem::path& file) const;   // atomically
    static ReferenceProfile load(const std::filesystem::path& file);
    // `path` itself, or `path`/reference_profile.json when path is a folder (a bundle).
    static std::optional<std::filesystem::path> locate(const std::filesystem::path& path);
};

}  // namespace flightdeck::monitor
