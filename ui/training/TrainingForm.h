#pragma once
// The hyperparameters of a new run: epochs, batch size, learning rate, seed, threads, device
// and an optional run name.
#include "flightdeck/train/Trainer.h"

#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace flightdeck::ui {

class StatusLine;
class ScientificSpinBox;

class TrainingForm : public QWidget {
    Q_OBJECT
public:
    explicit TrainingForm(QWidget* parent = nullptr);

    flightdeck::train::TrainConfig config() const;
    // Shows a run's budget (Experiments' "Rerun with changes"); threads are clamped to the cores.
    void setConfig(const flightdeck::train::TrainConfig& config);
    void setThreads(int threads);
    void retranslateUi();
    // Why the form cannot start a run as typed (translated), empty when it can.
    QString problem() const;
    // Takes what is typed but not yet entered (call after problem() came back empty).
    void commitInput();

Q_SIGNALS:
    // The typed input or its message changed (problem() may have changed).
    void inputChanged();

private:
    void updateLearningRateMessage();

    QFormLayout* form_;
    QLineEdit* nameEdit_;
    QSpinBox* epochsSpin_;
    QSpinBox* batchSpin_;
    ScientificSpinBox* learningRateSpin_;
    StatusLine* learningRateMessage_;
    QString refusedLearningRate_;   // the out-of-range text being typed, until Enter/leaving
    QString refusedReason_;         // shown after Qt reverted a refused text
    QSpinBox* seedSpin_;
    QSpinBox* threadsSpin_;
    QComboBox* deviceCombo_;
};

}  // namespace flightdeck::ui
