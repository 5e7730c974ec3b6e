#pragma once
// A trained and exported bundle behind the real PredictionServer on loopback, for the serve
// suites: a small three-feature two-class table, a three-epoch run, its bundle, and a server on
// its own thread for as long as the object lives.
#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/export/BundleExporter.h"
#include "flightdeck/model/ArchitectureSpec.h"
#include "flightdeck/serve/PredictionServer.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunRepository.h"
#include "flightdeck/train/Trainer.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <random>
#include <thread>

namespace flightdeck::testing {

inline data::Table blobs()
{
    data::Table t;
    t.featureNames = {"a", "b", "c"};
    t.labelName = "kind";
    t.classes = {"x", "y"};
    std::mt19937 rng(3);
    std::normal_distribution<float> noise(0, 0.5f);
    for (int i = 0; i < 200; ++i) {
        const int c = i % 2;
        for (int f = 0; f < 3; ++f)
            t.features.push_back((c ? 1.5f : -1.5f) + noise(rng));
        t.labels.push_back(c);
    }
    return t;
}

// A served bundle for one test: the server runs on its own thread until the object goes.
struct Served {
    serve::PredictionServer server;
    std::thread thread;
    int port = 0;
    Served(const serve::BundleModel& model, serve::ServerOptions options)
        : server(model, [&] { options.port = 0; return options; }())
    {
        port = server.bind();
        thread = std::thread([this] { server.listen(); });
    }
    ~Served()
    {
        server.stop();
        thread.join();
    }
    httplib::Client client() const
    {
        httplib::Client c("127.0.0.1", port);
        c.set_read_timeout(10, 0);
        return c;
    }
};

inline nlohmann::json body(const httplib::Result& r) { return nlohmann::json::parse(r->body); }

// `table` trained for three epochs in a new project at `projectDir`, exported as "blobs".
inline std::filesystem::path exportBlobs(const std::filesystem::path& projectDir, const data::Table& table = blobs(),
                                         data::DatasetTask task = data::DatasetTask::TableClassification)
{
    auto project = store::Project::create(projectDir);
    data::DatasetCatalog catalog(project);
    const auto version = catalog.addVersion("blobs", table, "test", task);
    const auto split = catalog.createSplit(version.id, {0.7, 0.15, 0.15}, 1);
    const auto spec = model::defaultMlp();
    const auto arch = store::ArchitectureRepository(project).save(spec.name, spec.toJson(), spec.hash());
    train::TrainConfig config;
    config.epochs = 3;
    config.threads = 1;
    const auto run = train::Trainer(project).run(version.id, split.id, arch, config);
    return exporting::BundleExporter(project).exportRun(run.runId, "blobs").bundleDir;
}

}  // namespace flightdeck::testing
