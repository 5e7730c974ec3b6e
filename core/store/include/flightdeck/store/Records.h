#pragma once
// Plain rows of the project database. Times are Unix seconds (double). JSON columns are kept as
// text here; the modules that own their meaning parse them.
#include "flightdeck/store/RunStatus.h"

#include <cstdint>
#include <optional>
#include <string>

namespace flightdeck::store {

using Id = std::int64_t;

struct DatasetRecord {
    Id id = 0;
    std::string name;
    double createdAt = 0;
};

// Immutable once written. `hash` is the SHA-256 of the version's content object (so identical
// content imported twice is the same version); `schemaJson` holds feature names, label column
// and class names as written by core/data.
struct DatasetVersionRecord {
    Id id = 0;
    Id datasetId = 0;
    std::optional<Id> parentId;
    std::string hash;
    std::string source;      // where it came from: a file path, "labeling", ...
    std::int64_t rows = 0;
    std::int64_t features = 0;
    std::string schemaJson;
    std::string note;
    double createdAt = 0;
    // "table_classification", "table_regression" or "image_classification"; core/data's
    // DatasetTask is the typed form and the one place that validates it.
    std::string task = "table_classification";
    // A second object the version needs (an image version's pixels); empty for tables.
    std::string dataHash;
};

// Who set a label: an import, a person, or a model's pre-label (pending until a person
// accepts it, which is a User event with the same class).
enum class LabelSource { Import, User, Model };

// One label change on one row of a version's working labels. The latest event per row is the
// row's current state; the version object itself never changes.
struct LabelEventRecord {
    Id id = 0;
    Id versionId = 0;
    std::int64_t row = 0;
    std::string className;   // "" = no label
    std::string previous;    // the class before this event ("" = none)
    LabelSource source = LabelSource::User;
    bool verified = false;
    double seconds = 0;      // time the person spent on the item before this label
    double createdAt = 0;
};

// A seeded split of one version; assignments live in the object `objectHash`.
struct SplitRecord {
    Id id = 0;
    Id versionId = 0;
    std::uint64_t seed = 0;
    std::string strategy;    // "stratified"
    double trainFraction = 0, valFraction = 0, testFraction = 0;
    std::int64_t trainCount = 0, valCount = 0, testCount = 0;
    std::string objectHash;
    double createdAt = 0;
};

struct ArchitectureRecord {
    Id id = 0;
    std::string name;
    std::string specJson;
    std::string specHash;    // SHA-256 of the canonical spec JSON
    double createdAt = 0;
};

struct RunRecord {
    Id id = 0;
    std::string name;
    Id versionId = 0;
    Id splitId = 0;
    Id architectureId = 0;
    RunStatus status = RunStatus::Running;
    std::string device;
    std::string blas;
    std::string appVersion;
    std::string gitCommit;
    std::string torchVersion;
    double startedAt = 0;
    std::optional<double> endedAt;
    std::string error;
};

struct MetricRecord {
    std::string key;         // "train/loss", "val/loss", "val/accuracy", ...
    std::int64_t step = 0;
    int epoch = 0;
    double wallTime = 0;
    double value = 0;
};

struct ArtifactRecord {
    Id id = 0;
    Id runId = 0;
    std::string kind;        // "model" (TorchScript), ...
    std::string objectHash;
    std::string name;
    double createdAt = 0;
};

struct EvaluationRecord {
    Id id = 0;
    Id runId = 0;
    std::string split;       // "test"
    double accuracy = 0;
    std::string reportJson;
    double createdAt = 0;
};

// A version of a named model in the registry, pointing at an exported bundle.
struct RegisteredModelRecord {
    Id id = 0;
    std::string name;
    int version = 0;
    Id runId = 0;
    std::string bundlePath;
    std::string manifestHash;
    std::string alias;       // "", "staging", "production", any name
    double createdAt = 0;
};

}  // namespace flightdeck::store
