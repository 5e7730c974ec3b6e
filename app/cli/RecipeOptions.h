#pragma once
// The training recipe as the command line spells it. Parsed in flightdeck-cli (which never
// links libtorch, so it holds text and numbers) and turned into a train::TrainConfig by
// flightdeck-cli-torch, whose validate() is the one place the values are checked.
#include <CLI/CLI.hpp>

#include <string>

namespace flightdeck::cli {

struct RecipeOptions {
    std::string optimizer = "adam";
    double momentum = 0.9;
    bool nesterov = false;
    double weightDecay = 0;
    bool weightDecayGiven = false;       // otherwise the optimizer's default
    std::string schedule = "constant";
    int warmupSteps = 0;
    int stepEpochs = 10;
    double gamma = 0.1;
    double minLr = 0;
    int plateauPatience = 10;
    double clipGradNorm = 0;
    std::string monitor;
    int patience = 0;
    double minDelta = 0;
    std::string classWeights = "none";
    int cropPadding = 0;
    bool flip = false;
    std::string task = "auto";
    std::string loss = "auto";
    double huberDelta = 1.0;
    bool noCheckpoints = false;
    std::int64_t resumeRun = 0;
};

inline void addRecipeOptions(CLI::App* cmd, RecipeOptions& r)
{
    cmd->add_option("--optimizer", r.optimizer, "sgd, adam or adamw");
    cmd->add_option("--momentum", r.momentum, "SGD momentum");
    cmd->add_flag("--nesterov", r.nesterov, "SGD with Nesterov momentum");
    // Given or not is its own fact: a sentinel value (once -1) made -1 and nan mean "default".
    cmd->add_option_function<double>(
        "--weight-decay",
        [&r](const double& value) {
            r.weightDecay = value;
            r.weightDecayGiven = true;
        },
        "L2 (SGD, Adam) or decoupled (AdamW), 0 to 1 (default: the optimizer's)");
    cmd->add_option("--schedule", r.schedule, "constant, step, cosine, one_cycle or plateau");
    cmd->add_option("--warmup-steps", r.warmupSteps, "linear warm-up steps before the schedule");
    cmd->add_option("--step-epochs", r.stepEpochs, "step schedule: epochs between decays");
    cmd->add_option("--gamma", r.gamma, "step schedule: decay factor");
    cmd->add_option("--min-lr", r.minLr, "cosine / plateau floor");
    cmd->add_option("--plateau-patience", r.plateauPatience, "plateau: epochs before a cut");
    cmd->add_option("--clip-grad-norm", r.clipGradNorm, "0 = off");
    cmd->add_option("--monitor", r.monitor, "val/loss, val/accuracy, val/rmse, val/mae, val/r2");
    cmd->add_option("--early-stop", r.patience, "stop after N epochs without improvement");
    cmd->add_option("--min-delta", r.minDelta, "early stopping: the smallest improvement");
    cmd->add_option("--class-weights", r.classWeights, "none or balanced");
    cmd->add_option("--augment-crop", r.cropPadding, "images: random crop after N px padding");
    cmd->add_flag("--augment-flip", r.flip, "images: random horizontal flip");
    cmd->add_option("--task", r.task, "auto, classification or regression");
    cmd->add_option("--loss", r.loss, "auto, cross_entropy, mse, l1 or huber");
    cmd->add_option("--huber-delta", r.huberDelta);
    cmd->add_flag("--no-checkpoints", r.noCheckpoints, "keep no checkpoints (no resume)");
}

}  // namespace flightdeck::cli
