#pragma once
// For two or more runs, the hyperparameters whose values differ (one column per run). A
// parameter missing from a run counts as different and shows as a dash.
#include <QString>
#include <QTableWidget>

#include <map>
#include <string>
#include <vector>

namespace flightdeck::ui {

struct RunParams {
    QString label;                                  // "#12 baseline"
    std::map<std::string, std::string> params;
};

class ParamsDiffTable : public QTableWidget {
    Q_OBJECT
public:
    explicit ParamsDiffTable(QWidget* parent = nullptr);

    void setRuns(const std::vector<RunParams>& runs);
    // Keys whose values are not all equal across `runs`, sorted.
    static std::vector<std::string> differingKeys(const std::vector<RunParams>& runs);
    int differingCount() const { return rowCount(); }

private:
    std::vector<RunParams> runs_;
};

}  // namespace flightdeck::ui
