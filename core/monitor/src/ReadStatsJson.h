#pragma once
// Internal: ReadStats as the JSON every monitor command prints under "read".
#include "flightdeck/monitor/PredictionLog.h"

#include <nlohmann/json.hpp>

namespace flightdeck::monitor::detail {

inline nlohmann::json readStatsJson(const ReadStats& s)
{
    using nlohmann::json;
    json problems = json::array();
    for (const LineProblem& p : s.problems) {
        json j{{"line", p.line}, {"problem", p.problem}};
        if (!p.file.empty())
            j["file"] = p.file;
        problems.push_back(std::move(j));
    }
    json skippedFiles = json::array();
    for (const SkippedFile& f : s.skippedFiles)
        skippedFiles.push_back({{"file", f.file}, {"reason", f.reason}});
    return {{"lines", s.lines},         {"records", s.records},   {"skipped", s.skipped},
            {"too_long", s.tooLong},    {"out_of_order", s.outOfOrder},
            {"non_finite", s.nonFinite}, {"bytes", s.bytes},      {"files", s.files},
            {"incomplete_last_line", s.incompleteLastLine},
            {"skipped_files", std::move(skippedFiles)}, {"unread_files", s.unreadFiles},
            {"problems", std::move(problems)}};
}

}  // namespace flightdeck::monitor::detail
