#pragma once
// The loop's test data: three classes told apart by x and y (z is noise), and the same rows as
// a log simulator's source, so a production log can drift from exactly the training data.
#include "flightdeck/data/Table.h"
#include "flightdeck/monitor/LogSimulator.h"

#include <random>

namespace flightdeck::testing {

inline data::Table threeBlobs(int rows)
{
    data::Table t;
    t.featureNames = {"x", "y", "z"};
    t.labelName = "kind";
    t.classes = {"a", "b", "c"};
    std::mt19937 rng(7);
    std::normal_distribution<float> noise(0.0f, 0.7f);
    for (int i = 0; i < rows; ++i) {
        const int c = i % 3;
        t.features.push_back(float(c) * 2.0f + noise(rng));
        t.features.push_back(c == 1 ? 2.0f + noise(rng) : noise(rng));
        t.features.push_back(noise(rng));
        t.labels.push_back(c);
    }
    return t;
}

inline monitor::SimulationSource simulationSource(const data::Table& table)
{
    monitor::SimulationSource source;
    source.features = table.featureNames;
    source.columns.resize(table.cols());
    for (std::size_t r = 0; r < table.rows(); ++r) {
        for (std::size_t f = 0; f < table.cols(); ++f)
            source.columns[f].push_back(table.row(r)[f]);
        source.labels.push_back(table.classes[std::size_t(table.labels[r])]);
    }
    return source;
}

}  // namespace flightdeck::testing
