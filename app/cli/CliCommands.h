#pragma once
// The subcommands of flightdeck-cli. Each prints what it did and where the result is, returns
// a process exit code, and lets flightdeck::Error propagate to main (which prints it).
#include "RecipeOptions.h"

#include <cstdint>
#include <string>

namespace flightdeck::cli {

struct LoopOptions {
    std::string project;
    std::string csv;
    std::string label;
    std::string log;           // optional production log to summarise at the end
    int epochs = 20;
    int batchSize = 32;
    double learningRate = 1e-2;
    std::uint64_t seed = 42;
    int threads = 0;
    std::string device = "auto";
    RecipeOptions recipe;
    int nproc = 1;             // train --nproc: ranks to start on this machine
    int distTimeout = 0;       // seconds a rank waits for the others; 0 = env or 300
};

int cmdInit(const std::string& project);
int cmdInfo();
int cmdImport(const std::string& project, const std::string& csv, const std::string& name,
              const std::string& label, const std::string& task);
int cmdSplit(const std::string& project, std::int64_t versionId, double train, double val,
             double test, std::uint64_t seed);
int cmdArchitecture(const std::string& project, const std::string& specFile,
                    const std::string& templateName);
int cmdTrain(const std::string& project, std::int64_t versionId, std::int64_t splitId,
             std::int64_t architectureId, const LoopOptions& options);
int cmdEvaluate(const std::string& project, std::int64_t runId, const std::string& split);
// In the libtorch executable (ExportCommand.cpp). format: "bundle" or "triton" (the bundle,
// then a Triton model repository entry under tritonRepo, default <project>/triton).
int cmdExport(const std::string& project, std::int64_t runId, const std::string& name,
              const std::string& out, const std::string& format, const std::string& tritonRepo);
int cmdRuns(const std::string& project);
int cmdFsck(const std::string& project, bool repair);
int cmdGc(const std::string& project, double graceSeconds, bool dryRun);
int cmdLoop(const LoopOptions& options);

// Replaces this process with flightdeck-cli-torch (beside this executable) and the same
// arguments; returns only on failure (2, with the reason on stderr).
int execTorchCommands(int argc, char** argv);

}  // namespace flightdeck::cli
