// flightdeck-cli: the same core as the workbench, headless (no Qt), for servers. Built twice:
// flightdeck-cli never loads libtorch and execs flightdeck-cli-torch (FLIGHTDECK_CLI_TORCH,
// the same commands plus train, evaluate, info and loop) for the commands that need it.
#include "BundleCommands.h"
#include "CliCommands.h"
#include "DataCommands.h"
#include "LaunchRanks.h"
#include "LoopCommands.h"
#include "ModelCommands.h"
#include "MeasureCommands.h"
#include "RegistryCommands.h"
#include "SweepCommand.h"
#include "Validators.h"

#include "flightdeck/common/Error.h"

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <iostream>

int main(int argc, char** argv)
{
    using namespace flightdeck::cli;
    CLI::App app{"Flightdeck command line: data -> model -> training -> evaluation -> export -> "
                 "monitoring, on the same project store as the workbench."};
    app.require_subcommand(1);

    // Each subcommand has its own variables: CLI11 writes a default_val into its variable at
    // set-up, so a shared "name" once gave every import export's default "model".
    std::string project, file, datasetName, modelName, label, spec, split = "test", out;
    std::string exportFormat = "bundle", tritonRepo;
    bool loopNeedsTorch = false;
    std::int64_t versionId = 0, splitId = 0, archId = 0, runId = 0;
    double train = 0.7, val = 0.15, test = 0.15;
    std::uint64_t seed = 42;
    LoopOptions loop;

    auto* init = app.add_subcommand("init", "Create a project folder");
    init->add_option("project", project, "Project folder")->required();
    auto* info = app.add_subcommand("info", "Show libtorch version, BLAS, device and threads");
    auto* import = app.add_subcommand("import", "Import a CSV/TSV as a new dataset version");
    import->add_option("project", project)->required();
    import->add_option("file", file, "CSV or TSV with a header row")->required();
    import->add_option("--name", datasetName, "Dataset name (default: file name)");
    import->add_option("--label", label, "Label column (default: label/class/target/y)");
    std::string task = "auto";
    import->add_option("--task", task, "auto (from the label column), classification or "
                                       "regression");
    auto* splitCmd = app.add_subcommand("split", "Seeded stratified train/val/test split");
    splitCmd->add_option("project", project)->required();
    splitCmd->add_option("--version", versionId, "Dataset version id")->required();
    splitCmd->add_option("--train", train);
    splitCmd->add_option("--val", val);
    splitCmd->add_option("--test", test);
    splitCmd->add_option("--seed", seed)->check(seedValidator());
    auto* arch = app.add_subcommand("arch", "Store an architecture spec (JSON)");
    arch->add_option("project", project)->required();
    arch->add_option("--spec", spec, "Spec file, version 1 (a layer stack) or 2 (a graph) "
                                     "(default: the built-in 64-32 MLP)");
    std::string archTemplate;
    arch->add_option("--template", archTemplate, "A built-in graph (see `model summary --help`)");
    auto addTrainOptions = [&loop](CLI::App* cmd) {
        cmd->add_option("--epochs", loop.epochs);
        cmd->add_option("--batch-size", loop.batchSize);
        cmd->add_option("--lr", loop.learningRate);
        cmd->add_option("--seed", loop.seed)->check(seedValidator());
        cmd->add_option("--threads", loop.threads, "0 = all cores (at most the core count)");
        cmd->add_option("--device", loop.device, "auto, cpu or cuda");
        addRecipeOptions(cmd, loop.recipe);
    };
    auto* trainCmd = app.add_subcommand("train", "Train a run");
    trainCmd->add_option("project", project)->required();
    auto* resume = trainCmd->add_option("--resume", loop.recipe.resumeRun,
                                        "Continue a stopped run from its last checkpoint")
                       ->check(idValidator("a run id"));
    trainCmd->add_option("--version", versionId)->excludes(resume)->check(idValidator("a dataset version id"));
    trainCmd->add_option("--split", splitId)->excludes(resume)->check(idValidator("a split id"));
    trainCmd->add_option("--arch", archId)->excludes(resume)->check(idValidator("an architecture id"));
    addTrainOptions(trainCmd);
    // A resumed run continues its stored recipe: an option that would change it is refused
    // rather than silently ignored. Where it runs (threads, device) may change.
    for (CLI::Option* option : trainCmd->get_options()) {
        const std::string name = option->get_name();
        if (option == resume || option->get_positional() || name == "--help" || name == "--threads"
            || name == "--device")
            continue;
        option->excludes(resume);
    }
    trainCmd->add_option("--nproc", loop.nproc,
                         "Data-parallel: start N processes here (each a rank with its own "
                         "batch of --batch-size rows; rank 0 records the run). Under torchrun "
                         "or mpirun leave it out: RANK/WORLD_SIZE/MASTER_ADDR/MASTER_PORT are read")
        ->check(numberIn(1, 1024));
    trainCmd->add_option("--dist-timeout", loop.distTimeout,
                         "Data-parallel: seconds a rank waits for the others before failing "
                         "(default 300, or FLIGHTDECK_DIST_TIMEOUT)")
        ->check(numberIn(1, 86400));
    auto* evaluate = app.add_subcommand("evaluate", "Evaluate a run on a split");
    evaluate->add_option("project", project)->required();
    evaluate->add_option("--run", runId)->required();
    evaluate->add_option("--split", split, "test, val or train");
    auto* exportCmd = app.add_subcommand("export", "Export a run as a deployable bundle");
    exportCmd->add_option("project", project)->required();
    exportCmd->add_option("--run", runId)->required();
    exportCmd->add_option("--name", modelName, "Model name in the registry")->default_val("model");
    exportCmd->add_option("--out", out, "Bundle folder (default: <project>/exports/...)");
    exportCmd->add_option("--format", exportFormat,
                          "bundle, or triton: the bundle and a Triton model repository entry")
        ->check(CLI::IsMember({"bundle", "triton"}));
    exportCmd->add_option("--triton-repo", tritonRepo,
                          "Triton model repository (default: <project>/triton)");
    auto* runs = app.add_subcommand("runs", "List runs");
    runs->add_option("project", project)->required();
    bool repair = false, dryRun = false;
    double grace = 3600;
    auto* fsck = app.add_subcommand("fsck", "Check the database and re-hash every object");
    fsck->add_option("project", project)->required();
    fsck->add_flag("--repair", repair, "Move corrupt objects aside (a re-import rewrites them)");
    auto* gc = app.add_subcommand("gc", "Remove objects no row names and stale temp files");
    gc->add_option("project", project)->required();
    gc->add_option("--grace", grace, "Keep unreferenced files younger than this (seconds)")
        ->check(numberIn(0, 1e9));
    gc->add_flag("--dry-run", dryRun, "List what would be removed");
    registerMeasureCommands(app);
    registerLoopCommands(app, &loopNeedsTorch);
    registerDataCommands(app);
    registerModelCommands(app);
    registerBundleCommands(app);
    registerRegistryCommands(app);
    registerSweepCommand(app, &loopNeedsTorch);   // "needs torch", whichever command
    auto* loopCmd = app.add_subcommand("loop", "Run the whole loop on a CSV");
    loopCmd->add_option("project", loop.project)->required();
    loopCmd->add_option("csv", loop.csv)->required();
    loopCmd->add_option("--label", loop.label);
    loopCmd->add_option("--log", loop.log, "A JSONL prediction log to summarise at the end");
    addTrainOptions(loopCmd);

    try {
        try {
            app.parse(argc, argv);   // runs the measurement subcommands' callbacks
        } catch (const CLI::ParseError& e) {
            return app.exit(e);
        }
        if (*init) return cmdInit(project);
        // A rank started by a launcher sees RANK and trains; the launcher starts the ranks.
        if (*trainCmd && loop.nproc > 1 && !std::getenv("RANK"))
            return launchRanks(argc, argv, loop.nproc, loop.distTimeout);
#ifdef FLIGHTDECK_CLI_TORCH
        if (*info) return cmdInfo();
        if (*trainCmd) return cmdTrain(project, versionId, splitId, archId, loop);
        if (*evaluate) return cmdEvaluate(project, runId, split);
        if (*loopCmd) return cmdLoop(loop);
        if (*exportCmd) return cmdExport(project, runId, modelName, out, exportFormat, tritonRepo);
#else
        // Options are checked above; the work happens in the libtorch executable.
        if (*info || *trainCmd || *evaluate || *loopCmd || *exportCmd || loopNeedsTorch)
            return execTorchCommands(argc, argv);
#endif
        if (*import) return cmdImport(project, file, datasetName, label, task);
        if (*splitCmd) return cmdSplit(project, versionId, train, val, test, seed);
        if (*arch) return cmdArchitecture(project, spec, archTemplate);
        if (*runs) return cmdRuns(project);
        if (*fsck) return cmdFsck(project, repair);
        if (*gc) return cmdGc(project, grace, dryRun);
        return 0;   // a measurement or data subcommand ran in its callback
    } catch (const flightdeck::Error& e) {
        std::cerr << "error: " << e.what() << " [" << flightdeck::errorCodeName(e.code()) << "]\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 2;
    }
    return 1;
}
