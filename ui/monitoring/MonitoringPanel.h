#pragma once
// Monitoring: reads a JSONL production log in the background (core/monitor), then shows
// latency percentiles and request/error rates over time, totals, the first broken lines with
// their numbers, and the predicted class distribution. Works without a project. The time
// window (1 min ... 1 day, or Auto: ~50-200 windows) switches without re-reading the file.
#include "monitoring/LogAnalysis.h"

#include <QString>
#include <QWidget>

#include <atomic>
#include <memory>

class QComboBox;
class QGroupBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace flightdeck::ui {

class MetricCard;
class MonitoringCharts;
class ProjectSession;
class TaskRunner;

class MonitoringPanel : public QWidget {
    Q_OBJECT
public:
    MonitoringPanel(ProjectSession* session, TaskRunner* runner, QWidget* parent = nullptr);
    ~MonitoringPanel() override;

    // Reads `path` in the background; a read in progress for another file is abandoned.
    void openLog(const QString& path);
    // Asks for a file (non-blocking dialog) and opens it.
    void chooseAndOpenLog();
    QString logPath() const { return path_; }
    bool isLoading() const { return loading_; }
    // The analysis of the last completed read (null before one).
    std::shared_ptr<const LogAnalysis> analysis() const { return analysis_; }
    // Window width in seconds that the plots show (after Auto resolution); 0 without data.
    double windowWidth() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void render();
    void renderWindows();
    void renderClasses();
    QString widthText(int index) const;

    ProjectSession* session_;
    TaskRunner* runner_;

    QPushButton* openButton_ = nullptr;
    QPushButton* reloadButton_ = nullptr;
    QLabel* pathLabel_ = nullptr;
    QLabel* windowLabel_ = nullptr;
    QComboBox* windowCombo_ = nullptr;
    QLabel* messageLabel_ = nullptr;
    MetricCard* recordsCard_ = nullptr;
    MetricCard* skippedCard_ = nullptr;
    MetricCard* errorRateCard_ = nullptr;
    MetricCard* latencyCard_ = nullptr;
    MetricCard* spanCard_ = nullptr;
    MonitoringCharts* charts_ = nullptr;
    QGroupBox* classGroup_ = nullptr;
    QTableWidget* classTable_ = nullptr;
    QGroupBox* problemsGroup_ = nullptr;
    QListWidget* problemsList_ = nullptr;

    QString path_;
    QString error_;
    bool loading_ = false;
    std::shared_ptr<const LogAnalysis> analysis_;
    std::shared_ptr<std::atomic<bool>> stop_;   // of the read in progress
};

}  // namespace flightdeck::ui
