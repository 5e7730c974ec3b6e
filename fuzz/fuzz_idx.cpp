// IDX (MNIST-style) files, plain or gzip: the input is split into an image file and a label
// file at its first byte's proportion, so both headers get mutated.
#include "FuzzInput.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/data/IdxReader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 1)
        return 0;
    const std::size_t cut = 1 + (size - 1) * data[0] / 256;
    flightdeck::fuzz::MemoryFile images(data + 1, cut - 1);
    flightdeck::fuzz::MemoryFile labels(data + cut, size - cut);
    try {
        (void)flightdeck::data::readIdxPair(images.path(), labels.path(), 1000);
    } catch (const flightdeck::Error&) {
    }
    return 0;
}
