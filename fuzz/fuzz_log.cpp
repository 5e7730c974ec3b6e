// Production logs: JSONL lines and CSV logs through the same reader the monitor uses,
// and the per-window aggregation on top.
#include "FuzzInput.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/monitor/LogReader.h"
#include "flightdeck/monitor/WindowAggregator.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    flightdeck::fuzz::MemoryFile file(data, size);
    using flightdeck::monitor::LogFormat;
    for (const LogFormat format : {LogFormat::Jsonl, LogFormat::Csv}) {
        flightdeck::monitor::LogReadOptions options;
        options.format = format;
        options.maxLineBytes = 1 << 16;
        flightdeck::monitor::ReadStats stats;
        try {
            // Wide windows: a year between two records is legal, and at 60 s it would be
            // 525,600 windows to fill per input, starving the fuzzer of executions. An input
            // whose length is a multiple of 8 gets day windows, which can reach the 2M-window
            // refusal (records ~5,500 years apart); the rest 30-day windows: gap-filling day
            // windows of years-long spans was half of the time (35,884 -> 63,770 executions
            // in 21 s on the same corpus, the same coverage).
            flightdeck::monitor::WindowAggregator windows(size % 8 == 0 ? 86400 : 30 * 86400);
            flightdeck::monitor::readLog(
                file.path(), options,
                [&](const flightdeck::monitor::PredictionRecord& r) {
                    try {
                        windows.add(r);
                    } catch (const flightdeck::Error&) {
                    }
                },
                stats);
            (void)windows.windows();
        } catch (const flightdeck::Error&) {
        }
    }
    return 0;
}
