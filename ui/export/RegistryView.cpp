#include "export/RegistryView.h"

#include "common/ErrorText.h"
#include "common/ProjectSession.h"
#include "common/RunStatusText.h"
#include "export/AliasHistoryView.h"
#include "common/TaskRunner.h"
#include "export/ExportTables.h"
#include "export/RegistryIndex.h"
#include "export/RegistryScores.h"

#include "flightdeck/store/Project.h"

#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace flightdeck::ui {

namespace store = flightdeck::store;

namespace {

// Status and Score after Alias: the earlier columns keep their places (tests, saved states).
enum VersionColumn { ColName, ColVersion, ColRun, ColAlias, ColStatus, ColScore, ColPath, ColCreated,
                     VersionColumns };

QString q(const std::string& s) { return QString::fromStdString(s); }

}  // namespace

RegistryView::RegistryView(ProjectSession* session, TaskRunner* tasks, QWidget* parent)
    : QWidget(parent), session_(session), tasks_(tasks) {
    setObjectName(QStringLiteral("registryView"));
    table_ = makeReadOnlyTable(VersionColumns, QStringLiteral("registryTable"), ColPath, this);
    lineageLabel_ = new QLabel(this);
    lineageLabel_->setObjectName(QStringLiteral("lineageLabel"));
    lineageLabel_->setWordWrap(true);
    lineageLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    promoteButton_ = new QPushButton(this);
    promoteButton_->setObjectName(QStringLiteral("promoteButton"));
    rollbackButton_ = new QPushButton(this);
    rollbackButton_->setObjectName(QStringLiteral("rollbackButton"));
    clearButton_ = new QPushButton(this);
    clearButton_->setObjectName(QStringLiteral("clearAliasButton"));
    history_ = new AliasHistoryView(this);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(promoteButton_);
    buttons->addWidget(rollbackButton_);
    buttons->addWidget(clearButton_);
    buttons->addStretch(1);
    auto* top = new QWidget(this);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(table_, 1);
    topLayout->addWidget(lineageLabel_);
    topLayout->addLayout(buttons);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("registrySplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(top);
    splitter->addWidget(history_);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(table_, &QTableWidget::itemSelectionChanged, this, &RegistryView::onSelectionChanged);
    connect(promoteButton_, &QPushButton::clicked, this, &RegistryView::promoteSelected);
    connect(rollbackButton_, &QPushButton::clicked, this, &RegistryView::rollbackSelected);
    connect(clearButton_, &QPushButton::clicked, this, &RegistryView::clearSelected);
    retranslateUi();
}

void RegistryView::retranslateUi() {
    table_->setHorizontalHeaderLabels(
        {tr("Name"), tr("Version"), tr("Run"), tr("Alias"), tr("Status"), tr("Score"), tr("Bundle"),
         tr("Created")});
    for (int row = 0; row < table_->rowCount(); ++row)
        if (const auto* v = index_.byId(table_->item(row, ColName)->data(Qt::UserRole).toLongLong()); v && v->runId)
            table_->item(row, ColStatus)->setText(RunStatusText::text(v->runStatus));
    if (!readingScores_ && session_->isOpen() && !index_.versions().empty())
        readScores();   // the score texts are sentences
    history_->retranslateUi();
    promoteButton_->setText(tr("&Promote\u2026"));
    promoteButton_->setToolTip(tr("Point an alias such as staging or production at the selected "
                                  "version; asks for the reason, which the history keeps"));
    rollbackButton_->setText(tr("Roll &back\u2026"));
    rollbackButton_->setToolTip(tr("Move an alias of this model back to the version it pointed "
                                   "at before"));
    clearButton_->setText(tr("C&lear alias\u2026"));
    clearButton_->setToolTip(tr("Remove the selected version's alias"));
    onSelectionChanged();
}

QString RegistryView::absolutePath(const std::string& bundlePath) const {
    if (bundlePath.empty() || !session_->isOpen())
        return q(bundlePath);
    return QDir::cleanPath(
        q(store::absoluteBundlePath(session_->folder().toStdString(), bundlePath).string()));
}

qint64 RegistryView::selectedModelId() const {
    const int row = table_->currentRow();
    if (row < 0 || table_->selectedItems().isEmpty() || !table_->item(row, ColName))
        return 0;
    return table_->item(row, ColName)->data(Qt::UserRole).toLongLong();
}

const store::ModelLineage* RegistryView::selected() const {
    return index_.byId(selectedModelId());
}

QString RegistryView::selectedBundlePath() const {
    const auto* s = selected();
    return s ? absolutePath(s->model.bundlePath) : QString();
}

QString RegistryView::lineageText() const {
    const auto* l = selected();
    if (!l)
        return tr("Select a version to see where it came from.");
    QStringList parts;
    parts << (l->datasetVersionId
                  ? tr("data version #%1 %2 (%3)")
                        .arg(l->datasetVersionId)
                        .arg(q(l->datasetName), q(l->datasetHash.substr(0, 12)))
                  : tr("no data version"));
    parts << (l->runId ? tr("run #%1 %2 (%3)")
                             .arg(l->runId)
                             .arg(q(l->runName), RunStatusText::text(l->runStatus))
                       : tr("no run"));
    parts << QStringLiteral("%1 v%2").arg(q(l->model.name)).arg(l->model.version);
    parts << absolutePath(l->model.bundlePath);
    return parts.join(QStringLiteral(" \u2192 "));
}

void RegistryView::reload() {
    const qint64 keep = selectAfterReload_ > 0 ? selectAfterReload_ : selectedModelId();
    selectAfterReload_ = 0;
    index_.clear();
    if (session_->isOpen()) {
        try {
            store::ModelRegistry registry(session_->project());
            index_.read(registry);
        } catch (const std::exception& e) {
            Q_EMIT message(ErrorText::fromException(e), true);
        }
    }
    QSignalBlocker blocker(table_);
    table_->clearContents();
    const auto& versions = index_.versions();
    table_->setRowCount(static_cast<int>(versions.size()));
    int selectRow = -1;
    for (int row = 0; row < static_cast<int>(versions.size()); ++row) {
        const auto& m = versions[static_cast<std::size_t>(row)].model;
        auto* name = new QTableWidgetItem(q(m.name));
        name->setData(Qt::UserRole, static_cast<qlonglong>(m.id));
        table_->setItem(row, ColName, name);
        auto* version = new QTableWidgetItem(QStringLiteral("v%1").arg(m.version));
        version->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        table_->setItem(row, ColVersion, version);
        table_->setItem(row, ColRun, new QTableWidgetItem(m.runId ? QStringLiteral("#%1").arg(m.runId)
                                                                  : QStringLiteral("\u2014")));
        auto* alias = new QTableWidgetItem(q(m.alias));
        if (!m.alias.empty()) {
            QFont bold = alias->font();
            bold.setBold(true);
            alias->setFont(bold);
            alias->setForeground(m.alias == "production" ? QColor(0x2c, 0x8a, 0x2c) : QColor(0x1f, 0x77, 0xb4));
        }
        table_->setItem(row, ColAlias, alias);
        const auto& lineage = versions[static_cast<std::size_t>(row)];
        table_->setItem(row, ColStatus, new QTableWidgetItem(lineage.runId ? RunStatusText::text(lineage.runStatus)
                                                                           : QStringLiteral("\u2014")));
        table_->setItem(row, ColScore, new QTableWidgetItem);
        auto* path = new QTableWidgetItem(absolutePath(m.bundlePath));
        path->setToolTip(path->text());
        table_->setItem(row, ColPath, path);
        table_->setItem(row, ColCreated, new QTableWidgetItem(localDateTime(m.createdAt)));
        if (m.id == keep)
            selectRow = row;
    }
    if (selectRow < 0 && keep == 0 && !versions.empty())
        selectRow = 0;   // show the newest bundle rather than an empty inspector
    if (selectRow >= 0)
        table_->selectRow(selectRow);
    blocker.unblock();   // before announcing the (possibly unchanged) selection
    onSelectionChanged();
    readScores();
}

int RegistryView::rowOf(qint64 modelId) const {
    for (int row = 0; row < table_->rowCount(); ++row)
        if (table_->item(row, ColName)->data(Qt::UserRole).toLongLong() == modelId)
            return row;
    return -1;
}

QString RegistryView::statusText(qint64 modelId) const {
    const int row = rowOf(modelId);
    return row < 0 ? QString() : table_->item(row, ColStatus)->text();
}

QString RegistryView::scoreText(qint64 modelId) const {
    const int row = rowOf(modelId);
    return row < 0 ? QString() : table_->item(row, ColScore)->text();
}

void RegistryView::readScores() {
    const int ticket = ++scoresTicket_;
    std::vector<qint64> runIds;
    for (const auto& v : index_.versions())
        runIds.push_back(v.runId);
    readingScores_ = !runIds.empty();
    if (!readingScores_)
        return;
    tasks_->run(
        tr("Reading the registry's scores"), this,
        [runIds](store::Project& project, const std::atomic<bool>&) { return RegistryScores::read(project, runIds); },
        [this, ticket](const RunScores& scores) {
            if (ticket != scoresTicket_)
                return;
            readingScores_ = false;
            for (int row = 0; row < table_->rowCount(); ++row) {
                const auto* v = index_.byId(table_->item(row, ColName)->data(Qt::UserRole).toLongLong());
                const auto found = v ? scores.find(v->runId) : scores.end();
                table_->item(row, ColScore)->setText(found != scores.end() ? RegistryScores::text(found->second)
                                                                           : QStringLiteral("\u2014"));
            }
        },
        [this, ticket](const QString& error) {
            if (ticket != scoresTicket_)
                return;
            readingScores_ = false;
            Q_EMIT message(error, true);
        });
}

void RegistryView::onSelectionChanged() {
    lineageLabel_->setText(lineageText());
    fillHistory();
    updateButtons();
    Q_EMIT selectionChanged(selectedBundlePath());
}

void RegistryView::fillHistory() {
    const auto* s = selected();
    history_->setEvents(s ? q(s->model.name) : QString(),
                   s ? index_.eventsOf(s->model.name) : std::vector<store::AliasEventRecord>(),
                   [this](store::Id id) { return index_.versionText(id); });
}

void RegistryView::updateButtons() {
    const auto* s = selected();
    const bool open = session_->isOpen() && s;
    promoteButton_->setEnabled(open);
    bool canRollBack = false;
    if (open)
        for (const QString& alias : index_.aliasesOf(s->model.name, false))
            canRollBack = canRollBack || !index_.preview(s, AliasDialog::Mode::Rollback, alias).change.isEmpty();
    rollbackButton_->setEnabled(canRollBack);
    clearButton_->setEnabled(open && !s->model.alias.empty());
}

AliasDialog* RegistryView::openDialog(AliasDialog::Mode mode) {
    const auto* s = selected();
    if (!s || !session_->isOpen())
        return nullptr;
    const std::string name = s->model.name;
    const int version = s->model.version;
    QStringList aliases = index_.aliasesOf(name, mode == AliasDialog::Mode::Promote);
    QString preselected = q(s->model.alias);
    if (mode == AliasDialog::Mode::Rollback) {
        // Only aliases that have somewhere to go back to.
        aliases.erase(std::remove_if(aliases.begin(), aliases.end(),
                                     [&](const QString& a) { return index_.preview(s, mode, a).change.isEmpty(); }),
                      aliases.end());
    } else if (mode == AliasDialog::Mode::Clear) {
        aliases = QStringList{preselected};
    } else if (preselected.isEmpty()) {
        preselected = QStringLiteral("production");
    }
    const QString subject =
        mode == AliasDialog::Mode::Promote
            ? tr("Promote %1 v%2 to an alias. Whatever serves the alias (flightdeck-serve "
                 "--project) picks it up when it next starts.")
                  .arg(q(name))
                  .arg(version)
            : tr("Move an alias of %1.").arg(q(name));
    auto* dialog = new AliasDialog(mode, subject, aliases, preselected,
                                   [this, mode](const QString& alias) { return index_.preview(selected(), mode, alias); },
                                   this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, name, version] {
        apply(dialog->mode(), name, version, dialog->alias(), dialog->reason());
    });
    dialog->open();
    return dialog;
}

AliasDialog* RegistryView::promoteSelected() {
    return openDialog(AliasDialog::Mode::Promote);
}

AliasDialog* RegistryView::rollbackSelected() {
    return openDialog(AliasDialog::Mode::Rollback);
}

AliasDialog* RegistryView::clearSelected() {
    return openDialog(AliasDialog::Mode::Clear);
}

void RegistryView::apply(AliasDialog::Mode mode, const std::string& name, int version,
                         const QString& alias, const QString& reason) {
    if (!session_->isOpen())
        return;
    try {
        store::ModelRegistry registry(session_->project());
        const std::string a = alias.toStdString(), why = reason.toStdString();
        const auto e = mode == AliasDialog::Mode::Promote    ? registry.promote(name, version, a, {}, why)
                       : mode == AliasDialog::Mode::Rollback ? registry.rollback(name, a, {}, why)
                                                             : registry.clearAlias(name, a, {}, why);
        const QString ref = QStringLiteral("%1@%2").arg(q(name), alias);
        Q_EMIT message(e.id == 0 ? tr("%1 was already there; nothing changed.").arg(ref)
                                 : tr("%1 now points at %2 (was %3).")
                                       .arg(ref,
                                            e.version > 0 ? QStringLiteral("v%1").arg(e.version) : tr("none"),
                                            e.previousVersion > 0 ? QStringLiteral("v%1").arg(e.previousVersion)
                                                                  : tr("none")),
                       false);
        selectAfterReload_ = selectedModelId();
        session_->notifyExportsChanged();   // every view of the registry reloads, this one too
    } catch (const std::exception& e) {
        Q_EMIT message(ErrorText::fromException(e), true);
    }
}

}  // namespace flightdeck::ui
