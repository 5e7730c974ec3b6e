#pragma once
// The Labeling dock: a virtualized thumbnail grid over a dataset version (or its table rows),
// the large view of the current item, the class bar and progress. Keyboard first: a class key
// labels the current item and shows the next, Left/Right move, V marks verified, Delete
// removes a label, Enter accepts a model's pre-label; with several items selected a key
// labels them all at once. Every action is one undo step and is saved as it is made.
#include "labeling/SampleListModel.h"

#include <QElapsedTimer>

#include <functional>
#include <QWidget>

class QComboBox;
class QLabel;
class QListView;
class QPushButton;
class QSlider;
class QToolButton;
class QUndoStack;

namespace flightdeck::store { class Project; }

namespace flightdeck::ui {

class StatusLine;
class ClassBar;
class LabelingDocument;
class ModelAssist;
class ProjectSession;
class SampleView;
class TaskRunner;
class ThumbnailCache;

class LabelingPanel : public QWidget {
    Q_OBJECT
public:
    LabelingPanel(ProjectSession* session, TaskRunner* tasks, QWidget* parent = nullptr);
    ~LabelingPanel() override;

    LabelingDocument* document() const { return document_; }
    QUndoStack* undoStack() const;
    QListView* grid() const { return grid_; }
    SampleListModel* model() const { return model_; }
    ClassBar* classBar() const { return classBar_; }
    SampleView* sampleView() const { return view_; }
    ModelAssist* modelAssist() const { return assist_; }

    // Loads a version off the GUI thread (versionLoaded when ready).
    void loadVersion(qint64 versionId);
    int currentRow() const;                 // document row, -1 for none
    void setCurrentRow(int documentRow);
    void setFilter(SampleFilter filter, int classIndex = -1);
    // The key handling the grid uses; true when the key did something.
    bool handleKey(int key, Qt::KeyboardModifiers modifiers, const QString& text);
    void commitLabels(const QString& message);
    QString statusText() const;

Q_SIGNALS:
    void versionLoaded(qint64 versionId);
    void committed(qint64 newVersionId);
    void failed(const QString& message);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void retranslateUi();
    void setupMenu();
    void onCurrentVersionChanged(qint64 versionId);
    void onCurrentChanged();
    void refreshFilters();
    void refreshStatus();
    void labelWith(int classIndex);
    void move(int step);
    QList<int> targetRows() const;
    void askCommit();
    void exportCsv();
    void exportFolder();
    using ExportWork = std::function<std::size_t(flightdeck::store::Project&, qint64, const QString&)>;
    void runExport(const QString& title, const QString& path, const QString& done, ExportWork work);
    void importCsv();
    void showMessage(const QString& text, bool error);
    // The result of work on `versionId` is shown only while that version is the one labeled:
    // the user may have moved on while it ran.
    bool isShowing(qint64 versionId) const;

    ProjectSession* session_;
    TaskRunner* tasks_;
    LabelingDocument* document_;
    ThumbnailCache* thumbnails_;
    SampleListModel* model_;
    qint64 wantedVersion_ = 0;
    int loadTicket_ = 0;
    QElapsedTimer shownAt_;       // how long the current item has been in front of the user
    QElapsedTimer sessionClock_;  // since the first label of this session
    qint64 sessionItems_ = 0;
    double sessionSeconds_ = 0;

    QLabel* titleLabel_;
    QComboBox* filterCombo_;
    QPushButton* refreshButton_;
    QSlider* sizeSlider_;
    QPushButton* undoButton_;
    QPushButton* redoButton_;
    QPushButton* commitButton_;
    QToolButton* moreButton_;
    QListView* grid_;
    SampleView* view_;
    ClassBar* classBar_;
    ModelAssist* assist_;
    QLabel* statusLabel_;
    QLabel* helpLabel_;
    StatusLine* messageLabel_;
};

}  // namespace flightdeck::ui
