// `flightdeck-cli monitor check` (alert rules over a log; exit 1 when one fires, for cron and
// CI) and `monitor simulate` (a drift demo log).
#include "MonitorCommands.h"
#include "ProjectReference.h"
#include "Validators.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/common/Json.h"
#include "flightdeck/monitor/AlertCheck.h"
#include "flightdeck/monitor/LogSimulator.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

namespace flightdeck::cli {

namespace {

struct CheckArgs {
    std::string log, rules, groundTruth, calibration, calibrationTruth;
    ReferenceArgs reference;
    std::size_t maxValues = 200000;
};

struct SimulateArgs {
    ReferenceArgs source;
    std::string out, truthOut, start = "2026-11-23T00:00:00Z";
    std::vector<std::string> shifts, spikes, bursts, classShifts;
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
                loadCalibration(args->calibration, args->calibrationTruth, "isotonic");
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
    sim->callback([args]() {
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
        monitor::ReferenceOptions ro;
        ro.maxValuesPerColumn = 0;   // whole rows
        const auto source =
            monitor::SimulationSource::fromReference(loadCliReference(args->source, ro));
        // Written beside the target and renamed, so a reader never sees half a log.
        const std::string tmp = args->out + ".partial";
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        std::ofstream truth;
        if (!out)
            throw Error(ErrorInfo{ErrorCode::FileUnwritable, args->out, 0, "--out",
                                  "cannot write the log"});
        if (!args->truthOut.empty()) {
            truth.open(args->truthOut, std::ios::binary | std::ios::trunc);
            if (!truth)
                throw Error(ErrorInfo{ErrorCode::FileUnwritable, args->truthOut, 0,
                                      "--truth-out", "cannot write the ground truth"});
        }
        const auto summary = monitor::simulateLog(source, options, out,
                                                  args->truthOut.empty() ? nullptr : &truth);
        out.close();
        if (!out || (truth.is_open() && !truth.flush()))
            throw Error(ErrorInfo{ErrorCode::Io, args->out, 0, "--out", "writing failed"});
        std::filesystem::rename(tmp, args->out);
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
