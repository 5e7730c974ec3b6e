#pragma once
// The model's help in the Labeling panel: pick a trained run, predict every item on a worker
// thread, order the queue by uncertainty (least confidence, margin, entropy), find items the
// model disagrees with, and pre-label unlabeled items above a confidence threshold (marked as
// pre-labels until a person accepts them; one undo step).
#include <QWidget>

#include <memory>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;

namespace flightdeck::train { struct VersionPredictions; }

namespace flightdeck::ui {

class LabelingDocument;
class ProjectSession;
class SampleListModel;
class TaskRunner;

class ModelAssist : public QWidget {
    Q_OBJECT
public:
    ModelAssist(ProjectSession* session, TaskRunner* tasks, LabelingDocument* document,
                SampleListModel* model, QWidget* parent = nullptr);

    // Lists the runs that can predict the loaded version (on the worker) and clears old
    // predictions; called when a version is loaded.
    void reload();
    void predict(qint64 runId);                 // predictionsReady when done
    int preLabel(double threshold);             // returns the items pre-labeled
    qint64 runId() const;
    void retranslateUi();

Q_SIGNALS:
    void predictionsReady();
    void message(const QString& text, bool error);

private:
    void applyPredictions(std::shared_ptr<const flightdeck::train::VersionPredictions> p);

    ProjectSession* session_;
    TaskRunner* tasks_;
    LabelingDocument* document_;
    SampleListModel* model_;
    int ticket_ = 0;
    QLabel* runLabel_;
    QComboBox* runCombo_;
    QPushButton* predictButton_;
    QLabel* orderLabel_;
    QComboBox* orderCombo_;
    QDoubleSpinBox* threshold_;
    QPushButton* preLabelButton_;
    QLabel* summary_;
};

}  // namespace flightdeck::ui
