#include "SweepCommand.h"

#include "CliCommands.h"
#include "CliSupport.h"
#include "Validators.h"

#include "flightdeck/store/Records.h"
#include "flightdeck/store/SweepRepository.h"

#ifdef FLIGHTDECK_CLI_TORCH
#include "StopSignals.h"
#include "TrainConfigOptions.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/sweep/SweepRunner.h"

#include <nlohmann/json.hpp>
#endif

#include <iomanip>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace flightdeck::cli {

namespace {

struct SweepArgs {
    std::string project, name, objective;
    store::Id version = 0, split = 0;
    std::vector<std::int64_t> architectures;
    // The axes as typed: comma lists ("1e-3,3e-3"); the learning rate also as LOW..HIGH.
    std::string lr, batchSizes, optimizers, epochs, weightDecays;
    int randomTrials = 0;               // 0 = the grid
    std::uint64_t searchSeed = 0;
    bool searchSeedGiven = false;
    LoopOptions base;                   // the recipe every trial starts from
};

std::string scoreText(const std::optional<double>& score)
{
    if (!score)
        return "-";
    std::ostringstream out;
    out << std::fixed << std::setprecision(4) << *score;
    return out.str();
}

// `sweeps PROJECT`: one line per sweep; with --sweep ID, its trials, the best starred.
void listSweeps(const std::string& folder, store::Id only)
{
    store::Project project = openProject(folder);
    store::SweepRepository repo(project);
    if (!project.readOnly())
        for (const store::Id id : repo.markInterruptedSweeps())
            std::cout << "sweep " << id << " was left running by a process that ended: now interrupted\n";
    if (only == 0) {
        for (const store::SweepRecord& s : repo.sweeps()) {
            const auto trials = repo.trials(s.id);
            const auto best = store::bestTrial(trials, s.objective);
            std::cout << s.id << "\t" << s.name << "\t" << store::sweepKindName(s.kind) << "\t"
                      << s.status << "\t" << trials.size() << " runs\t" << s.objective;
            if (best)
                std::cout << "\tbest run " << best->runId << " " << scoreText(best->score);
            std::cout << "\n";
        }
        return;
    }
    const store::SweepRecord s = repo.sweep(only);
    std::cout << "sweep " << s.id << " " << s.name << ": " << store::sweepKindName(s.kind) << ", "
              << s.status << ", ranked by " << s.objective << "\n";
    const auto trials = repo.trials(s.id);
    const auto best = store::bestTrial(trials, s.objective);
    for (const store::SweepTrialRecord& t : trials)
        std::cout << (best && best->runId == t.runId ? "* " : "  ") << "trial " << t.trial + 1
                  << "\trun " << t.runId << "\t" << scoreText(t.score) << "\t" << t.assignmentJson << "\n";
}

#ifdef FLIGHTDECK_CLI_TORCH
std::string assignmentText(const std::string& json)
{
    std::string out;
    const auto parsed = nlohmann::ordered_json::parse(json);   // outlives items(); keeps the plan order
    for (const auto& [key, value] : parsed.items()) {
        if (key == "architecture")
            continue;   // printed as "arch N"
        out += (out.empty() ? "" : " ") + key + "=" + (value.is_string() ? value.get<std::string>() : value.dump());
    }
    return out;
}

sweep::SweepPlan planFrom(const SweepArgs& a)
{
    sweep::SweepPlan p;
    p.base = trainConfigFrom(a.base);
    p.architectures.assign(a.architectures.begin(), a.architectures.end());
    p.kind = a.randomTrials > 0 ? store::SweepKind::Random : store::SweepKind::Grid;
    p.trials = a.randomTrials;
    p.seed = a.searchSeedGiven ? a.searchSeed : a.base.seed;
    if (a.lr.find("..") != std::string::npos)
        p.learningRateRange = sweep::parseLogRange(a.lr, "learning_rate");
    else if (!a.lr.empty())
        p.learningRates = sweep::parseNumberList(a.lr, "learning_rate");
    if (!a.batchSizes.empty())
        p.batchSizes = sweep::parseIntList(a.batchSizes, "batch_size");
    if (!a.optimizers.empty())
        p.optimizers = sweep::parseOptimizerList(a.optimizers);
    if (!a.epochs.empty())
        p.epochs = sweep::parseIntList(a.epochs, "epochs");
    if (!a.weightDecays.empty())
        p.weightDecays = sweep::parseNumberList(a.weightDecays, "weight_decay");
    p.objective = a.objective;
    return p;
}

int runSweep(const SweepArgs& a)
{
    const sweep::SweepPlan plan = planFrom(a);
    sweep::validate(plan);   // before the project is opened for writing
    store::Project project = openForWriting(a.project);
    const StopSignals stop;
    sweep::SweepCallbacks callbacks;
    callbacks.cancel = stop.flag();
    int total = 0;
    std::string objective;
    callbacks.onSweepStarted = [&](store::Id sweepId, int trials) {
        total = trials;
        std::cout << "sweep " << sweepId << ": " << trials << " runs ("
                  << store::sweepKindName(plan.kind) << "), one after another\n" << std::flush;
    };
    callbacks.onTrialFinished = [&](const sweep::TrialOutcome& o) {
        std::cout << "trial " << o.trial.index + 1 << "/" << total << "  ";
        if (o.runId > 0)
            std::cout << "run " << o.runId << "  ";
        std::cout << "arch " << o.trial.architectureId << " " << assignmentText(o.trial.assignmentJson)
                  << "  " << o.status;
        if (o.score)
            std::cout << "  score " << scoreText(o.score);
        if (!o.error.empty())
            std::cout << "  (" << o.error << ")";
        std::cout << "\n" << std::flush;
    };
    const sweep::SweepResult r = sweep::SweepRunner(project).run(plan, a.version, a.split, a.name, callbacks);
    std::cout << "sweep " << r.sweepId << " " << r.status << ": " << r.outcomes.size() << " of "
              << total << " runs, ranked by " << r.objective << "\n";
    if (r.best) {
        const sweep::TrialOutcome& b = r.outcomes[*r.best];
        std::cout << "best: run " << b.runId << " (trial " << b.trial.index + 1 << ") " << r.objective
                  << " " << scoreText(b.score) << "  arch " << b.trial.architectureId << " "
                  << assignmentText(b.trial.assignmentJson) << "\n";
    } else {
        std::cout << "best: none (no run finished with a " << r.objective << ")\n";
    }
    if (StopSignals::received())
        return 128 + StopSignals::received();
    return r.status == store::RunStatus::Failed ? 1 : 0;
}
#endif

}  // namespace

void registerSweepCommand(CLI::App& app, bool* needsTorch)
{
    auto a = std::make_shared<SweepArgs>();
    a->base.epochs = 10;
    a->base.batchSize = 64;
    a->base.learningRate = 1e-3;
    auto* cmd = app.add_subcommand(
        "sweep", "Grid or random search over learning rate, batch size, optimizer, epochs, weight "
                 "decay and architecture: each trial a run of the sweep, the best printed at the end");
    cmd->add_option("project", a->project)->required();
    cmd->add_option("--version", a->version, "Dataset version id")->required();
    cmd->add_option("--split", a->split, "Split id")->required();
    cmd->add_option("--arch", a->architectures, "Architecture id (repeat to sweep over several)")
        ->required();
    cmd->add_option("--name", a->name, "Sweep name (default: sweep-<id>)");
    cmd->add_option("--objective", a->objective,
                    "The validation metric that ranks the runs (default: val/accuracy, or "
                    "val/rmse for a regression)");
    auto* random = cmd->add_option("--random", a->randomTrials,
                                   "Random search: N trials (default: the whole grid)")
                       ->check(CLI::Range(1, 1000));
    cmd->add_flag("--grid", "Grid search: every combination (the default)")->excludes(random);
    cmd->add_option("--search-seed", a->searchSeed, "Random search: the draws' seed (default: --seed)")
        ->check(seedValidator());
    // The axes: a comma list each; left out, the axis keeps the base recipe's value.
    cmd->add_option("--lr", a->lr, "Learning rates: 1e-3,3e-3 (or LOW..HIGH, log-uniform, with --random)");
    cmd->add_option("--batch-size", a->batchSizes, "Batch sizes: 32,64");
    cmd->add_option("--epochs", a->epochs, "Epoch counts: 10,20 (default 10)");
    // The rest of the recipe is the same as train's, the same for every trial.
    addRecipeOptions(cmd, a->base.recipe);
    cmd->remove_option(cmd->get_option("--optimizer"));
    cmd->remove_option(cmd->get_option("--weight-decay"));
    cmd->add_option("--optimizer", a->optimizers, "Optimizers: adam,sgd,adamw (default adam)");
    cmd->add_option("--weight-decay", a->weightDecays, "Weight decays: 0,1e-4");
    cmd->add_option("--seed", a->base.seed, "Training seed, the same for every trial")
        ->check(seedValidator());
    cmd->add_option("--threads", a->base.threads, "0 = all cores (at most the core count)");
    cmd->add_option("--device", a->base.device, "auto, cpu or cuda");
    auto listed = std::make_shared<std::pair<std::string, store::Id>>();
    auto* list = app.add_subcommand("sweeps", "List the project's sweeps, or one sweep's runs with their scores");
    list->add_option("project", listed->first)->required();
    list->add_option("--sweep", listed->second, "A sweep id: its runs, the best marked *");
    list->callback([listed] { listSweeps(listed->first, listed->second); });

    cmd->callback([a, cmd, needsTorch]() {
#ifdef FLIGHTDECK_CLI_TORCH
        (void)needsTorch;
        a->searchSeedGiven = cmd->count("--search-seed") > 0;
        const int rc = runSweep(*a);
        if (rc != 0)
            throw CLI::RuntimeError(rc);
#else
        (void)cmd;
        *needsTorch = true;
#endif
    });
}

}  // namespace flightdeck::cli
