#include "MeasureCommands.h"
#include "Validators.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/eval/Report.h"
#include "flightdeck/monitor/MonitorReport.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

namespace flightdeck::cli {

namespace {

struct EvalArgs {
    std::string file, task = "auto", truth, pred, probPrefix = "prob_", slice, positive;
    int bootstrap = 0;
    double confidence = 0.95;
    std::uint64_t seed = 0;
};

struct MonitorArgs {
    std::string log, reference, groundTruth;
    double window = 60;
    double driftWindow = 0;
    std::size_t maxValues = 200000;
    std::size_t maxLineBytes = monitor::kDefaultMaxLineBytes;
    monitor::DriftOptions drift;
};

void addEvalMetrics(CLI::App& app)
{
    auto args = std::make_shared<EvalArgs>();
    auto* eval = app.add_subcommand("eval", "Evaluation metrics on files");
    eval->require_subcommand(1);
    auto* metrics = eval->add_subcommand(
        "metrics", "Predictions + truth (CSV) -> JSON report equal to scikit-learn's metrics");
    metrics->add_option("file", args->file, "CSV with truth, pred and/or prob_<class> columns")
        ->required();
    metrics->add_option("--task", args->task, "auto, classification or regression");
    metrics->add_option("--truth", args->truth, "Truth column (default: truth/y_true/label/...)");
    metrics->add_option("--pred", args->pred, "Prediction column (default: pred/prediction/...)");
    metrics->add_option("--prob-prefix", args->probPrefix, "Prefix of per-class score columns");
    metrics->add_option("--slice", args->slice, "Column to compute metrics per value of");
    metrics->add_option("--positive", args->positive, "Positive class of a binary problem");
    metrics->add_option("--bootstrap", args->bootstrap, "Bootstrap resamples (0 = none)");
    metrics->add_option("--confidence", args->confidence, "Bootstrap interval confidence")
        ->check(numberIn(0, 1, false, false));
    metrics->add_option("--seed", args->seed, "Bootstrap seed")->check(seedValidator());
    metrics->callback([args]() {
        eval::CsvReportOptions options;
        if (args->task == "classification")
            options.task = eval::CsvTask::Classification;
        else if (args->task == "regression")
            options.task = eval::CsvTask::Regression;
        else if (args->task != "auto")
            throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "--task",
                                  "expected auto, classification or regression, got " + args->task});
        options.truthColumn = args->truth;
        options.predColumn = args->pred;
        options.probPrefix = args->probPrefix;
        options.sliceColumn = args->slice;
        options.positiveClass = args->positive;
        options.report.bootstrapResamples = args->bootstrap;
        options.report.confidence = args->confidence;
        options.report.seed = args->seed;
        std::cout << eval::metricsReportFromCsv(args->file, options) << "\n";
    });
}

void addMonitor(CLI::App& app)
{
    auto args = std::make_shared<MonitorArgs>();
    auto* monitorCmd = app.add_subcommand("monitor", "Production-log summaries and drift");
    monitorCmd->require_subcommand(1);
    auto* summary = monitorCmd->add_subcommand(
        "summary", "A JSONL/CSV log (file or folder of rotated files) -> JSON per window");
    summary->add_option("log", args->log)->required();
    summary->add_option("--window", args->window, "Window width in seconds (60 .. 86400)")
        ->check(numberIn(60, 86400));
    summary->add_option("--ground-truth", args->groundTruth,
                        "Labels joined by request id, for accuracy over time");
    summary->add_option("--max-line-bytes", args->maxLineBytes);
    summary->callback([args]() {
        monitor::SummaryOptions options;
        options.windows.widthSeconds = args->window;
        options.read.maxLineBytes = args->maxLineBytes;
        options.groundTruth = args->groundTruth;
        std::cout << monitor::monitorSummaryJson(args->log, options) << "\n";
    });

    auto* drift = monitorCmd->add_subcommand(
        "drift", "A log against a reference sample -> JSON per window and per feature");
    drift->add_option("log", args->log)->required();
    drift->add_option("--reference", args->reference, "Reference sample (JSONL or CSV)")
        ->required();
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
        std::cout << monitor::monitorDriftJson(args->log, args->reference, options) << "\n";
    });
}

}  // namespace

void registerMeasureCommands(CLI::App& app)
{
    addEvalMetrics(app);
    addMonitor(app);
}

}  // namespace flightdeck::cli
