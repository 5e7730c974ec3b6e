#pragma once
// The Evaluation panel's per-class table: precision, recall, F1 (shaded by its value) and
// support for each class of a classification report, then their macro averages in bold.
#include "flightdeck/eval/Classification.h"

#include <QStringList>
#include <QTableWidget>

namespace flightdeck::ui {

class PerClassTable : public QTableWidget {
    Q_OBJECT
public:
    explicit PerClassTable(QWidget* parent = nullptr);

    // `classNames` by class index; a class without a name is shown as "class N".
    void setReport(const flightdeck::eval::ClassificationReport& report, const QStringList& classNames);
    void clearReport();
    void retranslateUi();
};

}  // namespace flightdeck::ui
