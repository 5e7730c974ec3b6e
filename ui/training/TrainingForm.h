#pragma once
// The hyperparameters of a new run: epochs, batch size, learning rate, seed, threads, device
// and an optional run name.
#include "flightdeck/train/Trainer.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLineEdit;
class QSpinBox;

namespace flightdeck::ui {

class TrainingForm : public QWidget {
    Q_OBJECT
public:
    explicit TrainingForm(QWidget* parent = nullptr);

    flightdeck::train::TrainConfig config() const;
    void setThreads(int threads);
    void retranslateUi();

private:
    QFormLayout* form_;
    QLineEdit* nameEdit_;
    QSpinBox* epochsSpin_;
    QSpinBox* batchSpin_;
    QDoubleSpinBox* learningRateSpin_;
    QSpinBox* seedSpin_;
    QSpinBox* threadsSpin_;
    QComboBox* deviceCombo_;
};

}  // namespace flightdeck::ui
