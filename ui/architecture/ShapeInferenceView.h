#pragma once
// Live shape inference: output shape and parameter count per layer (head included) and the
// total, for the input width and class count of the current dataset version. An invalid spec
// shows core's InvalidSpec message inline instead of the table.
#include "flightdeck/model/ArchitectureSpec.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace flightdeck::ui {

class StatusLine;
class ShapeInferenceView : public QWidget {
    Q_OBJECT
public:
    explicit ShapeInferenceView(QWidget* parent = nullptr);

    // `fromDataset` false = the inputs/classes are an example, not a dataset's.
    void showShapes(const flightdeck::model::ArchitectureSpec& spec, qint64 inputs, qint64 classes,
                    bool fromDataset);
    bool isValid() const { return valid_; }
    QString errorText() const;
    qint64 totalParameters() const { return total_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void refresh();

    QLabel* sourceLabel_;
    QTableWidget* table_;
    QLabel* totalLabel_;
    StatusLine* errorLabel_;
    flightdeck::model::ArchitectureSpec spec_;
    qint64 inputs_ = 4, classes_ = 3, total_ = 0;
    bool fromDataset_ = false, valid_ = true;
};

}  // namespace flightdeck::ui
