#include "flightdeck/store/AlertRuleRepository.h"

#include "SqlHelpers.h"
#include "flightdeck/monitor/AlertRules.h"
#include "flightdeck/store/Project.h"

namespace flightdeck::store {

namespace {

[[noreturn]] void noSuchRule(const std::string& name)
{
    throw Error(ErrorInfo{ErrorCode::NotFound, {}, 0, "alert rule", name});
}

AlertRuleRecord readRow(const Statement& st)
{
    return {st.int64(0), st.text(1), st.text(2), st.int64(3) != 0, st.real(4)};
}

}  // namespace

AlertRuleRepository::AlertRuleRepository(Project& project) : project_(project) {}

Id AlertRuleRepository::save(const std::string& ruleJson)
{
    const monitor::AlertRule rule = monitor::parseAlertRule(ruleJson, "alert rule");
    const std::string normalized = monitor::toJson(rule);
    auto& db = project_.db();
    Transaction tx(db);
    auto existing = db.prepare("SELECT id FROM alert_rules WHERE name = ?");
    existing.bind(1, rule.name);
    Id id = 0;
    if (existing.step()) {
        id = existing.int64(0);
        db.prepare("UPDATE alert_rules SET rule_json = ?, enabled = ? WHERE id = ?")
            .bind(1, normalized)
            .bind(2, rule.enabled ? 1 : 0)
            .bind(3, id)
            .run();
    } else {
        db.prepare("INSERT INTO alert_rules (name, rule_json, enabled, created_at) "
                   "VALUES (?, ?, ?, ?)")
            .bind(1, rule.name)
            .bind(2, normalized)
            .bind(3, rule.enabled ? 1 : 0)
            .bind(4, unixTimeNow())
            .run();
        id = db.lastInsertId();
    }
    tx.commit();
    return id;
}

std::vector<AlertRuleRecord> AlertRuleRepository::list()
{
    auto st = project_.db().prepare(
        "SELECT id, name, rule_json, enabled, created_at FROM alert_rules ORDER BY id");
    std::vector<AlertRuleRecord> out;
    while (st.step())
        out.push_back(readRow(st));
    return out;
}

AlertRuleRecord AlertRuleRepository::get(const std::string& name)
{
    auto st = project_.db().prepare(
        "SELECT id, name, rule_json, enabled, created_at FROM alert_rules WHERE name = ?");
    st.bind(1, name);
    if (!st.step())
        noSuchRule(name);
    return readRow(st);
}

void AlertRuleRepository::setEnabled(const std::string& name, bool enabled)
{
    // The stored JSON says "enabled" too; both change together.
    AlertRuleRecord record = get(name);
    monitor::AlertRule rule = monitor::parseAlertRule(record.ruleJson, "alert rule " + name);
    rule.enabled = enabled;
    project_.db()
        .prepare("UPDATE alert_rules SET rule_json = ?, enabled = ? WHERE id = ?")
        .bind(1, monitor::toJson(rule))
        .bind(2, enabled ? 1 : 0)
        .bind(3, record.id)
        .run();
}

void AlertRuleRepository::remove(const std::string& name)
{
    get(name);
    project_.db().prepare("DELETE FROM alert_rules WHERE name = ?").bind(1, name).run();
}

}  // namespace flightdeck::store
