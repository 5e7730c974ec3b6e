// LabelingPanel, part two: what keys and buttons do (labeling, moving, committing, label
// files). Kept apart from the layout in LabelingPanel.cpp.
#include "labeling/LabelingPanel.h"

#include "common/ProjectSession.h"
#include "common/Settings.h"
#include "common/TaskRunner.h"
#include "flightdeck/data/LabelFiles.h"
#include "flightdeck/data/LabelHistory.h"
#include "flightdeck/store/Project.h"
#include "labeling/ClassBar.h"
#include "labeling/LabelWriter.h"
#include "labeling/LabelingDocument.h"

#include <QFile>
#include <QFileDialog>
#include <QInputDialog>
#include <QKeyEvent>
#include <QListView>
#include <QMenu>
#include <QToolButton>
#include <QUndoStack>

#include <filesystem>

namespace flightdeck::ui {

namespace {

std::filesystem::path toPath(const QString& path)
{
    return std::filesystem::path(QFile::encodeName(path).toStdString());
}

}  // namespace

bool LabelingPanel::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == grid_ && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (handleKey(key->key(), key->modifiers(), key->text()))
            return true;
    }
    return QWidget::eventFilter(watched, event);
}

QList<int> LabelingPanel::targetRows() const
{
    QList<int> rows;
    const QModelIndexList selected = grid_->selectionModel()->selectedIndexes();
    if (selected.size() > 1)
        for (const QModelIndex& i : selected)
            rows << model_->documentRow(i.row());
    else if (currentRow() >= 0)
        rows << currentRow();
    return rows;
}

bool LabelingPanel::handleKey(int key, Qt::KeyboardModifiers modifiers, const QString& text)
{
    if (!document_->isLoaded())
        return false;
    if (modifiers & Qt::ControlModifier) {
        if (key == Qt::Key_Z) {
            (modifiers & Qt::ShiftModifier) ? document_->undoStack()->redo()
                                            : document_->undoStack()->undo();
            return true;
        }
        if (key == Qt::Key_Y) {
            document_->undoStack()->redo();
            return true;
        }
        return false;   // Ctrl+A, Ctrl+click... stay the view's
    }
    switch (key) {
    case Qt::Key_Right:
    case Qt::Key_Space:
        move(1);
        return true;
    case Qt::Key_Left:
    case Qt::Key_Backspace:
        move(-1);
        return true;
    case Qt::Key_Delete:
        if (!session_->project().readOnly())
            document_->setLabel(targetRows(), -1);
        return true;
    case Qt::Key_Return:
    case Qt::Key_Enter: {
        if (session_->project().readOnly())
            return true;
        const QList<int> rows = targetRows();
        document_->acceptPreLabels(rows);
        if (rows.size() == 1)
            move(1);
        return true;
    }
    default:
        break;
    }
    if (text.size() != 1)
        return false;
    const QChar c = text.at(0).toLower();
    if (c == QLatin1Char('v')) {
        if (session_->project().readOnly())
            return true;
        const QList<int> rows = targetRows();
        bool all = !rows.isEmpty();
        for (int r : rows)
            all = all && document_->row(r).verified;
        document_->setVerified(rows, !all);
        if (rows.size() == 1)
            move(1);
        return true;
    }
    const int classIndex = classBar_->classForKey(c);
    if (classIndex < 0)
        return false;
    labelWith(classIndex);
    return true;
}

void LabelingPanel::labelWith(int classIndex)
{
    if (!document_->isLoaded() || session_->project().readOnly())
        return;
    const QList<int> rows = targetRows();
    if (rows.isEmpty())
        return;
    const double seconds = rows.size() == 1 && shownAt_.isValid() ? shownAt_.elapsed() / 1000.0 : 0;
    if (!sessionClock_.isValid())
        sessionClock_.start();
    sessionItems_ += rows.size();
    sessionSeconds_ += seconds;
    document_->setLabel(rows, classIndex, seconds);
    if (rows.size() == 1)
        move(1);
    refreshStatus();
}

void LabelingPanel::move(int step)
{
    const QModelIndex current = grid_->currentIndex();
    const int next = (current.isValid() ? current.row() : -1) + step;
    if (next < 0 || next >= model_->rowCount())
        return;
    const QModelIndex index = model_->index(next);
    grid_->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    grid_->scrollTo(index);
}

void LabelingPanel::commitLabels(const QString& message)
{
    if (!document_->isLoaded())
        return;
    // Every edit handed to the writer lands before the commit reads the labels.
    document_->writer()->waitUntilWritten();
    const qint64 versionId = document_->versionId();
    const std::string note = message.toStdString();
    tasks_->run(
        tr("Committing labels"), this,
        [versionId, note](flightdeck::store::Project& project, const std::atomic<bool>&) {
            return flightdeck::data::LabelHistory(project).commit(versionId, note);
        },
        [this, versionId](const flightdeck::store::DatasetVersionRecord& version) {
            const qint64 id = version.id;
            if (id == versionId) {
                if (isShowing(versionId))
                    showMessage(tr("Nothing to commit: the labels are those of version #%1.").arg(versionId),
                                false);
                return;
            }
            showMessage(tr("Committed the labels as version #%1.").arg(id), false);
            session_->notifyDatasetsChanged();
            session_->setCurrentVersion(id);
            Q_EMIT committed(id);
        },
        [this, versionId](const QString& message) {
            if (isShowing(versionId))
                showMessage(message, true);
        });
}

void LabelingPanel::askCommit()
{
    if (!document_->isLoaded())
        return;
    bool ok = false;
    const QString message = QInputDialog::getText(
        this, tr("Commit labels"), tr("What changed (kept with the new version):"),
        QLineEdit::Normal, QString(), &ok);
    if (ok)
        commitLabels(message);
}

void LabelingPanel::setupMenu()
{
    auto* menu = moreButton_->menu();
    if (!menu) {
        menu = new QMenu(moreButton_);
        moreButton_->setMenu(menu);
    }
    menu->clear();
    menu->addAction(tr("Export labels as CSV…"), this, &LabelingPanel::exportCsv)
        ->setObjectName(QStringLiteral("labelingExportCsv"));
    menu->addAction(tr("Export as image folders…"), this, &LabelingPanel::exportFolder)
        ->setObjectName(QStringLiteral("labelingExportFolder"));
    menu->addAction(tr("Import labels from CSV…"), this, &LabelingPanel::importCsv)
        ->setObjectName(QStringLiteral("labelingImportCsv"));
}

void LabelingPanel::exportCsv()
{
    if (!document_->isLoaded())
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export labels"),
                                                      Settings::lastImportFolder().get(),
                                                      tr("CSV (*.csv)"));
    if (!path.isEmpty())
        runExport(tr("Exporting labels"), path, tr("Wrote %1 labels to %2."),
                  [](flightdeck::store::Project& project, qint64 version, const QString& to) {
                      return flightdeck::data::exportLabelsCsv(project, version, toPath(to));
                  });
}

void LabelingPanel::exportFolder()
{
    if (!document_->isLoaded() || !document_->data()->images)
        return;
    const QString path = QFileDialog::getExistingDirectory(this, tr("Export into a new or empty folder"),
                                                           Settings::lastImportFolder().get());
    if (!path.isEmpty())
        runExport(tr("Exporting images"), path, tr("Wrote %1 images to %2."),
                  [](flightdeck::store::Project& project, qint64 version, const QString& to) {
                      return flightdeck::data::exportImageFolder(project, version, toPath(to));
                  });
}

void LabelingPanel::runExport(const QString& title, const QString& path, const QString& done,
                              ExportWork work)
{
    // What the exporter reads from the store must include every label handed over so far.
    document_->writer()->waitUntilWritten();
    const qint64 versionId = document_->versionId();
    tasks_->run(
        title, this,
        [versionId, path, work](flightdeck::store::Project& project, const std::atomic<bool>&) {
            return work(project, versionId, path);
        },
        [this, path, done, versionId](std::size_t written) {
            if (isShowing(versionId))
                showMessage(done.arg(qulonglong(written)).arg(path), false);
        },
        [this, versionId](const QString& m) {
            if (isShowing(versionId))
                showMessage(m, true);
        });
}

void LabelingPanel::importCsv()
{
    if (!document_->isLoaded() || session_->project().readOnly())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Import labels"),
                                                      Settings::lastImportFolder().get(),
                                                      tr("CSV (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    document_->writer()->waitUntilWritten();
    const qint64 versionId = document_->versionId();
    // What an import applied, and the samples it named that the version does not have.
    struct Imported {
        int applied = 0;
        int unknown = 0;
        QString firstUnknown;
    };
    tasks_->run(
        tr("Importing labels"), this,
        [versionId, path](flightdeck::store::Project& project, const std::atomic<bool>&) {
            const auto r = flightdeck::data::importLabelsCsv(project, versionId, toPath(path));
            return Imported{int(r.applied), int(r.unknownSamples.size()),
                            r.unknownSamples.empty() ? QString()
                                                     : QString::fromStdString(r.unknownSamples[0].second)};
        },
        [this, versionId](const Imported& r) {
            if (!isShowing(versionId))
                return;   // the labels are stored; the version is read again when chosen
            QString text = tr("Applied %n label change(s).", nullptr, r.applied);
            if (r.unknown > 0)
                text += QLatin1Char(' ') + tr("%n sample(s) are not in this version and were "
                                              "left out (first: %1).", nullptr, r.unknown)
                                               .arg(r.firstUnknown);
            loadVersion(versionId);   // the labels changed underneath the document
            showMessage(text, r.unknown > 0);
        },
        [this, versionId](const QString& m) {
            if (isShowing(versionId))
                showMessage(m, true);
        });
}

}  // namespace flightdeck::ui
