#pragma once
// The project's alert rules (table alert_rules): each row one rule's JSON as core/monitor's
// parser reads it (monitor/AlertRules.h), so a rule that would not evaluate is never stored.
#include "flightdeck/store/Database.h"

#include <string>
#include <vector>

namespace flightdeck::store {

class Project;

struct AlertRuleRecord {
    Id id = 0;
    std::string name;
    std::string ruleJson;   // normalized by the parser (window in seconds, every key present)
    bool enabled = true;
    double createdAt = 0;
};

class AlertRuleRepository {
public:
    explicit AlertRuleRepository(Project& project);

    // Parses and validates the rule (Error(BadValue) naming the field), then inserts it, or
    // replaces the rule of the same name keeping its id and creation time. Returns the id.
    Id save(const std::string& ruleJson);
    std::vector<AlertRuleRecord> list();            // by id
    AlertRuleRecord get(const std::string& name);   // NotFound when absent
    void setEnabled(const std::string& name, bool enabled);   // NotFound when absent
    void remove(const std::string& name);           // NotFound when absent

private:
    Project& project_;
};

}  // namespace flightdeck::store
