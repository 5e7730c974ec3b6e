#include "flightdeck/train/VersionPredictor.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/common/Json.h"
#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/model/Model.h"
#include "flightdeck/store/DatasetRepository.h"
#include "flightdeck/store/ObjectStore.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunRepository.h"

#include <algorithm>
#include <cmath>

namespace flightdeck::train {

namespace {

std::vector<std::string> classesOf(const store::DatasetVersionRecord& v)
{
    std::vector<std::string> out;
    const auto j = parseJson(v.schemaJson);
    if (j.contains("classes"))
        for (const auto& c : j["classes"])
            out.push_back(c.get<std::string>());
    return out;
}

}  // namespace

VersionPredictions predictVersion(store::Project& project, store::Id runId, store::Id versionId,
                                  const std::atomic<bool>* cancel)
{
    store::RunRepository runs(project);
    const store::RunRecord run = runs.run(runId);
    const std::string hash = runs.requireModel(runId);
    const model::Model model = model::Model::loadFromBytes(project.objects().get(hash));
    const data::Table table = data::DatasetCatalog(project).load(versionId);
    if (model.inputs() != static_cast<std::int64_t>(table.cols()))
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "run",
                              "a model for " + std::to_string(table.cols()) + " inputs; run "
                                  + std::to_string(runId) + " takes "
                                  + std::to_string(model.inputs())});
    VersionPredictions out;
    out.classes = classesOf(store::DatasetRepository(project).version(run.versionId));
    const auto k = static_cast<std::size_t>(model.classes());
    if (out.classes.size() != k)   // names unknown: number them as the model does
        for (std::size_t c = out.classes.size(); c < k; ++c)
            out.classes.push_back(std::to_string(c));
    out.classes.resize(k);
    out.rows = table.rows();
    out.probabilities.resize(out.rows * k);
    out.predicted.resize(out.rows);
    out.confidence.resize(out.rows);
    out.margin.resize(out.rows);
    out.entropy.resize(out.rows);
    // Chunks bound the logits held at once and let a cancel land quickly.
    const std::size_t chunk = std::max<std::size_t>(1, std::min<std::size_t>(4096, (1u << 24) / std::max<std::size_t>(1, k)));
    for (std::size_t first = 0; first < out.rows; first += chunk) {
        if (cancel && cancel->load())
            throw Error(ErrorInfo{ErrorCode::Cancelled, {}, 0, {}, "prediction cancelled"});
        const std::size_t n = std::min(chunk, out.rows - first);
        const std::vector<float> logits = model.logits(table.row(first), n);
        for (std::size_t i = 0; i < n; ++i) {
            const float* z = logits.data() + i * k;
            float* p = out.probabilities.data() + (first + i) * k;
            const float top = *std::max_element(z, z + k);
            double sum = 0;
            for (std::size_t c = 0; c < k; ++c)
                sum += (p[c] = std::exp(z[c] - top));
            float best = -1, second = 0;
            std::int32_t arg = 0;
            double h = 0;
            for (std::size_t c = 0; c < k; ++c) {
                p[c] = static_cast<float>(p[c] / sum);
                if (p[c] > best) {
                    second = best < 0 ? 0 : best;
                    best = p[c];
                    arg = static_cast<std::int32_t>(c);
                } else if (p[c] > second) {
                    second = p[c];
                }
                if (p[c] > 0)
                    h -= double(p[c]) * std::log(double(p[c]));
            }
            const std::size_t r = first + i;
            out.predicted[r] = arg;
            out.confidence[r] = best;
            out.margin[r] = best - second;
            out.entropy[r] = static_cast<float>(h);
        }
    }
    return out;
}

std::vector<store::RunRecord> runsThatCanPredict(store::Project& project, store::Id versionId)
{
    store::DatasetRepository datasets(project);
    const auto width = datasets.version(versionId).features;
    store::RunRepository runs(project);
    std::vector<store::RunRecord> out;
    for (const auto& run : runs.runs()) {
        if (run.status != store::RunStatus::Completed || run.versionId == 0 || runs.modelObjectHash(run.id).empty())
            continue;
        try {
            if (datasets.version(run.versionId).features == width)
                out.push_back(run);
        } catch (const Error&) {
            // a run whose version row is gone cannot say what it predicts
        }
    }
    return out;
}

}  // namespace flightdeck::train
