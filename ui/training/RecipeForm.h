#pragma once
// The recipe of a new run, beside TrainingForm's budget: optimizer (momentum and Nesterov for
// SGD only), weight decay, the learning-rate schedule with only its own fields, gradient
// clipping, early stopping on a validation metric that fits the task, balanced class weights,
// image augmentation (enabled for image versions only), task and loss. applyTo() writes it into
// the TrainConfig the panel starts with; problem() says what the trainer would refuse.
#include "flightdeck/train/TrainConfig.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QSpinBox;

namespace flightdeck::ui {

class StatusLine;
class ScientificSpinBox;

class RecipeForm : public QWidget {
    Q_OBJECT
public:
    explicit RecipeForm(QWidget* parent = nullptr);

    // Fills the recipe fields of `config` (the budget fields stay as they are).
    void applyTo(flightdeck::train::TrainConfig& config) const;
    // Shows the recipe fields of `config` (Experiments' "Rerun with changes").
    void setConfig(const flightdeck::train::TrainConfig& config);
    // What the current dataset version is: augmentation needs images, the monitor metrics and
    // the default loss follow the task.
    void setDataset(bool images, bool regression);
    // The budget's learning rate, which the minimum learning rate must not exceed.
    void setLearningRate(double learningRate);
    // Why the recipe cannot start a run (translated, naming the field), empty when it can.
    QString problem() const;
    void retranslateUi();
    // The task the run will have: the combo's, or the version's when it says automatic.
    bool regression() const;

Q_SIGNALS:
    void inputChanged();

private:
    void updateRows();
    void fillMonitorCombo();
    void changed();

    QFormLayout* form_;
    QComboBox* optimizerCombo_;
    QDoubleSpinBox* momentumSpin_;
    QCheckBox* nesterovCheck_;
    ScientificSpinBox* weightDecaySpin_;
    bool weightDecayTouched_ = false;   // until edited, it follows the optimizer's default
    QComboBox* scheduleCombo_;
    QSpinBox* warmupSpin_;
    QSpinBox* stepEpochsSpin_;
    QDoubleSpinBox* gammaSpin_;
    ScientificSpinBox* minLearningRateSpin_;
    QSpinBox* plateauPatienceSpin_;
    QDoubleSpinBox* clipSpin_;
    QSpinBox* patienceSpin_;
    QComboBox* monitorCombo_;
    QCheckBox* balancedCheck_;
    QSpinBox* cropSpin_;
    QCheckBox* flipCheck_;
    QComboBox* taskCombo_;
    QComboBox* lossCombo_;
    QDoubleSpinBox* huberDeltaSpin_;
    StatusLine* messageLabel_;
    bool images_ = false;
    bool datasetRegression_ = false;
    double learningRate_ = 1e-3;
};

}  // namespace flightdeck::ui
