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
#include <QPointer>
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
    QPointer<LabelingPanel> self(this);
    tasks_->run(
        tr("Committing labels"),
        [versionId, note](flightdeck::store::Project& project, const std::atomic<bool>&) {
            return QVariant::fromValue<qlonglong>(
                flightdeck::data::LabelHistory(project).commit(versionId, note).id);
        },
        [self, versionId](const QVariant& result) {
            if (!self)
                return;
            const qint64 id = result.toLongLong();
            if (id == versionId) {
                if (self->isShowing(versionId))
                    self->showMessage(tr("Nothing to commit: the labels are those of version #%1.")
                                          .arg(versionId), false);
                return;
            }
            self->showMessage(tr("Committed the labels as version #%1.").arg(id), false);
            self->session_->notifyDatasetsChanged();
            self->session_->setCurrentVersion(id);
            Q_EMIT self->committed(id);
        },
        [self, versionId](const QString& message) {
            if (self && self->isShowing(versionId))
                self->showMessage(message, true);
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
    QPointer<LabelingPanel> self(this);
    tasks_->run(
        title,
        [versionId, path, work](flightdeck::store::Project& project, const std::atomic<bool>&) {
            return QVariant::fromValue<qulonglong>(work(project, versionId, path));
        },
        [self, path, done, versionId](const QVariant& n) {
            if (self && self->isShowing(versionId))
                self->showMessage(done.arg(n.toULongLong()).arg(path), false);
        },
        [self, versionId](const QString& m) {
            if (self && self->isShowing(versionId))
                self->showMessage(m, true);
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
    QPointer<LabelingPanel> self(this);
    tasks_->run(
        tr("Importing labels"),
        [versionId, path](flightdeck::store::Project& project, const std::atomic<bool>&) {
            const auto r = flightdeck::data::importLabelsCsv(project, versionId, toPath(path));
            return QVariant(QVariantList{qulonglong(r.applied), qulonglong(r.unknownSamples.size()),
                                         r.unknownSamples.empty()
                                             ? QString()
                                             : QString::fromStdString(r.unknownSamples[0].second)});
        },
        [self, versionId](const QVariant& v) {
            if (!self || !self->isShowing(versionId))
                return;   // the labels are stored; the version is read again when chosen
            const QVariantList r = v.toList();
            QString text = tr("Applied %n label change(s).", nullptr, r[0].toInt());
            if (r[1].toULongLong() > 0)
                text += QLatin1Char(' ') + tr("%n sample(s) are not in this version and were "
                                              "left out (first: %1).", nullptr, r[1].toInt())
                                               .arg(r[2].toString());
            self->loadVersion(versionId);   // the labels changed underneath the document
            self->showMessage(text, r[1].toULongLong() > 0);
        },
        [self, versionId](const QString& m) {
            if (self && self->isShowing(versionId))
                self->showMessage(m, true);
        });
}

}  // namespace flightdeck::ui
