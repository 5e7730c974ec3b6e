#pragma once
// `flightdeck-cli monitor ...`: summary, drift, profile, estimate (MonitorCommands.cpp), check
// and simulate (MonitorActions.cpp). Registered by registerMeasureCommands.
#include "flightdeck/monitor/PerformanceEstimate.h"

#include <CLI/CLI.hpp>

#include <string>

namespace flightdeck::cli {

void registerMonitorCommands(CLI::App& app);
void addMonitorActions(CLI::App* monitorCmd);

// --calibration: a profile (or bundle) holding one, or a log fitted against its labels.
monitor::ConfidenceCalibration loadCalibration(const std::string& file, const std::string& truth,
                                               const std::string& method);

}  // namespace flightdeck::cli
