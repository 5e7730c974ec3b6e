#pragma once
// The model registry: each registered_models row is one exported bundle version of a model
// name. An alias ("staging", "production", any name) names at most one version of a model;
// every move of an alias (promote, roll back, clear) is one transaction that changes
// registered_models.alias and appends a row to alias_events, the append-only history of who
// moved it, when and why.
#include "flightdeck/store/Records.h"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace flightdeck::store {

class Project;

enum class AliasAction { Promote, Rollback, Clear };
const char* aliasActionName(AliasAction action);   // "promote", "rollback", "clear"

// One row of alias_events, with the versions its ids name.
struct AliasEventRecord {
    Id id = 0;                 // 0: nothing was logged (the alias was already there)
    std::string name;          // the model name
    std::string alias;
    Id modelId = 0;            // the version the alias points at after the event; 0 after a clear
    Id previousId = 0;         // the version it pointed at before; 0 = none
    int version = 0;           // modelId's version number (0 = none)
    int previousVersion = 0;   // previousId's version number (0 = none)
    AliasAction action = AliasAction::Promote;
    std::string actor;
    std::string reason;
    double createdAt = 0;
};

// A version's data version -> run -> model version -> bundle. Ids are 0 where the chain has
// no link (a version registered without a run, a run without a dataset version).
struct ModelLineage {
    RegisteredModelRecord model;
    Id runId = 0;
    std::string runName;
    RunStatus runStatus = RunStatus::Completed;
    Id datasetVersionId = 0;
    std::string datasetName;
    std::string datasetHash;
};

// One side of a comparison: the version, its lineage and its run's final metrics (the last
// recorded value of every key).
struct ModelVersionSummary {
    ModelLineage lineage;
    std::map<std::string, double> finalMetrics;
};

struct MetricComparison {
    std::string key;
    std::optional<double> a, b;   // empty where that run did not record the key
};

struct ModelComparison {
    ModelVersionSummary a, b;
    std::vector<MetricComparison> metrics;   // every key either run recorded, sorted by key
    bool sameData() const { return a.lineage.datasetHash == b.lineage.datasetHash; }
};

// The OS user name (getpwuid of the effective uid, then $USER, then "uid N"): the actor an
// alias event records when the caller names none.
std::string currentUserName();

// A registered bundle's folder: bundle_path under the project folder when relative (how a
// bundle inside the project is stored, so a project moved or copied with its exports keeps
// working), else as stored, except that an old absolute …/exports/NAME-vN row resolves to the
// project's own exports/NAME-vN when it has one.
std::filesystem::path absoluteBundlePath(const std::filesystem::path& projectFolder,
                                         const std::string& bundlePath);
// What registerModel stores: a path inside the project relative to it, any other as given.
std::string storedBundlePath(const std::filesystem::path& projectFolder,
                             const std::string& bundlePath);

// "name@alias" split at the last '@'; InvalidArgument when either part is empty.
std::pair<std::string, std::string> parseAliasReference(const std::string& reference);

// The version a roll-back of one alias moves it to, from that alias's events newest first (as
// history() returns them): the version it pointed at before its latest move (promote or
// clear) not rolled back yet, so two roll-backs in a row go two versions back, and a
// roll-back after a clear restores the cleared version. Moves from "no version" are passed
// over. nullopt when there is no earlier version to go back to.
std::optional<Id> rollbackTarget(const std::vector<AliasEventRecord>& newestFirst);

class ModelRegistry {
public:
    explicit ModelRegistry(Project& project);
    // Next version number for `name` (1, 2, ...); returns the new row's id.
    Id registerModel(const std::string& name, Id runId, const std::string& bundlePath,
                     const std::string& manifestHash);
    std::vector<RegisteredModelRecord> models();   // newest first
    // The versions of one name, newest version first.
    std::vector<RegisteredModelRecord> versions(const std::string& name);
    RegisteredModelRecord get(Id registeredModelId);                 // NotFound if absent
    RegisteredModelRecord find(const std::string& name, int version);  // NotFound if absent

    // Points `alias` of model `name` at `version` and logs it, in one transaction. The previous
    // holder loses the alias. A version has one alias at a time (registered_models.alias), so
    // an alias the version held before is cleared, and that clear is logged too. Promoting the
    // version that already holds the alias changes and logs nothing (the result's id is 0).
    // An empty actor means currentUserName().
    AliasEventRecord promote(const std::string& name, int version, const std::string& alias,
                             const std::string& actor = {}, const std::string& reason = {});
    // Moves `alias` back to where it pointed before its latest move not undone yet (see
    // rollbackTarget), and logs it. InvalidArgument naming the alias when there is no earlier
    // version to go back to.
    AliasEventRecord rollback(const std::string& name, const std::string& alias,
                              const std::string& actor = {}, const std::string& reason = {});
    // Removes `alias` from whichever version of `name` holds it and logs it; nothing happens
    // (the result's id is 0) when no version holds it.
    AliasEventRecord clearAlias(const std::string& name, const std::string& alias,
                                const std::string& actor = {}, const std::string& reason = {});
    // Moves an alias (unique per model name) to the given registry row; "" clears the row's
    // alias. Goes through promote / clearAlias, so it is logged (actor: the OS user).
    void setAlias(Id registeredModelId, const std::string& alias);

    // Alias events newest first: of one model name (and one alias of it when given); an empty
    // name returns every model's events (one query, for a view that shows them all).
    std::vector<AliasEventRecord> history(const std::string& name = {},
                                          const std::string& alias = {});
    // The version `alias` of `name` points at; NotFound naming "name@alias" when none does.
    RegisteredModelRecord resolve(const std::string& name, const std::string& alias);
    RegisteredModelRecord resolve(const std::string& reference);   // "name@alias"
    // The deployed model, as the Monitoring panel and the loop take it: the newest version any
    // model's "production" alias points at, else the newest registered version; nullopt when
    // nothing is registered.
    std::optional<RegisteredModelRecord> deployed();

    ModelLineage lineage(Id registeredModelId);   // NotFound if absent
    std::vector<ModelLineage> lineages();         // every version, one query, newest first
    // Both versions' runs' final metrics side by side, with their dataset versions.
    ModelComparison compare(Id a, Id b);

private:
    Project& project_;
};

}  // namespace flightdeck::store
