#pragma once
// The model registry as one reload read it: every version with its lineage and every alias
// event, and what the Export panel's registry asks of them: a version by id, who holds an
// alias, a model's aliases and events, and what an alias move would change. Plain data, so the
// questions cost no query and can be asked while a dialog types.
#include "export/AliasDialog.h"

#include "flightdeck/store/ModelRegistry.h"

#include <QCoreApplication>
#include <QStringList>

#include <string>
#include <vector>

namespace flightdeck::ui {

class RegistryIndex {
    Q_DECLARE_TR_FUNCTIONS(RegistryIndex)
public:
    // Reads every version (newest first) and every alias event; throws what the store throws.
    void read(flightdeck::store::ModelRegistry& registry);
    void clear();

    const std::vector<flightdeck::store::ModelLineage>& versions() const { return versions_; }
    const flightdeck::store::ModelLineage* byId(flightdeck::store::Id id) const;
    const flightdeck::store::ModelLineage* holderOf(const std::string& name, const std::string& alias) const;
    // A model's alias events, newest first; of one alias when `alias` is given.
    std::vector<flightdeck::store::AliasEventRecord> eventsOf(const std::string& name,
                                                              const std::string& alias = {}) const;
    // Every alias a version of `name` holds or held; production and staging first with defaults.
    QStringList aliasesOf(const std::string& name, bool withDefaults) const;
    QString versionText(flightdeck::store::Id id) const;   // "v3", or "none" for 0
    // What `mode` on `alias` would change for the version `selected`, or why it cannot.
    AliasDialog::Preview preview(const flightdeck::store::ModelLineage* selected, AliasDialog::Mode mode,
                                 const QString& alias) const;

private:
    std::vector<flightdeck::store::ModelLineage> versions_;   // newest first
    std::vector<flightdeck::store::AliasEventRecord> events_;  // every model's, newest first
};

}  // namespace flightdeck::ui
