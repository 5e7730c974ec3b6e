#include "MeasureCommands.h"
#include "MonitorCommands.h"
#include "Validators.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/eval/Report.h"

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

}  // namespace

void registerMeasureCommands(CLI::App& app)
{
    addEvalMetrics(app);
    registerMonitorCommands(app);   // MonitorCommands.cpp
}

}  // namespace flightdeck::cli
