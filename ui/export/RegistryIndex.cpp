#include "export/RegistryIndex.h"

namespace flightdeck::ui {

namespace store = flightdeck::store;

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

}  // namespace

void RegistryIndex::read(store::ModelRegistry& registry) {
    clear();
    versions_ = registry.lineages();
    events_ = registry.history();
}

void RegistryIndex::clear() {
    versions_.clear();
    events_.clear();
}

const store::ModelLineage* RegistryIndex::byId(store::Id id) const {
    for (const auto& v : versions_)
        if (v.model.id == id)
            return &v;
    return nullptr;
}

const store::ModelLineage* RegistryIndex::holderOf(const std::string& name, const std::string& alias) const {
    for (const auto& v : versions_)
        if (v.model.name == name && v.model.alias == alias)
            return &v;
    return nullptr;
}

std::vector<store::AliasEventRecord> RegistryIndex::eventsOf(const std::string& name,
                                                             const std::string& alias) const {
    std::vector<store::AliasEventRecord> out;
    for (const auto& e : events_)
        if (e.name == name && (alias.empty() || e.alias == alias))
            out.push_back(e);
    return out;
}

QStringList RegistryIndex::aliasesOf(const std::string& name, bool withDefaults) const {
    QStringList aliases;
    if (withDefaults)
        aliases << QStringLiteral("production") << QStringLiteral("staging");
    for (const auto& v : versions_)
        if (v.model.name == name && !v.model.alias.empty() && !aliases.contains(q(v.model.alias)))
            aliases << q(v.model.alias);
    for (const auto& e : events_)
        if (e.name == name && !aliases.contains(q(e.alias)))
            aliases << q(e.alias);
    return aliases;
}

QString RegistryIndex::versionText(store::Id id) const {
    if (id == 0)
        return tr("none");
    const auto* v = byId(id);
    return v ? QStringLiteral("v%1").arg(v->model.version) : QStringLiteral("#%1").arg(id);
}

AliasDialog::Preview RegistryIndex::preview(const store::ModelLineage* s, AliasDialog::Mode mode,
                                            const QString& alias) const {
    if (!s)
        return {{}, tr("Select a version first.")};
    const std::string name = s->model.name;
    const std::string a = alias.toStdString();
    const auto* holder = holderOf(name, a);
    const QString ref = QStringLiteral("%1@%2").arg(q(name), alias);
    const QString from = holder ? QStringLiteral("v%1").arg(holder->model.version) : tr("none");
    switch (mode) {
    case AliasDialog::Mode::Promote: {
        if (holder == s)
            return {{}, tr("%1 already points at v%2.").arg(ref).arg(s->model.version)};
        QString change = tr("%1: %2 \u2192 v%3").arg(ref, from).arg(s->model.version);
        if (!s->model.alias.empty())
            change += QLatin1Char('\n') + tr("v%1 gives up its alias \u201c%2\u201d (a version holds one alias).")
                                              .arg(s->model.version)
                                              .arg(q(s->model.alias));
        return {change, {}};
    }
    case AliasDialog::Mode::Rollback: {
        const auto target = store::rollbackTarget(eventsOf(name, a));
        if (!target)
            return {{}, tr("%1 has no earlier version to roll back to.").arg(ref)};
        return {tr("%1: %2 \u2192 %3").arg(ref, from, versionText(*target)), {}};
    }
    case AliasDialog::Mode::Clear:
        if (!holder)
            return {{}, tr("No version of %1 holds \u201c%2\u201d.").arg(q(name), alias)};
        return {tr("%1: %2 \u2192 none").arg(ref, from), {}};
    }
    return {};
}

}  // namespace flightdeck::ui
