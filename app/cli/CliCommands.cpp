#include "CliCommands.h"
#include "StopSignals.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/common/Json.h"
#include "flightdeck/data/CsvImporter.h"
#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/data/LabelAssessment.h"
#include "flightdeck/export/BundleExporter.h"
#include "flightdeck/model/ArchitectureSpec.h"
#include "flightdeck/monitor/PredictionLog.h"
#include "flightdeck/monitor/WindowAggregator.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/ProjectCheck.h"
#include "flightdeck/store/RunRepository.h"
#include "flightdeck/train/RunEvaluator.h"
#include "flightdeck/train/Runtime.h"
#include "flightdeck/train/Trainer.h"

#include <cstdio>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

namespace flightdeck::cli {

namespace {

store::Project openProject(const std::string& folder)
{
    auto project = store::Project::open(folder);
    if (project.readOnly())
        std::cerr << "note: " << escapeControls(project.folder().string())
                  << " is read-only here: it can be read, not changed\n";
    return project;
}

std::string shortHash(const std::string& hash) { return hash.substr(0, 12); }

store::DatasetVersionRecord importInto(store::Project& project, const std::string& csv,
                                       const std::string& name, const std::string& label)
{
    data::CsvOptions options;
    options.labelColumn = label;
    const auto table = data::importCsv(csv, options);
    const std::string dataset = name.empty() ? std::filesystem::path(csv).stem().string() : name;
    auto version = data::DatasetCatalog(project).addVersion(dataset, table, csv);
    std::cout << "imported " << csv << ": " << table.rows() << " rows, " << table.cols()
              << " features, " << table.classes.size() << " classes -> dataset version "
              << version.id << " (" << shortHash(version.hash) << ")\n";
    const auto concern = data::describeConcern(data::assessLabels(table), table.labelName);
    if (!concern.empty())
        std::cerr << "warning: " << escapeControls(concern) << "\n";
    return version;
}

store::SplitRecord splitInto(store::Project& project, store::Id versionId,
                             const data::SplitFractions& fractions, std::uint64_t seed)
{
    auto split = data::DatasetCatalog(project).createSplit(versionId, fractions, seed);
    std::cout << "split " << split.id << " (seed " << split.seed << "): train " << split.trainCount
              << ", val " << split.valCount << ", test " << split.testCount << "\n";
    const std::pair<const char*, std::int64_t> parts[] = {
        {"val", split.valCount}, {"test", split.testCount}};
    for (const auto& [part, count] : parts)
        if (count == 0)
            std::cerr << "warning: the " << part << " part of split " << split.id
                      << " is empty: " << part << " metrics will be undefined"
                      << (std::string(part) == "test" ? " and the run cannot be evaluated on it"
                                                      : "")
                      << "\n";
    return split;
}

store::Id saveArchitecture(store::Project& project, const model::ArchitectureSpec& spec)
{
    const auto id = store::ArchitectureRepository(project).save(spec.name, spec.toJson(), spec.hash());
    std::cout << "architecture " << id << " \"" << spec.name << "\" (" << shortHash(spec.hash())
              << ")\n";
    return id;
}

train::RunResult trainRun(store::Project& project, store::Id versionId, store::Id splitId,
                          store::Id archId, const LoopOptions& options)
{
    train::TrainConfig config;
    config.epochs = options.epochs;
    config.batchSize = options.batchSize;
    config.learningRate = options.learningRate;
    config.seed = options.seed;
    config.threads = options.threads;
    config.device = options.device;
    train::TrainCallbacks callbacks;
    const StopSignals stop;
    callbacks.cancel = stop.flag();
    int lastEpoch = -1;
    callbacks.onMetric = [&](const store::MetricRecord& m) {
        if (m.key == "val/accuracy" && m.epoch != lastEpoch) {
            lastEpoch = m.epoch;
            std::cout << "  epoch " << m.epoch << "  val/accuracy " << std::fixed
                      << std::setprecision(4) << m.value << "\n";
        }
    };
    const auto result = train::Trainer(project).run(versionId, splitId, archId, config, callbacks);
    std::cout << "run " << result.runId << " " << result.status << ": train loss "
              << result.finalTrainLoss;
    if (result.finalValLoss && result.finalValAccuracy)
        std::cout << ", val loss " << *result.finalValLoss << ", val accuracy "
                  << *result.finalValAccuracy;
    else
        std::cout << ", no val metrics (the split's val part is empty)";
    std::cout << " (" << std::fixed << std::setprecision(0) << result.samplesPerSecond
              << " samples/s)\n";
    if (StopSignals::received())
        std::cout << "stopped by signal " << StopSignals::received() << ": run " << result.runId
                  << " is recorded as " << result.status << " with its metrics and model\n";
    std::cout << std::setprecision(6) << std::defaultfloat;
    return result;
}

}  // namespace

int cmdInit(const std::string& folder)
{
    auto project = store::Project::create(folder);
    std::cout << "project at " << project.folder().string() << " (schema "
              << project.schemaVersion() << ")\n";
    return 0;
}

int cmdInfo()
{
    train::configureThreads(0);
    const auto info = train::runtimeInfo();
    std::cout << "libtorch " << info.torchVersion << "\nBLAS     " << info.blas
              << (info.blasIsReference ? "  (WARNING: reference BLAS is ~30x slower; install "
                                         "libopenblas0-openmp)"
                                       : "")
              << "\ndevice   " << info.defaultDevice << (info.cudaAvailable ? " (CUDA available)" : "")
              << "\nthreads  " << info.threads << "\n";
    return 0;
}

int cmdImport(const std::string& folder, const std::string& csv, const std::string& name,
              const std::string& label)
{
    auto project = openProject(folder);
    importInto(project, csv, name, label);
    return 0;
}

int cmdSplit(const std::string& folder, std::int64_t versionId, double train, double val,
             double test, std::uint64_t seed)
{
    auto project = openProject(folder);
    splitInto(project, versionId, data::SplitFractions{train, val, test}, seed);
    return 0;
}

int cmdArchitecture(const std::string& folder, const std::string& specFile)
{
    auto project = openProject(folder);
    model::ArchitectureSpec spec = model::defaultMlp();
    if (!specFile.empty())
        spec = model::ArchitectureSpec::fromJson(readJsonFile(specFile).dump());
    saveArchitecture(project, spec);
    return 0;
}

int cmdTrain(const std::string& folder, std::int64_t versionId, std::int64_t splitId,
             std::int64_t archId, const LoopOptions& options)
{
    auto project = openProject(folder);
    trainRun(project, versionId, splitId, archId, options);
    return StopSignals::received() ? 128 + StopSignals::received() : 0;
}

int cmdEvaluate(const std::string& folder, std::int64_t runId, const std::string& split)
{
    auto project = openProject(folder);
    const auto result = train::RunEvaluator(project).evaluate(runId, split);
    std::cout << result.reportJson << "\n";
    if (project.readOnly())
        std::cout << "evaluation of run " << runId << " on " << split << ": accuracy "
                  << result.accuracy << " (not stored: the project is read-only here)\n";
    else
        std::cout << "evaluation " << result.evaluationId << " of run " << runId << " on "
                  << split << ": accuracy " << result.accuracy << "\n";
    return 0;
}

int cmdExport(const std::string& folder, std::int64_t runId, const std::string& name,
              const std::string& out)
{
    auto project = openProject(folder);
    const auto result = exporting::BundleExporter(project).exportRun(runId, name, out);
    for (const auto& file : result.files)
        std::cout << "  " << file.sha256 << "  " << file.name << " (" << file.bytes << " bytes)\n";
    std::cout << "bundle " << name << " v" << result.version << " at " << result.bundleDir.string()
              << "\n";
    return 0;
}

int cmdRuns(const std::string& folder)
{
    auto project = openProject(folder);
    store::RunRepository runs(project);
    for (const auto id : runs.markInterruptedRuns()) {
        const auto run = runs.run(id);
        std::cout << "run " << id << " was left running by a process that ended: now "
                  << run.status << (run.error.empty() ? "" : " (" + run.error + ")") << "\n";
    }
    for (const auto& run : runs.runs())
        std::cout << run.id << "\t" << run.name << "\t" << run.status << "\t" << run.device << "\t"
                  << isoTimeUtc(run.startedAt) << "\n";
    return 0;
}

int cmdFsck(const std::string& folder, bool repair)
{
    auto project = openProject(folder);
    const auto r = store::checkProject(project, repair);
    std::cout << "database: " << (r.integrity.empty() ? "ok" : "DAMAGED") << "\n";
    for (const auto& line : r.integrity)
        std::cout << "  " << escapeControls(line) << "\n";
    std::cout << "objects:  " << r.objects << " re-hashed (" << r.objectBytes << " bytes)\n";
    for (const auto& p : r.problems) {
        std::cout << "  " << (p.kind == store::ObjectProblem::Kind::Missing ? "missing " : "corrupt ")
                  << p.hash;
        for (const auto& who : p.referencedBy)
            std::cout << "\n    needed by " << escapeControls(who);
        std::cout << "\n";
    }
    for (const auto& q : r.quarantined)
        std::cout << "  moved aside: " << q.string() << "\n";
    for (const auto& b : r.restoredFrom)
        std::cout << "  restored from " << b.string() << "\n";
    if (r.problems.size() > r.restoredFrom.size())
        std::cout << "  " << (repair ? "still damaged" : "damaged")
                  << ": re-importing the same data writes good copies"
                  << (repair ? "" : "; --repair restores what exported bundles hold") << "\n";
    std::cout << "orphans:  " << r.orphans.size() << " objects no row names (" << r.orphanBytes
              << " bytes; `flightdeck-cli gc` removes them)\n";
    std::cout << "temp:     " << r.tempFiles.size() << " leftovers of interrupted writes\n";
    std::cout << (r.clean() ? "clean\n" : "PROBLEMS FOUND\n");
    return r.clean() ? 0 : 1;
}

int cmdGc(const std::string& folder, double graceSeconds, bool dryRun)
{
    auto project = openProject(folder);
    const auto r = store::collectGarbage(project, graceSeconds, dryRun);
    for (const auto& p : r.paths)
        std::cout << (dryRun ? "would remove " : "removed ") << p.string() << "\n";
    std::cout << (dryRun ? "would free " : "freed ") << r.removedBytes << " bytes in " << r.removed
              << " files; " << r.keptYoung << " unreferenced files newer than " << graceSeconds
              << " s kept (an import may still be writing them)\n";
    return 0;
}

int cmdLoop(const LoopOptions& options)
{
    auto project = store::Project::create(options.project);
    std::cout << "project    " << project.folder().string() << "\n";
    const auto version = importInto(project, options.csv, {}, options.label);
    const auto split = splitInto(project, version.id, data::SplitFractions{}, options.seed);
    const auto archId = saveArchitecture(project, model::defaultMlp());
    const auto run = trainRun(project, version.id, split.id, archId, options);
    if (StopSignals::received())
        return 128 + StopSignals::received();
    const auto evaluation = train::RunEvaluator(project).evaluate(run.runId, "test");
    std::cout << "evaluation " << evaluation.evaluationId << ": test accuracy "
              << evaluation.accuracy << " (stored in " << project.databasePath().string() << ")\n";
    const auto exported = exporting::BundleExporter(project).exportRun(run.runId, "model");
    std::cout << "export     " << exported.bundleDir.string() << " (model v" << exported.version
              << ", manifest.json lists " << exported.files.size() << " files)\n";
    if (!options.log.empty()) {
        monitor::WindowAggregator aggregator(60);
        monitor::ReadStats stats;
        monitor::readPredictionLog(
            options.log, [&](const monitor::PredictionRecord& r) { aggregator.add(r); }, stats);
        std::cout << "monitor    " << options.log << ": " << stats.records << " predictions in "
                  << aggregator.windows().size() << " one-minute windows, " << stats.skipped
                  << " broken lines skipped\n";
    }
    return 0;
}

}  // namespace flightdeck::cli
