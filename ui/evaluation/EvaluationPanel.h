#pragma once
// Evaluation of the session's current run: runs core's RunEvaluator on a pool thread for the
// chosen split, then shows the stored report (accuracy, macro/weighted F1, a confusion-matrix
// heat map that can be normalized by true class, per-class precision/recall/F1/support).
// Older evaluations of the run stay reachable from a combo box. A regression run's report shows
// RMSE, MAE, R^2, MAPE and samples (RegressionView) instead.
#include "flightdeck/eval/Classification.h"
#include "flightdeck/store/Records.h"

#include <QStringList>
#include <QWidget>

#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QPushButton;
class QSplitter;

namespace flightdeck::ui {

class StatusLine;
class ConfusionMatrixView;
class MetricCard;
class PerClassTable;
class ProjectSession;
class RegressionView;
class TaskRunner;

class EvaluationPanel : public QWidget {
    Q_OBJECT
public:
    EvaluationPanel(ProjectSession* session, TaskRunner* runner, QWidget* parent = nullptr);
    ~EvaluationPanel() override;

    // Evaluates the current run on the split chosen in the combo (test by default) in the
    // background; the result is stored and shown, and evaluationsChanged is announced.
    void evaluateCurrentRun();
    // Re-reads the current run and its evaluations from the project.
    void reload();
    bool isEvaluating() const { return evaluatingRun_ > 0; }
    // What the panel's message line says ("" when it says nothing).
    QString messageText() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void render();
    void showEvaluation(int index);
    void renderReport();
    QString splitText(const QString& split) const;

    ProjectSession* session_;
    TaskRunner* runner_;

    QLabel* runLabel_ = nullptr;
    QLabel* splitLabel_ = nullptr;
    QComboBox* splitCombo_ = nullptr;
    QPushButton* evaluateButton_ = nullptr;
    StatusLine* messageLabel_ = nullptr;
    MetricCard* accuracyCard_ = nullptr;     // value label: "accuracyLabel"
    MetricCard* macroF1Card_ = nullptr;      // "macroF1Label"
    MetricCard* weightedF1Card_ = nullptr;   // "weightedF1Label"
    MetricCard* samplesCard_ = nullptr;      // "samplesLabel"
    QLabel* historyLabel_ = nullptr;
    QComboBox* evaluationCombo_ = nullptr;
    QGroupBox* matrixGroup_ = nullptr;
    QLabel* matrixCaption_ = nullptr;
    QCheckBox* normalizeCheck_ = nullptr;
    ConfusionMatrixView* matrix_ = nullptr;
    QLabel* topConfusionLabel_ = nullptr;
    QGroupBox* perClassGroup_ = nullptr;
    PerClassTable* perClass_ = nullptr;
    QSplitter* splitter_ = nullptr;
    RegressionView* regression_ = nullptr;
    bool regressionShown_ = false;   // the shown evaluation is a regression report

    std::optional<flightdeck::store::RunRecord> run_;
    std::vector<flightdeck::store::EvaluationRecord> evaluations_;
    int shown_ = -1;                                   // index into evaluations_
    std::optional<flightdeck::eval::ClassificationReport> report_;
    QStringList classNames_;
    // render() is the one place that turns these into the message line, for the run selected
    // now: an evaluation or its error about another run never reads as this run's.
    QString loadError_;        // reading the current run failed (translated)
    QString reportError_;      // the shown evaluation's report could not be read
    QString actionError_;      // the last Evaluate failed (translated) ...
    qint64 actionErrorRun_ = 0;   // ... for this run (0: no run, e.g. "Open a project first")
    qint64 evaluatingRun_ = 0;    // the run being evaluated, 0 when none
};

}  // namespace flightdeck::ui
