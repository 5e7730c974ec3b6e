#include "LoopCommands.h"

#include "CliSupport.h"
#include "Validators.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/monitor/PredictionLog.h"
#include "flightdeck/store/RunRepository.h"
#ifdef FLIGHTDECK_CLI_TORCH
#include "flightdeck/loop/FreshData.h"
#include "flightdeck/loop/Retrain.h"
#endif

#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

namespace flightdeck::cli {

namespace {

struct LoopArgs {
    std::string project, log, groundTruth, from, to;
    store::Id version = 0, run = 0, add = 0;
    double belowConfidence = 1.01;
    std::size_t max = 0;
    int epochs = 0;
    std::uint64_t seed = 1;
};

#ifdef FLIGHTDECK_CLI_TORCH
// Unix seconds or ISO-8601, as the logs themselves may carry.
double timeArg(const std::string& text, const char* option, double fallback)
{
    if (text.empty())
        return fallback;
    double t = 0;
    if (!monitor::parseTimestamp(text, &t))
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, option,
                              "Unix seconds or an ISO-8601 time, got \"" + text + "\""});
    return t;
}

nlohmann::json scoreJson(const loop::Score& s)
{
    auto num = [](double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); };
    return {{"rows", s.rows}, {"old_accuracy", num(s.oldAccuracy)}, {"new_accuracy", num(s.newAccuracy)}};
}

void runToLabeling(const LoopArgs& a)
{
    store::Project project = openForWriting(a.project);
    store::Id versionId = a.version;
    if (a.run != 0)
        versionId = store::RunRepository(project).run(a.run).versionId;
    if (versionId == 0)
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "--version",
                              "the training version (--version N or --run RUN)"});
    loop::FreshDataOptions options;
    options.from = timeArg(a.from, "--from", options.from);
    options.to = timeArg(a.to, "--to", options.to);
    options.belowConfidence = a.belowConfidence;
    options.groundTruth = a.groundTruth;
    options.maxRecords = a.max;
    const auto fresh = loop::logToDatasetVersion(project, a.log, versionId, options);
    std::cout << nlohmann::json{{"version", fresh.version.id}, {"parent", versionId},
                                {"records", fresh.records}, {"labeled", fresh.labeled},
                                {"outside", fresh.outside}, {"failed", fresh.failed},
                                {"skipped", fresh.skipped}, {"problems", fresh.problems}}
                     .dump(2)
              << "\n";
}

void runRetrain(const LoopArgs& a)
{
    store::Project project = openForWriting(a.project);
    loop::RetrainOptions options;
    options.seed = a.seed;
    if (a.epochs > 0)
        options.epochs = a.epochs;
    const auto r = loop::retrain(project, a.run, a.add, options);
    std::cout << nlohmann::json{{"run", r.newRun}, {"previous_run", r.previousRun},
                                {"status", store::runStatusName(r.status)},
                                {"version", r.combinedVersion}, {"split", r.split},
                                {"added_rows", r.addedRows}, {"unlabeled_rows", r.unlabeledRows},
                                {"held_out_copies", r.heldOutCopies},
                                {"old_test", scoreJson(r.oldTest)}, {"fresh_test", scoreJson(r.freshTest)}}
                     .dump(2)
              << "\n";
}
#endif

}  // namespace

void registerLoopCommands(CLI::App& app, bool* needsTorch)
{
    auto args = std::make_shared<LoopArgs>();
    CLI::App* monitorCmd = app.get_subcommand("monitor");
    auto* toLabeling = monitorCmd->add_subcommand(
        "to-labeling", "A log's records (a time range, or those the model was unsure of) -> a new "
                       "dataset version for labeling, derived from the model's training version");
    toLabeling->add_option("log", args->log, "JSONL/CSV log, or a folder of rotated logs")->required();
    toLabeling->add_option("--project", args->project)->required();
    auto* version = toLabeling->add_option("--version", args->version, "The model's training version");
    toLabeling->add_option("--run", args->run, "Take the training version of this run")->excludes(version);
    toLabeling->add_option("--from", args->from, "Records at or after this time (Unix seconds or ISO-8601)");
    toLabeling->add_option("--to", args->to, "Records before this time");
    toLabeling->add_option("--below-confidence", args->belowConfidence,
                           "Only records whose confidence is below this")
        ->check(numberIn(0, 1.01, false));
    toLabeling->add_option("--ground-truth", args->groundTruth, "Labels joined by request id");
    toLabeling->add_option("--max", args->max, "At most this many records, the most uncertain first");
    toLabeling->callback([args, needsTorch]() {
#ifdef FLIGHTDECK_CLI_TORCH
        (void)needsTorch;
        runToLabeling(*args);
#else
        *needsTorch = true;
#endif
    });

    auto* retrainCmd = app.add_subcommand(
        "retrain", "Train a run's recipe on its data plus a fresh version's labeled rows, and "
                   "compare the new model with the old on the old test rows and on fresh rows");
    retrainCmd->add_option("project", args->project)->required();
    retrainCmd->add_option("--from", args->run, "The run to retrain")->required();
    retrainCmd->add_option("--add", args->add, "The fresh dataset version (monitor to-labeling)")->required();
    retrainCmd->add_option("--epochs", args->epochs, "Override the run's epochs")->check(CLI::Range(1, 100000));
    retrainCmd->add_option("--seed", args->seed, "Seed of the fresh rows' split")->check(seedValidator());
    retrainCmd->callback([args, needsTorch]() {
#ifdef FLIGHTDECK_CLI_TORCH
        (void)needsTorch;
        runRetrain(*args);
#else
        *needsTorch = true;
#endif
    });
}

}  // namespace flightdeck::cli
