#pragma once
// The Experiments panel's curve overlay with its metric chooser: the list offers the selected
// runs' own metric keys (read on the runner, the preferred ones first) and the overlay draws
// the chosen one for every selected run, up to the MetricSeriesStore's kMaxRuns (the title
// says when more are selected).
#include <QGroupBox>
#include <QString>

#include <utility>
#include <vector>

class QComboBox;
class QLabel;

namespace flightdeck::ui {

class MetricOverlayPlot;
class MetricSeriesStore;
class ProjectSession;
class TaskRunner;

class MetricOverlayGroup : public QGroupBox {
    Q_OBJECT
public:
    MetricOverlayGroup(ProjectSession* session, MetricSeriesStore* store, QWidget* parent = nullptr);

    // The selected runs (id, label) in legend order; their metric keys are read again.
    void setRuns(const std::vector<std::pair<qint64, QString>>& runs);
    QString currentMetric() const;
    void setCurrentMetric(const QString& key);
    MetricOverlayPlot* overlay() const { return plot_; }
    bool isBusy() const { return pendingReads_ > 0; }
    void retranslateUi();

Q_SIGNALS:
    void metricChanged(const QString& key);
    void failed(const QString& message);

private:
    void readMetricKeys();
    void applyMetricKeys(const QStringList& present);

    ProjectSession* session_;
    TaskRunner* runner_;
    QLabel* metricLabel_;
    QComboBox* metricCombo_;
    MetricOverlayPlot* plot_;
    std::vector<std::pair<qint64, QString>> runs_;   // those drawn: at most kMaxRuns
    std::size_t selected_ = 0;
    int pendingReads_ = 0;
    quint64 keysRequest_ = 0;   // only the newest metric-key read applies
};

}  // namespace flightdeck::ui
