#pragma once
// The Sweep dialog's results: one row per finished trial (its run, architecture, the values the
// plan gave it, status and score), the best in bold with a star once the sweep has ended.
#include "flightdeck/store/RunStatus.h"

#include <QTreeWidget>

#include <optional>

namespace flightdeck::ui {

struct SweepTrialRow;

class SweepResultsTree : public QTreeWidget {
    Q_OBJECT
public:
    explicit SweepResultsTree(QWidget* parent = nullptr);

    void addTrial(const SweepTrialRow& row);
    // Marks the row of the best trial; false when there is no such row.
    bool markBest(int row);
    // The best row's run id and score as shown ("#12", "0.9312"); call after markBest.
    qint64 runOf(int row) const;
    QString runText(int row) const;
    QString scoreText(int row) const;
    void retranslateUi();

private:
    enum Column { ColTrial, ColRun, ColArchitecture, ColParameters, ColStatus, ColScore, ColCount };
};

}  // namespace flightdeck::ui
