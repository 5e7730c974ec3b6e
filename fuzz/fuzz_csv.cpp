// CSV/TSV import: any bytes give a Table or a flightdeck::Error, never a crash or a hang.
#include "FuzzInput.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/data/CsvImporter.h"
#include "flightdeck/data/LabelAssessment.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    flightdeck::fuzz::MemoryFile file(data, size);
    for (const char delimiter : {',', '\t'}) {
        flightdeck::data::CsvOptions options;
        options.delimiter = delimiter;
        try {
            const auto table = flightdeck::data::importCsv(file.path(), options);
            (void)flightdeck::data::assessLabels(table);
        } catch (const flightdeck::Error&) {
        }
    }
    return 0;
}
