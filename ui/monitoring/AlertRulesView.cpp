#include "monitoring/AlertRulesView.h"

#include "common/NumberText.h"
#include "common/ProjectSession.h"
#include "common/TaskRunner.h"
#include "monitoring/AlertRuleDialog.h"

#include "flightdeck/store/AlertRuleRepository.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <memory>

namespace flightdeck::ui {

namespace monitor = flightdeck::monitor;

AlertRulesView::AlertRulesView(ProjectSession* session, TaskRunner* runner, QWidget* parent)
    : QWidget(parent), session_(session), runner_(runner) {
    setObjectName(QStringLiteral("alertRulesView"));
    hint_ = new QLabel(this);
    hint_->setWordWrap(true);
    tree_ = new QTreeWidget(this);
    tree_->setObjectName(QStringLiteral("alertRulesTree"));
    tree_->setColumnCount(3);
    tree_->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    tree_->header()->setStretchLastSection(true);
    add_ = new QPushButton(this);
    add_->setObjectName(QStringLiteral("addAlertRuleButton"));
    edit_ = new QPushButton(this);
    edit_->setObjectName(QStringLiteral("editAlertRuleButton"));
    delete_ = new QPushButton(this);
    delete_->setObjectName(QStringLiteral("deleteAlertRuleButton"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add_);
    buttons->addWidget(edit_);
    buttons->addWidget(delete_);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(hint_);
    layout->addWidget(tree_, 1);
    connect(add_, &QPushButton::clicked, this, &AlertRulesView::addRule);
    connect(edit_, &QPushButton::clicked, this, &AlertRulesView::editRule);
    connect(delete_, &QPushButton::clicked, this, &AlertRulesView::deleteRule);
    connect(tree_, &QTreeWidget::itemSelectionChanged, this, [this] {
        edit_->setEnabled(!selectedName().isEmpty());
        delete_->setEnabled(!selectedName().isEmpty());
    });
    connect(tree_, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        if (item->parent())
            Q_EMIT windowActivated(item->data(0, Qt::UserRole + 1).toDouble(), item->data(0, Qt::UserRole + 2).toDouble());
    });
    connect(session_, &ProjectSession::projectOpened, this, &AlertRulesView::reload);
    connect(session_, &ProjectSession::projectClosed, this, &AlertRulesView::reload);
    retranslateUi();
    reload();
}

void AlertRulesView::retranslateUi() {
    add_->setText(tr("&Add rule\u2026"));
    edit_->setText(tr("&Edit\u2026"));
    delete_->setText(tr("&Delete"));
    tree_->setHeaderLabels({tr("Rule"), tr("Condition"), tr("State")});
    fill();
}

QString AlertRulesView::selectedName() const {
    QTreeWidgetItem* item = tree_->currentItem();
    while (item && item->parent())
        item = item->parent();
    return item ? item->data(0, Qt::UserRole).toString() : QString();
}

void AlertRulesView::reload() {
    if (!session_->isOpen()) {
        rules_.clear();
        fill();
        Q_EMIT rulesChanged();
        return;
    }
    runner_->run(tr("Reading alert rules"), this,
                 [](store::Project& project, const std::atomic<bool>&) {
                     std::vector<monitor::AlertRule> rules;
                     for (const auto& record : store::AlertRuleRepository(project).list())
                         rules.push_back(monitor::parseAlertRule(record.ruleJson, record.name));
                     return rules;
                 },
                 [this](std::vector<monitor::AlertRule> rules) {
                     rules_ = std::move(rules);
                     fill();
                     Q_EMIT rulesChanged();
                 });
}

void AlertRulesView::saveRule(const monitor::AlertRule& rule, const QString& previousName) {
    const std::string json = monitor::toJson(rule);
    const std::string previous = previousName.toStdString();
    const std::string name = rule.name;
    runner_->run(tr("Saving alert rule"), this,
                 [json, previous, name](store::Project& project, const std::atomic<bool>&) {
                     store::AlertRuleRepository rules(project);
                     rules.save(json);
                     if (!previous.empty() && previous != name)
                         rules.remove(previous);
                 },
                 [this] { reload(); });
}

void AlertRulesView::addRule() {
    auto* dialog = new AlertRuleDialog(features_, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { saveRule(dialog->rule()); });
    dialog->open();
}

void AlertRulesView::editRule() {
    const QString name = selectedName();
    for (const monitor::AlertRule& rule : rules_)
        if (QString::fromStdString(rule.name) == name) {
            auto* dialog = new AlertRuleDialog(features_, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->setRule(rule);
            connect(dialog, &QDialog::accepted, this, [this, dialog, name] { saveRule(dialog->rule(), name); });
            dialog->open();
            return;
        }
}

void AlertRulesView::deleteRule() {
    const QString name = selectedName();
    if (name.isEmpty())
        return;
    auto* box = new QMessageBox(QMessageBox::Question, tr("Delete alert rule"),
                                tr("Delete the alert rule \u201c%1\u201d?").arg(name),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("deleteAlertRuleBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::accepted, this, [this, name] {
        const std::string rule = name.toStdString();
        runner_->run(tr("Deleting alert rule"), this,
                     [rule](store::Project& project, const std::atomic<bool>&) {
                         store::AlertRuleRepository(project).remove(rule);
                     },
                     [this] { reload(); });
    });
    box->open();
}

void AlertRulesView::setResults(const std::vector<AlertState>& results) {
    results_ = results;
    fill();
}

void AlertRulesView::fill() {
    const QString selected = selectedName();
    tree_->clear();
    add_->setEnabled(session_->isOpen());
    hint_->setText(session_->isOpen() ? QString()
                                      : tr("Open a project to keep alert rules; they are stored in it."));
    hint_->setVisible(!session_->isOpen());
    auto time = [](double t) { return NumberText::logTime(t); };
    for (const monitor::AlertRule& rule : rules_) {
        const AlertState* state = nullptr;
        for (const AlertState& r : results_)
            if (r.result.rule.name == rule.name)
                state = &r;
        auto* item = new QTreeWidgetItem(tree_);
        const QString name = QString::fromStdString(rule.name);
        item->setText(0, name);
        item->setData(0, Qt::UserRole, name);
        QString metric = AlertRuleDialog::metricText(rule.metric);
        if (!rule.feature.empty())
            metric += QStringLiteral(" [%1]").arg(QString::fromStdString(rule.feature));
        item->setText(1, tr("%1 %2 %3 over %n min", "", static_cast<int>(rule.windowSeconds / 60))
                             .arg(metric, QString::fromLatin1(monitor::comparisonName(rule.op)),
                                  NumberText::value(rule.threshold)));
        QString status;
        if (!rule.enabled)
            status = tr("disabled");
        else if (!state)
            status = tr("not evaluated yet");
        else if (!state->result.note.empty() && state->result.firing.empty())
            status = QString::fromStdString(state->result.note);
        else if (state->firingNow)
            status = tr("FIRING (%n window(s))", "", static_cast<int>(state->result.firing.size()));
        else if (!state->result.firing.empty())
            status = tr("fired in %n window(s), clear now", "", static_cast<int>(state->result.firing.size()));
        else
            status = tr("OK in %n window(s)", "", static_cast<int>(state->result.windows));
        item->setText(2, status);
        if (state && state->firingNow)
            for (int c = 0; c < 3; ++c)
                item->setForeground(c, QColor(0xc6, 0x28, 0x28));
        if (state)
            for (const monitor::AlertFiring& f : state->result.firing) {
                auto* child = new QTreeWidgetItem(item);
                child->setText(0, QStringLiteral("%1 \u2013 %2").arg(time(f.start), time(f.end)));
                child->setText(1, tr("value %1").arg(NumberText::metric(f.value)));
                child->setData(0, Qt::UserRole + 1, f.start);
                child->setData(0, Qt::UserRole + 2, f.end);
                child->setToolTip(0, tr("Double-click to show this window in every view"));
            }
        if (name == selected)
            tree_->setCurrentItem(item);
    }
    edit_->setEnabled(!selectedName().isEmpty());
    delete_->setEnabled(!selectedName().isEmpty());
}

}  // namespace flightdeck::ui
