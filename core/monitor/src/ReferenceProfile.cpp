#include "flightdeck/monitor/ReferenceProfile.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/common/Json.h"
#include "flightdeck/monitor/DriftStatistics.h"
#include "ProfileJson.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace flightdeck::monitor {

namespace {

using nlohmann::json;

[[noreturn]] void badArgument(const std::string& field, const std::string& detail)
{
    throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, field, detail});
}

// Knuth's selection sampling (Algorithm S): n of N indices, uniformly, already ascending, from
// one seeded stream, so a profile is reproducible.
std::vector<std::size_t> sampleRows(std::size_t total, std::size_t wanted, std::uint64_t seed)
{
    std::vector<std::size_t> rows;
    if (wanted == 0 || wanted >= total) {
        rows.resize(total);
        for (std::size_t i = 0; i < total; ++i)
            rows[i] = i;
        return rows;
    }
    rows.reserve(wanted);
    std::mt19937_64 rng(seed);
    for (std::size_t i = 0; i < total && rows.size() < wanted; ++i) {
        const double u = static_cast<double>(rng() >> 11) * 0x1.0p-53;
        if (static_cast<double>(total - i) * u < static_cast<double>(wanted - rows.size()))
            rows.push_back(i);
    }
    return rows;
}

// Everything but the sample, from one column read through `at(row)`.
template <typename At>
FeatureProfile summarize(const std::string& name, std::size_t rows, At at,
                         const std::vector<std::size_t>& picked, const ProfileOptions& o)
{
    FeatureProfile f;
    f.name = name;
    f.count = static_cast<std::int64_t>(rows);
    std::vector<double> finite;
    finite.reserve(rows);
    for (std::size_t r = 0; r < rows; ++r) {
        const double v = at(r);
        std::isfinite(v) ? finite.push_back(v) : void(++f.nonFinite);
    }
    f.sample.reserve(picked.size());
    for (std::size_t r : picked)
        f.sample.push_back(at(r));
    if (finite.empty())
        return f;
    long double sum = 0;
    for (double v : finite)
        sum += v;
    const long double mean = sum / static_cast<long double>(finite.size());
    long double ss = 0;
    for (double v : finite)
        ss += (v - mean) * (v - mean);
    f.mean = static_cast<double>(mean);
    f.std = static_cast<double>(std::sqrt(ss / static_cast<long double>(finite.size())));
    std::sort(finite.begin(), finite.end());
    for (double q : o.quantiles)
        f.quantiles.push_back({q, stats::quantileLinear(finite, q)});
    f.histogramEdges = stats::histogramBinEdgesSturges(finite);
    for (double c : stats::histogramCounts(finite, f.histogramEdges))
        f.histogramCounts.push_back(static_cast<std::int64_t>(c));
    return f;
}

void checkOptions(const ProfileOptions& o)
{
    for (std::size_t i = 0; i < o.quantiles.size(); ++i)
        if (!(o.quantiles[i] >= 0 && o.quantiles[i] <= 1))
            badArgument("quantiles[" + std::to_string(i) + "]", "expected a fraction in [0, 1]");
}

template <typename At>
ReferenceProfile build(const std::vector<std::string>& names, std::size_t rows, At at,
                       const ProfileLabels& labels, const ProfileOptions& o)
{
    checkOptions(o);
    ReferenceProfile p;
    p.rows = static_cast<std::int64_t>(rows);
    p.seed = o.seed;
    p.task = labels.task;
    const std::vector<std::size_t> picked = sampleRows(rows, o.sampleRows, o.seed);
    p.sampleRows = static_cast<std::int64_t>(picked.size());
    p.sampled = picked.size() < rows;
    for (std::size_t c = 0; c < names.size(); ++c)
        p.features.push_back(
            summarize(names[c], rows, [&](std::size_t r) { return at(r, c); }, picked, o));
    p.label.name = labels.name;
    if (labels.task == ProfileTask::Classification) {
        if (labels.classIndex.size() != rows)
            badArgument(labels.name, "expected one class per row (" + std::to_string(rows)
                                         + "), got " + std::to_string(labels.classIndex.size()));
        p.label.classes = labels.classes;
        p.label.classCounts.assign(labels.classes.size(), 0);
        for (std::size_t r = 0; r < rows; ++r) {
            const std::int32_t k = labels.classIndex[r];
            if (k < 0 || static_cast<std::size_t>(k) >= labels.classes.size())
                badArgument(labels.name, "row " + std::to_string(r) + ": class index "
                                             + std::to_string(k) + " is not below "
                                             + std::to_string(labels.classes.size()));
            ++p.label.classCounts[static_cast<std::size_t>(k)];
        }
        for (std::size_t r : picked)
            p.label.sampleClasses.push_back(labels.classes[static_cast<std::size_t>(
                labels.classIndex[r])]);
    } else if (labels.task == ProfileTask::Regression) {
        if (labels.targets.size() != rows)
            badArgument(labels.name, "expected one target per row (" + std::to_string(rows)
                                         + "), got " + std::to_string(labels.targets.size()));
        p.label.target = summarize(labels.name, rows,
                                   [&](std::size_t r) { return labels.targets[r]; }, picked, o);
    }
    return p;
}

}  // namespace

const char* profileTaskName(ProfileTask task)
{
    switch (task) {
    case ProfileTask::None: return "none";
    case ProfileTask::Classification: return "classification";
    case ProfileTask::Regression: return "regression";
    }
    return "?";
}

ProfileLabels ProfileLabels::classification(std::string name, std::vector<std::string> classes,
                                            std::vector<std::int32_t> classIndex)
{
    ProfileLabels l;
    l.task = ProfileTask::Classification;
    l.name = std::move(name);
    l.classes = std::move(classes);
    l.classIndex = std::move(classIndex);
    return l;
}

ProfileLabels ProfileLabels::regression(std::string name, std::vector<double> targets)
{
    ProfileLabels l;
    l.task = ProfileTask::Regression;
    l.name = std::move(name);
    l.targets = std::move(targets);
    return l;
}

ReferenceProfile ReferenceProfile::fromColumns(const std::vector<std::string>& names,
                                               const std::vector<std::vector<double>>& columns,
                                               const ProfileLabels& labels,
                                               const ProfileOptions& options)
{
    if (names.size() != columns.size())
        badArgument("columns", std::to_string(names.size()) + " names for "
                                   + std::to_string(columns.size()) + " columns");
    const std::size_t rows = columns.empty()
                                 ? (labels.task == ProfileTask::Regression ? labels.targets.size()
                                                                           : labels.classIndex.size())
                                 : columns[0].size();
    for (std::size_t c = 0; c < columns.size(); ++c)
        if (columns[c].size() != rows)
            badArgument(names[c], "expected " + std::to_string(rows) + " values (as "
                                      + names[0] + "), got " + std::to_string(columns[c].size()));
    return build(names, rows, [&](std::size_t r, std::size_t c) { return columns[c][r]; },
                 labels, options);
}

ReferenceProfile ReferenceProfile::fromRowMajor(const std::vector<std::string>& names,
                                                const std::vector<float>& values,
                                                const ProfileLabels& labels,
                                                const ProfileOptions& options)
{
    const std::size_t cols = names.size();
    if (cols == 0 || values.size() % cols != 0)
        badArgument("values", std::to_string(values.size()) + " values are not whole rows of "
                                  + std::to_string(cols) + " columns");
    const std::size_t rows = values.size() / cols;
    return build(names, rows,
                 [&](std::size_t r, std::size_t c) { return double(values[r * cols + c]); },
                 labels, options);
}

std::vector<std::string> ReferenceProfile::featureNames() const
{
    std::vector<std::string> names;
    for (const FeatureProfile& f : features)
        names.push_back(f.name);
    return names;
}

std::string ReferenceProfile::toJson() const
{
    json features = json::array();
    for (const FeatureProfile& f : this->features)
        features.push_back(detail::featureToJson(f));
    json out{{"format", kReferenceProfileFormat},
             {"version", kReferenceProfileVersion},
             {"rows", rows},
             {"sample", {{"rows", sampleRows}, {"whole_data", !sampled}, {"seed", seed}}},
             {"task", profileTaskName(task)},
             {"features", std::move(features)}};
    if (!source.empty())
        out["source"] = source;
    if (task == ProfileTask::Classification) {
        json classes = json::array();
        for (std::size_t k = 0; k < label.classes.size(); ++k)
            classes.push_back({{"name", label.classes[k]},
                               {"count", label.classCounts[k]},
                               {"share", rows > 0 ? double(label.classCounts[k]) / double(rows)
                                                  : 0.0}});
        out["label"] = {{"name", label.name}, {"classes", std::move(classes)},
                        {"sample", label.sampleClasses}};
    } else if (task == ProfileTask::Regression) {
        out["target"] = detail::featureToJson(label.target);
    }
    if (calibration)
        out["calibration"] = json::parse(calibration->toJson());
    return out.dump();
}

ReferenceProfile detail::profileFromJson(const nlohmann::json& document, const std::string& where)
{
    detail::JsonReader in(document, where);
    const json& root = in.root();
    if (!root.is_object() || in.text(root, "format") != kReferenceProfileFormat)
        in.fail("format", std::string("expected \"") + kReferenceProfileFormat + "\"");
    if (in.integer(root, "version") != kReferenceProfileVersion)
        in.fail("version", "expected " + std::to_string(kReferenceProfileVersion)
                               + " (this build reads no other)");
    ReferenceProfile p;
    p.rows = in.integer(root, "rows");
    const json& sample = in.object(root, "sample", "sample");
    p.sampleRows = in.integer(sample, "rows", "sample.rows");
    p.sampled = !in.boolean(sample, "whole_data", "sample.whole_data");
    p.seed = in.unsignedInteger(sample, "seed", "sample.seed");
    const std::string task = in.text(root, "task");
    if (task == "none")
        p.task = ProfileTask::None;
    else if (task == "classification")
        p.task = ProfileTask::Classification;
    else if (task == "regression")
        p.task = ProfileTask::Regression;
    else
        in.fail("task", "expected none, classification or regression, got \"" + task + "\"");
    if (root.contains("source"))
        p.source = in.text(root, "source");
    const json& features = in.array(root, "features", "features");
    for (std::size_t i = 0; i < features.size(); ++i) {
        p.features.push_back(
            detail::featureFromJson(in, features[i], "features[" + std::to_string(i) + "]"));
        if (p.features.back().sample.size() != static_cast<std::size_t>(p.sampleRows))
            in.fail("features[" + std::to_string(i) + "].sample",
                    "expected sample.rows = " + std::to_string(p.sampleRows) + " values");
    }
    if (p.task == ProfileTask::Classification) {
        const json& label = in.object(root, "label", "label");
        p.label.name = in.text(label, "name", "label.name");
        const json& classes = in.array(label, "classes", "label.classes");
        for (std::size_t k = 0; k < classes.size(); ++k) {
            const std::string at = "label.classes[" + std::to_string(k) + "]";
            p.label.classes.push_back(in.text(classes[k], "name", at + ".name"));
            p.label.classCounts.push_back(in.integer(classes[k], "count", at + ".count"));
        }
        const json& s = in.array(label, "sample", "label.sample");
        for (std::size_t r = 0; r < s.size(); ++r) {
            if (!s[r].is_string())
                in.fail("label.sample[" + std::to_string(r) + "]", "expected a class name");
            p.label.sampleClasses.push_back(s[r].get<std::string>());
        }
        if (p.label.sampleClasses.size() != static_cast<std::size_t>(p.sampleRows))
            in.fail("label.sample", "expected sample.rows = " + std::to_string(p.sampleRows)
                                        + " classes");
    } else if (p.task == ProfileTask::Regression) {
        p.label.target = detail::featureFromJson(in, in.object(root, "target", "target"), "target");
        p.label.name = p.label.target.name;
    }
    if (root.contains("calibration"))
        p.calibration = ConfidenceCalibration::fromJson(root["calibration"].dump(),
                                                        where.empty() ? "calibration" : where);
    return p;
}

ReferenceProfile ReferenceProfile::fromJson(std::string_view text, const std::string& where)
{
    return detail::profileFromJson(parseJson(std::string(text), where), where);
}

void ReferenceProfile::save(const std::filesystem::path& file) const
{
    writeFileAtomically(file, toJson() + "\n");
}

ReferenceProfile ReferenceProfile::load(const std::filesystem::path& file)
{
    return detail::profileFromJson(readJsonFile(file), file.string());
}

std::optional<std::filesystem::path> ReferenceProfile::locate(const std::filesystem::path& path)
{
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        const auto inside = path / kReferenceProfileFile;
        if (std::filesystem::is_regular_file(inside, ec))
            return inside;
        return std::nullopt;
    }
    if (path.extension() == ".json")
        return path;
    return std::nullopt;
}

}  // namespace flightdeck::monitor
