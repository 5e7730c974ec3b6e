#include "CliCommands.h"
#include "CliSupport.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/common/Json.h"
#include "flightdeck/data/CsvImporter.h"
#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/data/DatasetTask.h"
#include "flightdeck/data/LabelAssessment.h"
#include "flightdeck/model/ArchitectureSpec.h"
#include "flightdeck/model/GraphTemplates.h"
#include "flightdeck/store/Database.h"
#include "flightdeck/store/DatasetRepository.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/ProjectCheck.h"
#include "flightdeck/store/RunRepository.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <unistd.h>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

namespace flightdeck::cli {

store::Project openProject(const std::string& folder)
{
    auto project = store::Project::open(folder);
    const std::string damage = project.damage();
    if (!damage.empty())
        std::cerr << "note: " << escapeControls(project.folder().string())
                  << " was found damaged (" << escapeControls(damage)
                  << "): it is opened read-only until `flightdeck-cli fsck` finds it whole\n";
    else if (project.readOnly())
        std::cerr << "note: " << escapeControls(project.folder().string())
                  << " is read-only here: it can be read, not changed\n";
    return project;
}

store::Project openForWriting(const std::string& folder)
{
    auto project = openProject(folder);
    if (project.readOnly())
        throw Error(ErrorInfo{ErrorCode::FileUnwritable, project.folder().string(), 0, {},
                              project.damage().empty() ? "the project is read-only here"
                                                       : "the project database is damaged"});
    project.verify();
    return project;
}

namespace {

std::string shortHash(const std::string& hash) { return hash.substr(0, 12); }

}  // namespace

store::DatasetVersionRecord importInto(store::Project& project, const std::string& csv,
                                       const std::string& name, const std::string& label,
                                       const std::string& task)
{
    // Checked before the file is read: a typo must not cost a 1 GB parse.
    const bool detect = task.empty() || task == "auto";
    const data::DatasetTask asked =
        detect ? data::DatasetTask::TableClassification : data::taskFromName(task);
    if (asked == data::DatasetTask::ImageClassification)
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "--task",
                              "a CSV is classification or regression; images go through "
                              "`data import-images`"});
    data::CsvOptions options;
    options.labelColumn = label;
    options.numericLabels = asked == data::DatasetTask::TableRegression;
    const auto table = data::importCsv(csv, options);
    const data::DatasetTask chosen = detect ? data::detectTableTask(table) : asked;
    const std::string dataset = name.empty() ? std::filesystem::path(csv).stem().string() : name;
    // Whether the content was here before, from the hash addVersion computes anyway (a second
    // hash of a large table would cost a serialized copy): the same dataset returns its
    // existing version, another dataset gets a new version of the same object.
    store::DatasetRepository versions(project);
    std::vector<store::DatasetVersionRecord> before = versions.allVersions();
    auto version = data::DatasetCatalog(project).addVersion(dataset, table, csv, chosen);
    const bool sameVersion = std::any_of(before.begin(), before.end(), [&](const auto& v) { return v.id == version.id; });
    const auto elsewhere = std::find_if(before.begin(), before.end(), [&](const auto& v) {
        return v.hash == version.hash && v.id != version.id;
    });
    const auto unlabeled = chosen == data::DatasetTask::TableClassification
                               ? std::count_if(table.labels.begin(), table.labels.end(), [](auto l) { return l < 0; })
                               : 0;
    std::cout << "imported " << csv << ": " << table.rows() << " rows"
              << (unlabeled > 0 ? " (" + std::to_string(unlabeled) + " unlabeled)" : std::string()) << ", "
              << table.cols()
              << " features, " << table.classes.size()
              << (chosen == data::DatasetTask::TableRegression
                      ? (table.classes.size() == 1 ? " distinct value" : " distinct values")
                      : (table.classes.size() == 1 ? " class" : " classes"))
              << ", task " << data::taskName(chosen) << (detect ? " (detected)" : "")
              << " -> dataset version " << version.id << " (" << shortHash(version.hash) << ")\n";
    if (sameVersion)
        std::cout << "already imported: this content is version " << version.id
                  << "; nothing new was stored\n";
    else if (elsewhere != before.end())
        std::cout << "the same content is also version " << elsewhere->id
                  << " of another dataset; its data is stored once\n";
    if (version.task != data::taskName(chosen))
        std::cerr << "warning: this content was imported before as version " << version.id
                  << " with task " << version.task << "; a version keeps its task (import it "
                  << "under another --name to record it as " << data::taskName(chosen) << ")\n";
    const auto assessment = data::assessLabels(table);
    if (detect && chosen == data::DatasetTask::TableRegression)
        std::cerr << "note: label \"" << escapeControls(table.labelName) << "\" has "
                  << assessment.distinct << " distinct numbers in " << assessment.rows
                  << " rows, so it was recorded as a regression target; "
                     "--task classification overrides that\n";
    else if (chosen == data::DatasetTask::TableClassification) {
        const auto concern = data::describeConcern(assessment, table.labelName);
        if (!concern.empty())
            std::cerr << "warning: " << escapeControls(concern) << "\n";
    }
    return version;
}

store::SplitRecord splitInto(store::Project& project, store::Id versionId,
                             const data::SplitFractions& fractions, std::uint64_t seed)
{
    auto split = data::DatasetCatalog(project).createSplit(versionId, fractions, seed);
    std::cout << "split " << split.id << " (seed " << split.seed << "): train " << split.trainCount
              << ", val " << split.valCount << ", test " << split.testCount << "\n";
    const std::pair<const char*, std::int64_t> parts[] = {
        {"train", split.trainCount}, {"val", split.valCount}, {"test", split.testCount}};
    for (const auto& [part, count] : parts)
        if (count == 0)
            std::cerr << "warning: the " << part << " part of split " << split.id << " is empty: "
                      << (std::string(part) == "train"
                              ? std::string("a run on it has nothing to train on")
                              : std::string(part) + " metrics will be undefined"
                                    + (std::string(part) == "test"
                                           ? " and the run cannot be evaluated on it"
                                           : ""))
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


int cmdInit(const std::string& folder)
{
    auto project = store::Project::create(folder);
    std::cout << "project at " << project.folder().string() << " (schema "
              << project.schemaVersion() << ")\n";
    return 0;
}


int cmdImport(const std::string& folder, const std::string& csv, const std::string& name,
              const std::string& label, const std::string& task)
{
    auto project = openForWriting(folder);
    importInto(project, csv, name, label, task);
    return 0;
}

int cmdSplit(const std::string& folder, std::int64_t versionId, double train, double val,
             double test, std::uint64_t seed)
{
    auto project = openForWriting(folder);
    splitInto(project, versionId, data::SplitFractions{train, val, test}, seed);
    return 0;
}

int cmdArchitecture(const std::string& folder, const std::string& specFile,
                    const std::string& templateName)
{
    auto project = openForWriting(folder);
    if (!templateName.empty() && !specFile.empty())
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "--template",
                              "either --spec or --template, not both"});
    const auto json = specFile.empty() ? nlohmann::json() : readJsonFile(specFile);
    if (!templateName.empty() || (json.is_object() && json.value("version", 1) >= 2)) {
        // A graph: stored with its layout, named by the hash of everything but the layout.
        const model::GraphSpec graph = templateName.empty() ? model::GraphSpec::fromJson(json.dump())
                                                            : model::graphTemplate(templateName);
        const auto problems = model::validateGraph(graph);
        if (!problems.empty())
            throw Error(ErrorInfo{ErrorCode::InvalidSpec, specFile, 0,
                                  problems.front().node.empty() ? std::string("graph")
                                                                : "node \"" + problems.front().node + "\"",
                                  problems.front().message});
        const auto id = store::ArchitectureRepository(project).save(graph.name, graph.toJson(),
                                                                    graph.hash());
        std::cout << "architecture " << id << " \"" << graph.name << "\" (" << shortHash(graph.hash())
                  << ", graph of " << graph.nodes.size() << " nodes)\n";
        return 0;
    }
    model::ArchitectureSpec spec = model::defaultMlp();
    if (!specFile.empty())
        spec = model::ArchitectureSpec::fromJson(json.dump());
    saveArchitecture(project, spec);
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
    const bool wasDamaged = !project.damage().empty();
    if (repair && project.readOnly() && !wasDamaged)
        throw Error(ErrorInfo{ErrorCode::FileUnwritable, project.folder().string(), 0, {},
                              "the project is read-only here: it can be checked, not repaired"});
    const auto r = store::checkProject(project, repair && !project.readOnly());
    std::cout << "database: " << (r.integrity.empty() ? "ok" : "DAMAGED") << "\n";
    if (r.integrity.empty() && wasDamaged) {
        project.clearDamage();
        std::cout << "  it was marked damaged before; it is whole now, and writable again"
                  << (repair ? " (run fsck --repair again to repair objects)" : "") << "\n";
    } else if (!r.integrity.empty()) {
        store::recordDamage(project.databasePath().string(), r.integrity.front());
    }
    for (const auto& finding : r.integrity) {
        std::istringstream lines(finding);
        for (std::string line; std::getline(lines, line);)
            std::cout << "  " << escapeControls(line) << "\n";
    }
    if (!r.integrity.empty()) {
        std::cout << "objects:  not checked: the rows that name them cannot be trusted; restore "
                     "project.db from a backup, then run fsck again\nPROBLEMS FOUND\n";
        return 1;
    }
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
    if (!r.missingBundles.empty()) {
        std::cout << "bundles:  " << r.missingBundles.size()
                  << " registered versions whose folder is gone (their aliases cannot be served; "
                     "export the run again or move the folder back):\n";
        for (const auto& m : r.missingBundles)
            std::cout << "  " << escapeControls(m) << "\n";
    }
    std::cout << (r.clean() ? "clean\n" : "PROBLEMS FOUND\n");
    return r.clean() ? 0 : 1;
}

int cmdGc(const std::string& folder, double graceSeconds, bool dryRun)
{
    auto project = dryRun ? openProject(folder) : openForWriting(folder);
    const auto r = store::collectGarbage(project, graceSeconds, dryRun);
    for (const auto& p : r.paths)
        std::cout << (dryRun ? "would remove " : "removed ") << p.string() << "\n";
    std::cout << (dryRun ? "would free " : "freed ") << r.removedBytes << " bytes in " << r.removed
              << " files; " << r.keptYoung << " unreferenced files newer than " << r.graceUsed
              << " s kept (an import may still be writing them)\n";
    if (r.keptInUse > 0)
        std::cout << r.keptInUse << " temp files kept: the processes writing them are running\n";
    if (r.othersOpen && r.graceUsed > graceSeconds)
        std::cout << "another process has the project open (a training, an import or the "
                     "workbench): files younger than "
                  << r.graceUsed << " s were kept instead of " << graceSeconds
                  << " s; run gc again when it has finished\n";
    return 0;
}


int execTorchCommands(int argc, char** argv)
{
    (void)argc;
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    const auto helper = (ec ? std::filesystem::path(argv[0]) : self).parent_path() /
                        "flightdeck-cli-torch";
    ::execv(helper.c_str(), argv);
    std::cerr << "error: cannot run " << helper.string() << " (" << std::strerror(errno)
              << "): train, evaluate, info and loop need it beside flightdeck-cli\n";
    return 2;
}

}  // namespace flightdeck::cli
