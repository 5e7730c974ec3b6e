#include "ProjectReference.h"
#include "CliSupport.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/data/MonitoredFeatures.h"
#include "flightdeck/store/DatasetRepository.h"

#include <charconv>
#include <cstdlib>

namespace flightdeck::cli {

namespace {

std::optional<std::int64_t> wholeNumber(const std::string& text)
{
    std::int64_t v = 0;
    const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.empty() || r.ec != std::errc() || r.ptr != text.data() + text.size() || v <= 0)
        return std::nullopt;
    return v;
}

// "project:DIR:VERSION[:SPLIT]": the folder may hold colons, so the ids are read from the end.
void parseProjectText(const std::string& text, ReferenceArgs& out)
{
    const std::string body = text.substr(std::string("project:").size());
    const auto bad = [&] {
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "--reference",
                              "expected project:DIR:VERSION or project:DIR:VERSION:SPLIT "
                              "(ids are whole numbers), got \"" + text + "\""});
    };
    const auto last = body.rfind(':');
    if (last == std::string::npos || last == 0)
        bad();
    const auto lastId = wholeNumber(body.substr(last + 1));
    if (!lastId)
        bad();
    const auto before = body.rfind(':', last - 1);
    const auto middle = before == std::string::npos
                            ? std::nullopt
                            : wholeNumber(body.substr(before + 1, last - before - 1));
    if (middle && before > 0) {
        out.project = body.substr(0, before);
        out.version = *middle;
        out.split = *lastId;
    } else {
        out.project = body.substr(0, last);
        out.version = *lastId;
    }
}

// The named split, checked to belong to the version, else the version's latest.
store::SplitRecord chooseSplit(store::DatasetRepository& datasets, const std::string& folder,
                               std::int64_t versionId, std::int64_t splitId)
{
    store::SplitRecord split;
    if (splitId > 0) {
        split = datasets.split(splitId);
        if (split.versionId != versionId)
            throw Error(ErrorInfo{ErrorCode::InvalidArgument, folder, 0, "--split",
                                  "split " + std::to_string(splitId) + " belongs to version "
                                      + std::to_string(split.versionId) + ", not "
                                      + std::to_string(versionId)});
    } else {
        const auto splits = datasets.splits(versionId);
        if (splits.empty())
            throw Error(ErrorInfo{ErrorCode::NotFound, folder, 0, "split",
                                  "dataset version " + std::to_string(versionId)
                                      + " has no split yet (flightdeck-cli split)"});
        split = splits.back();
        for (const auto& s : splits)
            split = s.id > split.id ? s : split;
    }
    return split;
}

}  // namespace

void addReferenceOptions(CLI::App* cmd, ReferenceArgs& args)
{
    auto* ref = cmd->add_option("--reference", args.reference,
                                "A log, a dataset CSV, a reference_profile.json or a bundle "
                                "folder, or project:DIR:VERSION[:SPLIT] (the train split)");
    auto* project = cmd->add_option("--project", args.project,
                                    "Project folder: its dataset version's train split is the "
                                    "reference (with --version)");
    cmd->add_option("--version", args.version, "Dataset version id (with --project)")
        ->check(CLI::PositiveNumber);
    cmd->add_option("--split", args.split, "Split id (default: the version's latest split)")
        ->check(CLI::PositiveNumber);
    cmd->add_option("--reference-label", args.label,
                    "A dataset CSV reference's label column (default: label/class/target/y)");
    ref->excludes(project);
}

bool hasReference(const ReferenceArgs& args)
{
    return !args.reference.empty() || !args.project.empty();
}

monitor::ReferenceProfile profileFromProject(const std::string& folder, std::int64_t versionId,
                                             std::int64_t splitId, std::size_t sampleRows)
{
    store::Project project = openProject(folder);
    store::DatasetRepository datasets(project);
    const store::DatasetVersionRecord version = datasets.version(versionId);
    const store::SplitRecord split = chooseSplit(datasets, folder, versionId, splitId);
    data::DatasetCatalog catalog(project);
    const data::Table table = catalog.load(versionId);
    const data::Split rows = catalog.loadSplit(split.id);
    // An image version is compared on what the server logs for an image: brightness, contrast.
    const bool images = catalog.task(versionId) == data::DatasetTask::ImageClassification;
    const data::MonitoredFeatures monitored = data::monitoredFeatures(table, rows.train, images);
    std::vector<std::int32_t> classIndex;
    classIndex.reserve(rows.train.size());
    for (std::uint32_t r : rows.train)
        classIndex.push_back(table.labels[r]);
    monitor::ProfileLabels labels;
    if (catalog.task(versionId) == data::DatasetTask::TableRegression) {
        // A regression target's classes are its values as text (DatasetCatalog).
        std::vector<double> targets;
        for (std::int32_t k : classIndex)
            targets.push_back(std::strtod(table.classes[static_cast<std::size_t>(k)].c_str(),
                                          nullptr));
        labels = monitor::ProfileLabels::regression(table.labelName, std::move(targets));
    } else {
        labels = monitor::ProfileLabels::classification(table.labelName, table.classes,
                                                        std::move(classIndex));
    }
    monitor::ProfileOptions options;
    options.sampleRows = sampleRows;
    monitor::ReferenceProfile profile =
        monitor::ReferenceProfile::fromRowMajor(monitored.names, monitored.values, labels, options);
    profile.source = "project:" + folder + ":" + std::to_string(versionId) + ":"
                     + std::to_string(split.id) + " (train, " + version.source + ")";
    return profile;
}

namespace {

// The project, version and split a reference names ("project:DIR:VERSION[:SPLIT]", or
// --project with --version); nullopt when it names something else.
std::optional<ReferenceArgs> projectArgs(const ReferenceArgs& given)
{
    ReferenceArgs args = given;
    if (args.reference.rfind("project:", 0) == 0)
        parseProjectText(args.reference, args);
    else if (!args.reference.empty() || args.project.empty())
        return std::nullopt;
    if (args.version <= 0)
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "--version",
                              "expected the dataset version id with --project"});
    return args;
}

}  // namespace

std::optional<ProjectSplit> projectSplit(const ReferenceArgs& given)
{
    const auto args = projectArgs(given);
    if (!args)
        return std::nullopt;
    store::Project project = openProject(args->project);
    store::DatasetRepository datasets(project);
    datasets.version(args->version);   // NotFound for a version the project lacks
    return ProjectSplit{args->project, args->version,
                        chooseSplit(datasets, args->project, args->version, args->split).id};
}

std::optional<monitor::ReferenceProfile> projectProfile(const ReferenceArgs& given,
                                                        std::size_t sampleRows)
{
    const auto args = projectArgs(given);
    if (!args)
        return std::nullopt;
    return profileFromProject(args->project, args->version, args->split, sampleRows);
}

monitor::ReferenceSample loadCliReference(const ReferenceArgs& args,
                                          const monitor::ReferenceOptions& options)
{
    if (const auto profile = projectProfile(args, options.maxValuesPerColumn)) {
        monitor::ReferenceSample ref =
            monitor::referenceFromProfile(*profile, profile->source, options.includePrediction);
        ref.kind = monitor::ReferenceKind::Dataset;
        return ref;
    }
    if (args.reference.empty())
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "--reference",
                              "expected --reference FILE or --project DIR --version N"});
    monitor::ReferenceOptions o = options;
    if (!args.label.empty())
        o.labelColumn = args.label;
    return monitor::loadReference(args.reference, o);
}

}  // namespace flightdeck::cli
