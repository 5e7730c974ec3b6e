#pragma once
// The experiments table: one row per run with its recipe (dataset version, architecture,
// hyperparameters) and its outcome (final validation metrics, device, timing). Sortable;
// selection survives a reload (rows are matched by run id).
#include "flightdeck/store/Records.h"

#include <QList>
#include <QString>
#include <QTableWidget>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace flightdeck::ui {

struct RunRow {
    flightdeck::store::RunRecord run;
    QString datasetHash;       // full hash; the table shows a prefix
    QString architecture;
    std::map<std::string, std::string> params;
    std::optional<double> valAccuracy, valLoss;
};

class RunsTable : public QTableWidget {
    Q_OBJECT
public:
    enum Column {
        ColId, ColName, ColStatus, ColDataset, ColArchitecture, ColEpochs, ColLearningRate,
        ColBatch, ColValAccuracy, ColValLoss, ColDevice, ColStarted, ColDuration, ColumnCount
    };

    explicit RunsTable(QWidget* parent = nullptr);

    // Replaces the rows, keeping the sort order, the selection and the current run.
    void setRows(const std::vector<RunRow>& rows);
    const std::vector<RunRow>& rows() const { return rows_; }
    // Selected run ids, in the order the rows are shown.
    QList<qint64> selectedRunIds() const;
    // Makes `runId` current and selected unless it is already selected or the table itself
    // is making it current (a click, whose selection Qt applies afterwards).
    void selectRun(qint64 runId);
    void retranslateUi();

    // Looks a parameter up under the spellings a trainer might use ("batch_size", "batchSize").
    static QString paramValue(const std::map<std::string, std::string>& params,
                              std::initializer_list<const char*> keys);

Q_SIGNALS:
    void selectedRunsChanged();
    void currentRunActivated(qint64 runId);

private:
    void fill();
    qint64 runIdAt(int row) const;
    QString durationText(double seconds) const;

    std::vector<RunRow> rows_;
    bool filling_ = false;
    bool activating_ = false;   // the table itself made a run current (a click in progress)
    bool columnsSized_ = false;
};

}  // namespace flightdeck::ui
