#include "monitoring/DashboardEngine.h"

#include "monitoring/DashboardMeasures.h"

#include "common/ErrorText.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/monitor/ReferenceProfile.h"

#include <cmath>
#include <stdexcept>

namespace flightdeck::ui {

namespace monitor = flightdeck::monitor;

struct DashboardEngine::Reference {
    monitor::ReferenceSample sample;
    std::optional<monitor::ConfidenceCalibration> calibration;
};

namespace {
struct Cancelled {};
}  // namespace

double driftWindowWidth(double span) {
    for (double width : {60.0, 300.0, 900.0, 1800.0, 3600.0, 4 * 3600.0, 86400.0})
        if (span / width < 60.0)
            return width;
    return std::ceil(span / 60.0 / 86400.0) * 86400.0;
}

DashboardEngine::DashboardEngine() = default;
DashboardEngine::~DashboardEngine() = default;

void DashboardEngine::setLog(const std::filesystem::path& log) {
    log_ = log;
    monitor::FollowOptions options;
    options.fromStart = true;
    follower_ = std::make_unique<monitor::LogFollower>(log, options);
    records_.clear();
    range_.reset();
}

bool DashboardEngine::setReference(const std::filesystem::path& path, const std::atomic<bool>* cancel) {
    reference_.reset();
    referenceError_.clear();
    referencePath_ = path.string();
    try {
        auto reference = std::make_unique<Reference>();
        monitor::ReferenceOptions options;
        options.read.mapping.requireTimestamp = false;
        reference->sample = monitor::loadReference(path, options, cancel);
        if (reference->sample.kind == monitor::ReferenceKind::Profile)
            if (const auto file = monitor::ReferenceProfile::locate(path))
                reference->calibration = monitor::ReferenceProfile::load(*file).calibration;
        reference_ = std::move(reference);
        return true;
    } catch (const std::exception& e) {
        referenceError_ = ErrorText::fromException(e).toStdString();   // shown as is
        return false;
    }
}

void DashboardEngine::clearReference() {
    reference_.reset();
    referenceError_.clear();
    referencePath_.clear();
}

void DashboardEngine::setGroundTruth(const std::filesystem::path& truth) {
    truth_.clear();
    if (truth.empty())
        return;
    monitor::ReadStats stats;
    monitor::readGroundTruth(truth, {}, [this](const std::string& id, const std::string& label) {
        truth_.emplace_back(id, label);
    }, stats);
}

void DashboardEngine::setRules(std::vector<monitor::AlertRule> rules) { rules_ = std::move(rules); }

void DashboardEngine::setRange(std::optional<std::pair<double, double>> range) { range_ = range; }

std::int64_t DashboardEngine::poll(const std::atomic<bool>* cancel) {
    if (!follower_)
        return 0;
    // The follower has no cancel flag of its own; leaving its callback by an exception drops
    // this engine's state, which the worker then rebuilds from the start.
    return follower_->poll([&](const monitor::PredictionRecord& r) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            throw Cancelled{};
        records_.add(r);
    });
}

std::string DashboardEngine::logMismatch() const {
    if (!reference_ || records_.featureCount() == 0)
        return {};
    const auto& expected = reference_->sample.features;
    // Drift leaves out records of another shape and counts them; only a log with no record
    // of the reference's shape is a mismatch (one odd first record is not).
    for (const auto& layout : records_.layouts())
        if (layout && monitor::featureMismatch(expected, *layout).empty())
            return {};
    for (std::size_t width : records_.arrayWidths())
        if (width == expected.size())
            return {};
    const auto& names = records_.featureNames();
    if (!names.empty())
        return monitor::featureMismatch(expected, names);
    if (records_.featureCount() == expected.size())
        return {};
    return "the log's features are an array of " + std::to_string(records_.featureCount())
           + " values, the reference has " + std::to_string(expected.size()) + " columns";
}

std::shared_ptr<const DashboardSnapshot> DashboardEngine::snapshot(std::uint64_t generation) const {
    auto s = std::make_shared<DashboardSnapshot>();
    s->generation = generation;
    if (follower_) {
        s->log = std::make_shared<LogAnalysis>(analyzeRecords(records_, follower_->stats()));
        s->rotations = follower_->rotations();
        s->truncations = follower_->truncations();
    }
    s->referenceError = referenceError_;
    s->ranged = range_.has_value();
    s->rangeStart = range_ ? range_->first : records_.firstTime();
    s->rangeEnd = range_ ? range_->second : records_.lastTime();
    const double from = range_ ? range_->first : -INFINITY;
    const double to = range_ ? range_->second : INFINITY;
    records_.forEach(from, to, [&](const monitor::PredictionRecord&) { ++s->rangeRows; });

    const monitor::ReferenceSample* reference = reference_ ? &reference_->sample : nullptr;
    if (reference) {
        s->hasReference = true;
        s->referenceSource = reference->source;
        s->referenceKind = monitor::referenceKindName(reference->kind);
        s->referenceRows = reference->rows;
        s->referenceFeatures = reference->features;
        s->mismatch = logMismatch();
    }
    const double width = driftWindowWidth(records_.lastTime() - records_.firstTime());
    const bool drift = reference && s->mismatch.empty() && records_.size() > 0;
    try {
        if (drift) {
            s->drift = driftSeries(records_, *reference, width);
            if (s->rangeRows > 0)
                s->rangeDrift = rangeDrift(records_, *reference, from, to);
            s->distributions = distributions(records_, *reference, from, to);
        }
    } catch (const std::exception& e) {
        // A later record with other feature names: DriftWindows names the columns.
        s->mismatch = ErrorText::fromException(e).toStdString();
        s->drift = {};
        s->rangeDrift.reset();
        s->distributions.clear();
    }
    if (s->rangeDrift)
        for (const monitor::ColumnDrift& c : s->rangeDrift->columns)
            if (!c.evaluated && !c.note.empty())
                s->notes.push_back(c.name + ": " + c.note);
    const auto* calibration = reference_ && reference_->calibration ? &*reference_->calibration : nullptr;
    s->accuracy = accuracySeries(records_, calibration, truth_, width);
    if (!rules_.empty())
        s->alerts = evaluateRules(records_, rules_, s->mismatch.empty() ? reference : nullptr,
                                  calibration, truth_);
    return s;
}

}  // namespace flightdeck::ui
