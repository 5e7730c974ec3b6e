// `flightdeck-cli monitor summary|drift|profile|estimate`; check and simulate are in
// MonitorActions.cpp. Each prints the engine's JSON on stdout.
#include "MonitorCommands.h"
#include "ProjectReference.h"
#include "Validators.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/monitor/MonitorReport.h"
#include "flightdeck/monitor/ReferenceProfile.h"

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

namespace flightdeck::cli {

namespace {

struct MonitorArgs {
    std::string log, groundTruth, calibration, calibrationTruth, calibrationMethod;  // "": isotonic, or the profile's own
    std::string out;
    ReferenceArgs reference;
    double window = 60;
    double driftWindow = 0;
    double level = 0.95;
    std::size_t maxValues = 200000;
    std::size_t sampleRows = 5000;
    std::size_t maxLineBytes = monitor::kDefaultMaxLineBytes;
    monitor::DriftOptions drift;
};

void addCalibrationOptions(CLI::App* cmd, MonitorArgs& args)
{
    cmd->add_option("--calibration", args.calibration,
                    "A reference_profile.json or bundle with a calibration, or a log of "
                    "reference predictions with confidences (with --calibration-truth)");
    cmd->add_option("--calibration-truth", args.calibrationTruth,
                    "Labels of the calibration log, joined by request id");
    cmd->add_option("--calibration-method", args.calibrationMethod,
                    "isotonic (default) or histogram, for a calibration log; a profile or "
                    "bundle keeps the method it was fitted with")
        ->check(CLI::IsMember({"isotonic", "histogram"}));
    cmd->add_option("--level", args.level, "Confidence level of the estimate's interval")
        ->check(numberIn(0, 1, false, false));
}

void addSummary(CLI::App* monitorCmd, const std::shared_ptr<MonitorArgs>& args)
{
    auto* summary = monitorCmd->add_subcommand(
        "summary", "A JSONL/CSV log (file or folder of rotated files) -> JSON per window");
    summary->add_option("log", args->log)->required();
    summary->add_option("--window", args->window, "Window width in seconds (60 .. 86400)")
        ->check(numberIn(60, 86400));
    summary->add_option("--ground-truth", args->groundTruth,
                        "Labels joined by request id, for accuracy over time");
    // The reader holds one line of at most this many bytes: 1 KiB .. 1 GiB (above, a typo
    // asked for a terabyte buffer and ended in std::bad_alloc).
    summary->add_option("--max-line-bytes", args->maxLineBytes,
                        "Longest line read, in bytes (1024 .. 1073741824; longer lines are skipped and counted)")
        ->check(numberIn(1024, 1073741824));
    addCalibrationOptions(summary, *args);
    summary->callback([args]() {
        monitor::SummaryOptions options;
        options.windows.widthSeconds = args->window;
        options.read.maxLineBytes = args->maxLineBytes;
        options.groundTruth = args->groundTruth;
        if (!args->calibration.empty())
            options.calibration = loadCalibration(args->calibration, args->calibrationTruth,
                                                  args->calibrationMethod);
        options.estimateLevel = args->level;
        std::cout << monitor::monitorSummaryJson(args->log, options) << "\n";
    });
}

void addDrift(CLI::App* monitorCmd, const std::shared_ptr<MonitorArgs>& args)
{
    auto* drift = monitorCmd->add_subcommand(
        "drift", "A log against a reference -> JSON per window and per feature");
    drift->add_option("log", args->log)->required();
    addReferenceOptions(drift, args->reference);
    drift->add_option("--window", args->driftWindow,
                      "Window width in seconds (0 = whole log, else 60 .. 86400)")
        ->check(CLI::IsMember({"0"}) | numberIn(60, 86400));
    drift->add_option("--max-values", args->maxValues,
                      "Values kept per column (a uniform sample past it; 0 = all)");
    drift->add_option("--p-value", args->drift.pValueThreshold,
                      "KS / chi-squared threshold, in (0, 1)")
        ->check(numberIn(0, 1, false, false));
    drift->add_option("--wasserstein", args->drift.wassersteinThreshold)
        ->check(numberIn(0, 1e300, false));
    drift->add_option("--jensen-shannon", args->drift.jensenShannonThreshold)
        ->check(numberIn(0, 1, false));
    drift->add_option("--small-reference", args->drift.smallReferenceRows,
                      "Rows up to which KS / chi-squared are chosen");
    drift->add_option("--min-reference-rows", args->drift.minReferenceRows,
                      "Fewer finite reference values: the column is not tested (said so)");
    drift->add_option("--psi-bins", args->drift.psiBins)->check(CLI::Range(2, 1000));
    drift->add_option("--psi-epsilon", args->drift.psiEpsilon)->check(numberIn(0, 1, false, false));
    drift->add_option("--dataset-share", args->drift.datasetDriftShare,
                      "Share of drifting columns that makes the dataset drift, in (0, 1]")
        ->check(numberIn(0, 1, false));
    drift->callback([args]() {
        monitor::DriftJsonOptions options;
        options.windowSeconds = args->driftWindow;
        options.maxValuesPerColumn = args->maxValues;
        options.drift = args->drift;
        monitor::ReferenceOptions ro;
        ro.maxValuesPerColumn = args->maxValues;
        const monitor::ReferenceSample ref = loadCliReference(args->reference, ro);
        std::cout << monitor::monitorDriftJson(args->log, ref, options) << "\n";
    });
}

// A project's rows go straight into a profile; any other reference is read whole (so features
// and labels stay row-aligned) and summarized.
monitor::ReferenceProfile profileFromArgs(const ReferenceArgs& r, std::size_t sampleRows)
{
    if (auto p = projectProfile(r, sampleRows))
        return std::move(*p);
    monitor::ReferenceOptions ro;
    ro.maxValuesPerColumn = 0;
    const monitor::ReferenceSample ref = loadCliReference(r, ro);
    std::vector<std::vector<double>> columns;
    std::vector<std::string> names;
    monitor::ProfileLabels labels;
    const std::string labelName = ref.labelColumn.empty() ? "prediction" : ref.labelColumn;
    for (const monitor::DriftColumn& c : ref.columns) {
        if (c.name != "prediction") {
            names.push_back(c.name);
            columns.push_back(c.numbers);
        } else if (c.categorical) {
            std::vector<std::string> classes;
            std::vector<std::int32_t> index;
            for (const std::string& label : c.labels) {
                auto it = std::find(classes.begin(), classes.end(), label);
                if (it == classes.end())
                    it = classes.insert(classes.end(), label);
                index.push_back(static_cast<std::int32_t>(it - classes.begin()));
            }
            labels = monitor::ProfileLabels::classification(labelName, classes, index);
        } else {
            labels = monitor::ProfileLabels::regression(labelName, c.numbers);
        }
    }
    monitor::ProfileOptions po;
    po.sampleRows = sampleRows;
    monitor::ReferenceProfile p = monitor::ReferenceProfile::fromColumns(names, columns, labels, po);
    p.source = ref.source;
    return p;
}

void addProfile(CLI::App* monitorCmd, const std::shared_ptr<MonitorArgs>& args)
{
    auto* profile = monitorCmd->add_subcommand(
        "profile", "Write a reference_profile.json from a dataset CSV, a log or a project's "
                   "dataset version (its train split)");
    addReferenceOptions(profile, args->reference);
    profile->add_option("--out", args->out, "The profile file to write")->required();
    profile->add_option("--sample-rows", args->sampleRows,
                        "Rows kept as raw values for KS / Wasserstein (0 = all)");
    addCalibrationOptions(profile, *args);
    profile->callback([args]() {
        monitor::ReferenceProfile p = profileFromArgs(args->reference, args->sampleRows);
        if (!args->calibration.empty())
            p.calibration = loadCalibration(args->calibration, args->calibrationTruth,
                                            args->calibrationMethod);
        p.save(args->out);
        std::cout << nlohmann::json{{"profile", args->out},
                                    {"rows", p.rows},
                                    {"sample_rows", p.sampleRows},
                                    {"features", p.features.size()},
                                    {"task", monitor::profileTaskName(p.task)}}
                         .dump()
                  << "\n";
    });
}

void addEstimate(CLI::App* monitorCmd, const std::shared_ptr<MonitorArgs>& args)
{
    auto* estimate = monitorCmd->add_subcommand(
        "estimate", "Expected accuracy per window from calibrated confidences (no labels "
                    "needed), beside realized accuracy when --ground-truth is given");
    estimate->add_option("log", args->log)->required();
    estimate->add_option("--window", args->window, "Window width in seconds (60 .. 86400)")
        ->check(numberIn(60, 86400));
    estimate->add_option("--ground-truth", args->groundTruth,
                         "Labels joined by request id, for realized accuracy");
    addCalibrationOptions(estimate, *args);
    estimate->callback([args]() {
        if (args->calibration.empty())
            throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "--calibration",
                                  "required: a profile with a calibration, or a log with "
                                  "--calibration-truth"});
        monitor::SummaryOptions options;
        options.windows.widthSeconds = args->window;
        options.groundTruth = args->groundTruth;
        options.calibration = loadCalibration(args->calibration, args->calibrationTruth,
                                              args->calibrationMethod);
        options.estimateLevel = args->level;
        const nlohmann::json summary =
            nlohmann::json::parse(monitor::monitorSummaryJson(args->log, options));
        nlohmann::json windows = nlohmann::json::array();
        for (const auto& w : summary["windows"])
            windows.push_back({{"start", w["start"]},
                               {"width", w["width"]},
                               {"requests", w["requests"]},
                               {"estimated_accuracy", w["estimated_accuracy"]},
                               {"labeled", w["labeled"]},
                               {"accuracy", w["accuracy"]}});
        std::cout << nlohmann::json{{"calibration", summary["calibration"]},
                                    {"windows", std::move(windows)},
                                    {"read", {{"records", summary["records"]},
                                              {"skipped", summary["skipped"]},
                                              {"problems", summary["problems"]}}}}
                         .dump()
                  << "\n";
    });
}

}  // namespace

monitor::ConfidenceCalibration loadCalibration(const std::string& file,
                                               const std::string& truth,
                                               const std::string& method)
{
    if (const auto profile = monitor::ReferenceProfile::locate(file)) {
        monitor::ReferenceProfile p = monitor::ReferenceProfile::load(*profile);
        if (!p.calibration)
            throw Error(ErrorInfo{ErrorCode::InvalidArgument, profile->string(), 0,
                                  "calibration", "the profile holds no calibration"});
        // A fitted calibration cannot be refitted by another method without its log: a
        // method that differs was silently ignored before.
        const std::string fitted = monitor::calibrationMethodName(p.calibration->method());
        if (!method.empty() && method != fitted)
            throw Error(ErrorInfo{ErrorCode::InvalidArgument, profile->string(), 0,
                                  "--calibration-method",
                                  "the method of a calibration log; this profile's calibration "
                                  "was fitted with " + fitted + " (leave the option out, or "
                                  "calibrate from a log with --calibration-truth)"});
        return *p.calibration;
    }
    if (truth.empty())
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, file, 0, "--calibration-truth",
                              "a calibration log needs its labels (--calibration-truth)"});
    return monitor::calibrationFromLog(file, truth, {},
                                       method == "histogram"
                                           ? monitor::CalibrationMethod::HistogramBinning
                                           : monitor::CalibrationMethod::Isotonic)
        .calibration;
}

void registerMonitorCommands(CLI::App& app)
{
    auto args = std::make_shared<MonitorArgs>();
    auto* monitorCmd = app.add_subcommand("monitor", "Production-log summaries, drift and alerts");
    monitorCmd->require_subcommand(1);
    addSummary(monitorCmd, args);
    addDrift(monitorCmd, args);
    addProfile(monitorCmd, args);
    addEstimate(monitorCmd, args);
    addMonitorActions(monitorCmd);
}

}  // namespace flightdeck::cli
