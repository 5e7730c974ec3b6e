#pragma once
// The project's alert rules (store::AlertRuleRepository) with each rule's firing windows from
// the latest snapshot. Add / Edit open AlertRuleDialog, Delete asks first; rules are settings,
// not document edits, so there is no undo. Every store access runs on the TaskRunner: the
// rules are read once when a project opens and after each change, never polled.
#include "monitoring/DashboardSnapshot.h"

#include "flightdeck/monitor/AlertRules.h"

#include <QStringList>
#include <QWidget>

#include <vector>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace flightdeck::ui {

class ProjectSession;
class TaskRunner;

class AlertRulesView : public QWidget {
    Q_OBJECT
public:
    AlertRulesView(ProjectSession* session, TaskRunner* runner, QWidget* parent = nullptr);

    const std::vector<flightdeck::monitor::AlertRule>& rules() const { return rules_; }
    void setFeatures(const QStringList& features) { features_ = features; }
    void setResults(const std::vector<AlertState>& results);
    void reload();
    void addRule();
    void editRule();
    void deleteRule();
    // Stores `rule` (replacing `previousName` when renamed) on the TaskRunner, then reloads.
    void saveRule(const flightdeck::monitor::AlertRule& rule, const QString& previousName = {});
    void retranslateUi();

Q_SIGNALS:
    void rulesChanged();
    // A firing window was activated: show it (start, end in Unix seconds).
    void windowActivated(double start, double end);

private:
    QString selectedName() const;
    void fill();

    ProjectSession* session_;
    TaskRunner* runner_;
    QLabel* hint_;
    QTreeWidget* tree_;
    QPushButton* add_;
    QPushButton* edit_;
    QPushButton* delete_;
    QStringList features_;
    std::vector<flightdeck::monitor::AlertRule> rules_;
    std::vector<AlertState> results_;
};

}  // namespace flightdeck::ui
