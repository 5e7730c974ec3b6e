#pragma once
// An exported image model for the serving and monitoring suites: synthetic 8x8 shapes
// (ShapeImages.h) stored as an image version, split 70/15/15, a one-layer CNN trained for two
// epochs on one thread, and its bundle: a real image bundle in a few seconds.
#include "common/ShapeImages.h"

#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/export/BundleExporter.h"
#include "flightdeck/model/GraphSpec.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunRepository.h"
#include "flightdeck/train/Trainer.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace flightdeck::testing {

// conv 3x3 (4 channels, padding 1), ReLU, flatten: the smallest graph that takes an image.
inline std::string smallCnnGraph()
{
    return "{\"version\":2,\"nodes\":[{\"id\":\"in\",\"type\":\"input\"},"
           "{\"id\":\"c\",\"type\":\"conv2d\",\"inputs\":[\"in\"],\"out_channels\":4,"
           "\"kernel\":3,\"padding\":1},{\"id\":\"r\",\"type\":\"relu\",\"inputs\":[\"c\"]},"
           "{\"id\":\"f\",\"type\":\"flatten\",\"inputs\":[\"r\"]},"
           "{\"id\":\"out\",\"type\":\"output\",\"inputs\":[\"f\"]}]}";
}

struct ImageBundle {
    std::int64_t versionId = 0;
    std::int64_t splitId = 0;
    std::int64_t runId = 0;
    std::filesystem::path dir;
};

inline ImageBundle exportImageBundle(store::Project& project, const data::ImageSet& images,
                                     const std::string& name = "shapes")
{
    data::DatasetCatalog catalog(project);
    ImageBundle b;
    b.versionId = catalog.addImageVersion(name, images, "test").id;
    b.splitId = catalog.createSplit(b.versionId, {0.7, 0.15, 0.15}, 1).id;
    const auto g = model::GraphSpec::fromJson(smallCnnGraph());
    const auto arch = store::ArchitectureRepository(project).save("cnn", g.toJson(), g.hash());
    train::TrainConfig config;
    config.epochs = 2;
    config.threads = 1;
    b.runId = train::Trainer(project).run(b.versionId, b.splitId, arch, config).runId;
    b.dir = exporting::BundleExporter(project).exportRun(b.runId, name).bundleDir;
    return b;
}

}  // namespace flightdeck::testing
