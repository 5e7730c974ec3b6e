#pragma once
// Sweep… (Training panel): the axes of a hyperparameter sweep over the Training form's recipe
// (learning rates, batch sizes, optimizers, epochs, weight decays as comma lists, the saved
// architectures to try), grid or seeded random search, the validation metric that ranks the
// runs; then the sweep itself on a SweepController thread: progress, each finished run with
// its score, the best in bold, Cancel. The dialog is not modal: the workbench stays usable, and
// each finished run shows up in Experiments at once. Closing it while a sweep runs cancels it.
#include "training/SweepController.h"

#include "flightdeck/sweep/SweepPlan.h"

#include <QDialog>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace flightdeck::ui {

class StatusLine;
class SweepResultsTree;
class ProjectSession;

class SweepDialog : public QDialog {
    Q_OBJECT
public:
    // `base`: the Training form's recipe; `regression` chooses the default objective.
    SweepDialog(ProjectSession* session, const flightdeck::train::TrainConfig& base,
                bool regression, QWidget* parent = nullptr);

    // The plan as typed; throws flightdeck::Error naming the field when it is not a plan.
    flightdeck::sweep::SweepPlan plan() const;
    // Empty when the plan is valid, else why not (translated).
    QString problem() const;
    SweepController* controller() const { return controller_; }
    int trialRowCount() const;
    // The row of the best trial in the results (-1 while none).
    int bestRow() const { return bestRow_; }

public Q_SLOTS:
    void startSweep();

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;
    void reject() override;

private:
    void retranslateUi();
    void say(std::function<QString()> text);
    // While a sweep runs: cancels it and closes the dialog once it has stopped.
    bool cancelBeforeClosing();
    void requestCancel();
    void updateSummary();
    void setRunning(bool running);
    void onTrialStarted(int trial, qint64 runId, const QString& assignment);
    void onTrialProgress(int trial, qint64 step, qint64 totalSteps);
    void onTrialFinished(const SweepTrialRow& row);
    void onFinished(qint64 sweepId, store::RunStatus status, int best, const QString& objective);
    void onFailed(const QString& message);

    ProjectSession* session_;
    flightdeck::train::TrainConfig base_;
    SweepController* controller_;
    QLineEdit* nameEdit_;
    QComboBox* kindCombo_;
    QSpinBox* trialsSpin_;
    QSpinBox* seedSpin_;
    QListWidget* architectureList_;
    QLineEdit* learningRateEdit_;
    QLineEdit* batchEdit_;
    QCheckBox* sgdCheck_;
    QCheckBox* adamCheck_;
    QCheckBox* adamwCheck_;
    QLineEdit* epochsEdit_;
    QLineEdit* weightDecayEdit_;
    QComboBox* objectiveCombo_;
    StatusLine* summaryLabel_;
    QProgressBar* progress_;
    QLabel* statusLabel_;
    std::function<QString()> status_;
    SweepResultsTree* results_;
    QPushButton* startButton_;
    QPushButton* cancelButton_;
    QPushButton* closeButton_;
    QList<QLabel*> labels_;   // the form's labels, retranslated in order
    int trials_ = 0, done_ = 0, currentTrial_ = -1, bestRow_ = -1;
    bool closeWhenDone_ = false;
};

}  // namespace flightdeck::ui
