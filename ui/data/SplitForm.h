#pragma once
// Seed and fractions for a new split (test = 1 - train - val) and the Create Split button.
#include "flightdeck/data/Splitter.h"

#include <QWidget>

class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace flightdeck::ui {

class SplitForm : public QWidget {
    Q_OBJECT
public:
    explicit SplitForm(QWidget* parent = nullptr);

    // False when train + val exceed 1.
    bool isValid() const;
    flightdeck::data::SplitFractions fractions() const;
    std::uint64_t seed() const;
    void retranslateUi();

Q_SIGNALS:
    void createRequested();

private:
    void updateTestFraction();

    QLabel* seedLabel_;
    QSpinBox* seedSpin_;
    QLabel* trainLabel_;
    QDoubleSpinBox* trainSpin_;
    QLabel* valLabel_;
    QDoubleSpinBox* valSpin_;
    QLabel* testLabel_;
    QPushButton* createButton_;
};

}  // namespace flightdeck::ui
