#pragma once
// Registered model versions for the registry's suites: a small deterministic two-class table,
// one one-epoch run on it, exported `versions` times as `name` (v1, v2, ...): real bundles
// (model.pt, manifest.json, ...) in a few seconds.
#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/export/BundleExporter.h"
#include "flightdeck/model/ArchitectureSpec.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunRepository.h"
#include "flightdeck/train/Trainer.h"

#include <filesystem>
#include <string>
#include <vector>

namespace flightdeck::testing {

inline std::vector<std::filesystem::path> exportVersions(store::Project& project,
                                                         const std::string& name, int versions,
                                                         const std::string& dataset = "blobs")
{
    data::Table table;
    table.featureNames = {"a", "b"};
    table.labelName = "kind";
    table.classes = {"x", "y"};
    for (int i = 0; i < 120; ++i) {
        const float side = i % 2 ? 1.5f : -1.5f;
        const float jitter = static_cast<float>((i * 37) % 11) / 11.0f - 0.5f;
        table.features.push_back(side + jitter);
        table.features.push_back(side - jitter);
        table.labels.push_back(i % 2);
    }
    data::DatasetCatalog catalog(project);
    const auto version = catalog.addVersion(dataset, table, "test");
    const auto split = catalog.createSplit(version.id, {0.7, 0.15, 0.15}, 1);
    const auto spec = model::defaultMlp();
    const auto arch =
        store::ArchitectureRepository(project).save(spec.name, spec.toJson(), spec.hash());
    train::TrainConfig config;
    config.epochs = 1;
    config.threads = 1;
    const auto run = train::Trainer(project).run(version.id, split.id, arch, config);
    std::vector<std::filesystem::path> bundles;
    for (int i = 0; i < versions; ++i)
        bundles.push_back(exporting::BundleExporter(project).exportRun(run.runId, name).bundleDir);
    return bundles;
}

}  // namespace flightdeck::testing
