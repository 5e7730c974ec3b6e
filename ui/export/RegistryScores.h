#pragma once
// What a person compares registry versions by: each version's run's latest evaluation (test
// accuracy, or RMSE for a regression) and its last validation accuracy, read for every run of
// the registry in one worker task, keyed by run id.
#include <QCoreApplication>
#include <QString>

#include <map>
#include <optional>
#include <vector>

namespace flightdeck::store { class Project; }

namespace flightdeck::ui {

struct RunScore {
    bool evaluated = false;
    bool regression = false;
    double evaluation = 0;              // accuracy (a fraction) or RMSE
    QString split;                      // the split evaluated on ("test")
    std::optional<double> valAccuracy;  // the last "val/accuracy" point
};
using RunScores = std::map<qint64, RunScore>;

class RegistryScores {
    Q_DECLARE_TR_FUNCTIONS(RegistryScores)
public:
    static RunScores read(flightdeck::store::Project& project, const std::vector<qint64>& runIds);
    // "test accuracy 93.1 %", "test RMSE 0.412", "not evaluated (val accuracy 91.0 %)".
    static QString text(const RunScore& score);
};

}  // namespace flightdeck::ui
