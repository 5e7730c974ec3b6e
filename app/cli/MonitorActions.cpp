// `flightdeck-cli monitor check` (alert rules over a log; exit 1 when one fires, for cron and
// CI) and `monitor simulate` (a drift demo log; with an image model's bundle, the images go
// through the model in flightdeck-cli-torch).
#include "MonitorCommands.h"
#include "ProjectReference.h"
#include "Validators.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/common/Json.h"
#include "flightdeck/monitor/AlertCheck.h"
#include "flightdeck/monitor/LogSimulator.h"

#ifdef FLIGHTDECK_CLI_TORCH
#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/data/ImageInput.h"
#include "flightdeck/serve/BundleModel.h"
#include "CliSupport.h"
#else
#include "CliCommands.h"
#endif

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <optional>
#include <iostream>
#include <algorithm>
#include <cstdlib>
#include <memory>

namespace flightdeck::cli {

namespace {

// Unix seconds of 10000-01-01: the monitor reads timestamps up to the end of 9999.
constexpr double kYear10000 = 253402300800.0;

// A file written as PATH.partial and renamed onto PATH by commit(); removed when the command
// fails before that, so a failed run neither truncates PATH nor leaves a .partial behind.
class PartialOutput {
public:
    PartialOutput(std::string path, const char* option, const char* what)
        : path_(std::move(path)), tmp_(path_ + ".partial"), option_(option)
    {
        out_.open(tmp_, std::ios::binary | std::ios::trunc);
        if (!out_)
            throw Error(ErrorInfo{ErrorCode::FileUnwritable, path_, 0, option, what});
    }
    ~PartialOutput()
    {
        if (committed_)
            return;
        out_.close();
        std::error_code ignored;
        std::filesystem::remove(tmp_, ignored);
    }
    PartialOutput(const PartialOutput&) = delete;
    PartialOutput& operator=(const PartialOutput&) = delete;

    std::ostream& stream() { return out_; }
    void commit()
    {
        out_.close();
        if (!out_)
            throw Error(ErrorInfo{ErrorCode::Io, path_, 0, option_, "writing failed"});
        std::filesystem::rename(tmp_, path_);
        committed_ = true;
    }

private:
    std::string path_, tmp_;
    const char* option_;
    std::ofstream out_;
    bool committed_ = false;
};

struct CheckArgs {
    std::string log, rules, groundTruth, calibration, calibrationTruth, calibrationMethod;
    ReferenceArgs reference;
    std::size_t maxValues = 200000;
};

struct SimulateArgs {
    ReferenceArgs source;
    std::string out, truthOut, bundle, start = "2026-11-23T00:00:00Z";
    std::vector<std::string> shifts, spikes, bursts, classShifts, imageShifts;
    monitor::SimulationOptions options;
};

[[noreturn]] void missing(const std::string& option, const std::string& what)
{
    throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, option, "required: " + what});
}

void addCheck(CLI::App* monitorCmd)
{
    auto args = std::make_shared<CheckArgs>();
    auto* check = monitorCmd->add_subcommand(
        "check", "Evaluate alert rules on a log: prints each rule's firing windows; exit 1 when "
                 "one fires, 0 when none, 2 for bad input");
    // Not ->required(): a missing argument is bad input (exit 2) with our message, where
    // CLI11's own check would exit with its code 106.
    check->add_option("log", args->log, "The log (file or folder of rotated files)");
    check->add_option("--rules", args->rules, "Rules: {\"rules\": [...]} or [...] (JSON)");
    addReferenceOptions(check, args->reference);
    check->add_option("--ground-truth", args->groundTruth, "Labels, for accuracy rules");
    check->add_option("--calibration", args->calibration,
                      "For estimated_accuracy rules (as `monitor estimate`)");
    check->add_option("--calibration-truth", args->calibrationTruth);
    check->add_option("--calibration-method", args->calibrationMethod,
                      "isotonic (default) or histogram, for a calibration log, as in estimate")
        ->check(CLI::IsMember({"isotonic", "histogram"}));
    check->add_option("--max-values", args->maxValues, "Values kept per drift column");
    check->callback([args]() {
        if (args->log.empty())
            missing("log", "the log to check");
        if (args->rules.empty())
            missing("--rules", "the rules file");
        std::ifstream in(args->rules, std::ios::binary);
        if (!in)
            throw Error(ErrorInfo{ErrorCode::FileNotFound, args->rules, 0, "--rules",
                                  "cannot read the rules file"});
        const std::string text((std::istreambuf_iterator<char>(in)), {});
        const auto rules = monitor::parseAlertRules(text, args->rules);
        monitor::AlertCheckOptions options;
        options.maxValuesPerColumn = args->maxValues;
        options.groundTruth = args->groundTruth;
        std::optional<monitor::ReferenceSample> reference;
        if (hasReference(args->reference)) {
            monitor::ReferenceOptions ro;
            ro.maxValuesPerColumn = args->maxValues;
            reference = loadCliReference(args->reference, ro);
            options.reference = &*reference;
        }
        if (!args->calibration.empty())
            options.calibration =
                loadCalibration(args->calibration, args->calibrationTruth, args->calibrationMethod);
        const monitor::AlertCheck result = monitor::checkAlerts(args->log, rules, options);
        std::cout << monitor::toJson(result) << std::endl;
        bool fired = false;
        for (const monitor::AlertResult& r : result.results) {
            if (r.firing.empty())
                continue;
            fired = true;
            std::cerr << "ALERT " << escapeControls(r.rule.name) << ": "
                      << monitor::alertMetricName(r.rule.metric)
                      << (r.rule.feature.empty() ? "" : "(" + escapeControls(r.rule.feature) + ")")
                      << " " << monitor::comparisonName(r.rule.op) << " " << r.rule.threshold
                      << " in " << r.firing.size() << " of " << r.windows << " windows, first "
                      << isoTimeUtc(r.firing.front().start) << "\n";
        }
        if (fired)
            throw CLI::RuntimeError(1);   // exit 1, nothing more printed (CLI::App::exit)
    });
}

#ifdef FLIGHTDECK_CLI_TORCH
// The train images of the version --from names, answered by the bundle's model the way
// flightdeck-serve answers {"pixels": [...]} (RecordParser: pixelsToInput, then the logged
// brightness and contrast of that input, then BundleModel::predict).
monitor::ImageSimulationSource imageSource(const SimulateArgs& args,
                                           std::shared_ptr<const serve::BundleModel> model)
{
    const auto where = projectSplit(args.source);
    if (!where)
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "--from",
                              "with --bundle, expected an image dataset version: "
                              "project:DIR:VERSION[:SPLIT]"});
    store::Project project = openProject(where->folder);
    data::DatasetCatalog catalog(project);
    if (catalog.task(where->version) != data::DatasetTask::ImageClassification)
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, where->folder, 0, "--from",
                              "dataset version " + std::to_string(where->version)
                                  + " is a table; --bundle is for image models"});
    const data::ImageSet images = catalog.loadImages(where->version);
    const data::ImageShape shape = model->info().image;
    if (shape.empty() || shape.channels != images.channels || shape.height != images.height
        || shape.width != images.width)
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, args.bundle, 0, "--bundle",
                              "the model takes " + std::to_string(shape.channels) + "x"
                                  + std::to_string(shape.height) + "x"
                                  + std::to_string(shape.width) + " images; the version's are "
                                  + std::to_string(images.channels) + "x"
                                  + std::to_string(images.height) + "x"
                                  + std::to_string(images.width)});
    monitor::ImageSimulationSource src;
    src.channels = images.channels;
    src.height = images.height;
    src.width = images.width;
    src.features = {"brightness", "contrast"};   // the server's /metadata logged_features
    for (std::uint32_t r : catalog.loadSplit(where->split).train) {
        src.pixels.insert(src.pixels.end(), images.image(r), images.image(r) + images.imageBytes());
        src.labels.push_back(images.classes.at(std::size_t(images.labels.at(r))));
    }
    src.serve = [model, shape](const std::vector<double>& pixels, std::size_t count) {
        std::vector<monitor::ServedImage> answers(count);
        std::vector<float> rows;
        rows.reserve(pixels.size());
        for (std::size_t i = 0; i < count; ++i) {
            const std::vector<double> one(pixels.begin() + std::ptrdiff_t(i * shape.values()),
                                          pixels.begin() + std::ptrdiff_t((i + 1) * shape.values()));
            const std::vector<float> input = data::pixelsToInput(one, shape);
            const data::ImageLook look = data::brightnessContrast(input.data(), input.size());
            answers[i].features = {look.brightness, look.contrast};
            rows.insert(rows.end(), input.begin(), input.end());
        }
        const auto predictions = model->predict(rows.data(), count);
        for (std::size_t i = 0; i < count; ++i) {
            answers[i].prediction = predictions[i].label;
            if (!model->info().regression)
                answers[i].confidence = predictions[i].confidence;
        }
        return answers;
    };
    return src;
}
#else
// The model runs in flightdeck-cli-torch: the same arguments, read back from the kernel.
[[noreturn]] void simulateInTorchCommands()
{
    std::ifstream in("/proc/self/cmdline", std::ios::binary);
    const std::string all((std::istreambuf_iterator<char>(in)), {});
    std::vector<std::string> words;
    for (std::size_t pos = 0; pos < all.size();) {
        const std::size_t end = std::min(all.find('\0', pos), all.size());
        words.push_back(all.substr(pos, end - pos));
        pos = end + 1;
    }
    std::vector<char*> argv;
    for (std::string& w : words)
        argv.push_back(w.data());
    argv.push_back(nullptr);
    std::exit(execTorchCommands(int(words.size()), argv.data()));
}
#endif

void addSimulate(CLI::App* monitorCmd)
{
    auto args = std::make_shared<SimulateArgs>();
    monitor::SimulationOptions& o = args->options;
    auto* sim = monitorCmd->add_subcommand(
        "simulate", "Write a prediction log (the server's JSONL format) drawn from a dataset "
                    "CSV, a profile or a project's dataset version, with shifts from given times");
    sim->add_option("--from", args->source.reference,
                    "Rows to draw: a dataset CSV, a reference_profile.json or bundle, a log, or "
                    "project:DIR:VERSION[:SPLIT]")
        ->required();
    sim->add_option("--from-label", args->source.label, "The CSV's label column");
    sim->add_option("--out", args->out, "The log to write")->required();
    sim->add_option("--truth-out", args->truthOut, "Ground truth (request_id, label) to write");
    sim->add_option("--start", args->start, "First time: ISO-8601 or Unix seconds");
    sim->add_option("--duration", o.duration, "Seconds")->check(numberIn(1, 1e9));
    sim->add_option("--rate", o.rate, "Requests per second")->check(numberIn(0, 1e6, false));
    sim->add_option("--seed", o.seed)->check(seedValidator());
    sim->add_option("--latency-ms", o.latencyMedianMs, "Median latency")
        ->check(numberIn(0, 1e7, false));
    sim->add_option("--latency-sigma", o.latencySigma, "Log-normal sigma")
        ->check(numberIn(0, 10));
    sim->add_option("--error-rate", o.errorRate, "Failures outside bursts")->check(numberIn(0, 1));
    sim->add_option("--confidence-power", o.confidencePower,
                    "Logged confidence = calibrated^power (< 1: over-confident)")
        ->check(numberIn(0, 100, false));
    sim->add_option("--shift", args->shifts,
                    "Covariate shift: feature=NAME[,add=X][,scale=X][,from=S][,until=S]");
    sim->add_option("--latency-spike", args->spikes,
                    "factor=X[,add=MS][,from=S][,until=S] (seconds after the start)");
    sim->add_option("--error-burst", args->bursts, "rate=X[,from=S][,until=S]");
    sim->add_option("--class-shift", args->classShifts, "label=CLASS,share=X[,from=S][,until=S]");
    sim->add_option("--bundle", args->bundle,
                    "An image model's bundle: --from's images (project:DIR:VERSION[:SPLIT], "
                    "an image version) are answered by its model, as flightdeck-serve would");
    sim->add_option("--image-shift", args->imageShifts,
                    "With --bundle: [brightness=LEVELS][,contrast=FACTOR][,from=S][,until=S] "
                    "(pixel levels 0..255 added; contrast around each image's mean)");
    sim->callback([args]() {
#ifndef FLIGHTDECK_CLI_TORCH
        if (!args->bundle.empty())
            simulateInTorchCommands();
#endif
        monitor::SimulationOptions options = args->options;
        if (!monitor::parseTimestamp(args->start, &options.start))
            throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "--start",
                                  "expected ISO-8601 or Unix seconds, got \"" + args->start + "\""});
        for (const auto& s : args->shifts)
            options.covariate.push_back(monitor::parseCovariateShift(s));
        for (const auto& s : args->spikes)
            options.latency.push_back(monitor::parseLatencySpike(s));
        for (const auto& s : args->bursts)
            options.errors.push_back(monitor::parseErrorBurst(s));
        for (const auto& s : args->classShifts)
            options.classes.push_back(monitor::parseClassShift(s));
        for (const auto& s : args->imageShifts)
            options.image.push_back(monitor::parseImageShift(s));
        if (!options.image.empty() && args->bundle.empty())
            throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "--image-shift",
                                  "needs --bundle (an image model) and an image dataset version"});
        monitor::SimulationSource source;
#ifdef FLIGHTDECK_CLI_TORCH
        monitor::ImageSimulationSource images;
        if (!args->bundle.empty()) {
            auto model = std::make_shared<const serve::BundleModel>(
                serve::BundleModel::load(args->bundle));
            options.model = model->info().name;
            images = imageSource(*args, std::move(model));
            source.features = images.features;
            source.labels = images.labels;
        }
#endif
        if (args->bundle.empty()) {
            monitor::ReferenceOptions ro;
            ro.maxValuesPerColumn = 0;   // whole rows
            source = monitor::SimulationSource::fromReference(loadCliReference(args->source, ro));
        }
        if (options.start < 0 || options.start + options.duration >= kYear10000)
            throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "--start",
                                  "expected a start from 1970-01-01 whose log ends before the "
                                  "year 10000, got \"" + args->start + "\""});
        // Both files are written beside their targets and renamed only when the whole log is
        // written: a reader never sees half a log, and a run that fails (a limit, an unknown
        // feature, a full disk) leaves an existing file as it was.
        PartialOutput out(args->out, "--out", "cannot write the log");
        std::optional<PartialOutput> truth;
        if (!args->truthOut.empty())
            truth.emplace(args->truthOut, "--truth-out", "cannot write the ground truth");
        std::ostream* truthStream = truth ? &truth->stream() : nullptr;
        monitor::SimulationSummary summary;
#ifdef FLIGHTDECK_CLI_TORCH
        if (!args->bundle.empty())
            summary = monitor::simulateImageLog(images, options, out.stream(), truthStream);
        else
#endif
            summary = monitor::simulateLog(source, options, out.stream(), truthStream);
        if (truth)
            truth->commit();
        out.commit();
        std::cout << nlohmann::json{{"out", args->out},
                                    {"records", summary.records},
                                    {"errors", summary.errors},
                                    {"start", isoTimeUtc(options.start)},
                                    {"end", isoTimeUtc(options.start + options.duration)},
                                    {"features", source.features},
                                    {"labels", !source.labels.empty()}}
                         .dump()
                  << "\n";
    });
}

}  // namespace

void addMonitorActions(CLI::App* monitorCmd)
{
    addCheck(monitorCmd);
    addSimulate(monitorCmd);
}

}  // namespace flightdeck::cli
