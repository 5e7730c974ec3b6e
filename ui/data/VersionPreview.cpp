#include "data/VersionPreview.h"

#include "common/NumberText.h"
#include "common/ProjectSession.h"
#include "common/TaskRunner.h"
#include "data/ClassCountsTable.h"
#include "data/DatasetPreview.h"
#include "data/PreviewModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>

namespace flightdeck::ui {

VersionPreview::VersionPreview(ProjectSession* session, TaskRunner* tasks, QLabel* label, QTableView* table,
                               ClassCountsTable* counts, QObject* parent)
    : QObject(parent),
      session_(session),
      tasks_(tasks),
      label_(label),
      table_(table),
      counts_(counts),
      model_(new PreviewModel(this))
{
    table_->setModel(model_);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->horizontalHeader()->setDefaultSectionSize(80);
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 8);
}

void VersionPreview::load(qint64 versionId)
{
    const int ticket = ++ticket_;
    clear();
    if (versionId <= 0 || !session_->isOpen())
        return;
    label_->setText(tr("Loading version #%1…").arg(versionId));
    tasks_->run(
        tr("Loading preview"), this,
        [versionId](flightdeck::store::Project& project, const std::atomic<bool>&) {
            return DatasetPreview::load(project, versionId, kRows);
        },
        [this, ticket](const DatasetPreview& preview) {
            if (ticket == ticket_)
                show(preview);
        },
        [this, ticket](const QString& message) {
            if (ticket == ticket_) {
                label_->clear();
                Q_EMIT failed(tr("Could not load the preview: %1").arg(message));
            }
        });
}

void VersionPreview::show(const DatasetPreview& preview)
{
    model_->setPreview(preview);
    const QString shown = NumberText::count(static_cast<qint64>(preview.rows.size()));
    const QString total = NumberText::count(preview.totalRows);
    label_->setText(preview.regression
                        ? tr("Version #%1: first %2 of %3 rows, a regression target")
                              .arg(preview.versionId)
                              .arg(shown, total)
                        : tr("Version #%1: first %2 of %3 rows, %4 classes")
                              .arg(preview.versionId)
                              .arg(shown, total)
                              .arg(NumberText::count(qint64(preview.classCounts.size()))));
    if (preview.headers.size() <= 8)   // image names and short tables: no wrapped cells
        table_->resizeColumnsToContents();
    counts_->setCounts(preview.classCounts, preview.totalRows, preview.unlabeled);
}

void VersionPreview::clear()
{
    model_->clear();
    counts_->clearCounts();
    label_->setText(session_->isOpen() ? tr("Select a dataset version to preview it.")
                                       : tr("Open or create a project to import data."));
}

void VersionPreview::retranslateUi()
{
    if (model_->rowCount() == 0)
        clear();
    else
        model_->relocalize();
}

}  // namespace flightdeck::ui
