#pragma once
// Small synthetic image sets for training/export/serving tests: 8x8 gray images whose class is
// a bright left half, a bright top half or a bright centre, with noise on top (seeded).
#include "flightdeck/data/ImageSet.h"

#include <random>
#include <string>

namespace flightdeck::testing {

// `count` images cycling through the first `classes` (2 or 3) classes; images from index
// `labeled` on are unlabeled (-1) and belong to no split.
inline data::ImageSet shapeImages(int count, int classes = 3, int labeled = -1)
{
    data::ImageSet s;
    s.width = s.height = 8;
    s.classes = {"left", "top", "centre"};
    s.classes.resize(std::size_t(classes));
    std::mt19937 rng(5);
    std::uniform_int_distribution<int> noise(0, 60);
    for (int i = 0; i < count; ++i) {
        const int c = i % classes;
        s.names.push_back("img" + std::to_string(i) + ".png");
        s.labels.push_back(labeled < 0 || i < labeled ? c : -1);
        for (int y = 0; y < 8; ++y)
            for (int x = 0; x < 8; ++x) {
                const bool on = c == 0 ? x < 4 : c == 1 ? y < 4 : (x >= 2 && x < 6 && y >= 2 && y < 6);
                s.pixels.push_back(static_cast<std::uint8_t>((on ? 180 : 20) + noise(rng)));
            }
    }
    return s;
}

}  // namespace flightdeck::testing
