// Status text follows the selection (issue 12, point 7) in the Evaluation, Monitoring and
// Labeling panels, under the offscreen platform with real projects: a message about the run,
// log or version selected before never stays once another is selected, and a result that
// arrives after the selection moved is not shown as the new selection's.
#include "common/ExportedModels.h"
#include "common/ProjectSession.h"
#include "common/TaskRunner.h"
#include "evaluation/EvaluationPanel.h"
#include "labeling/LabelingPanel.h"
#include "monitoring/DashboardWorker.h"
#include "monitoring/LoopActions.h"
#include "monitoring/MonitoringPanel.h"

#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/store/RunRepository.h"

#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace flightdeck::ui;
namespace store = flightdeck::store;

class TestGuiStatus : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void monitoringMissingLogIsNamedUntilAnotherOpens();
    void monitoringShowsNoFiguresOfTheLastLog();
    void loopFailureGoesWithTheLog();
    void evaluationErrorStaysWithItsRun();
    void lateEvaluationErrorIsNotTheNewRuns();
    void labelingResultOfAnEarlierVersionIsNotShown();
    void labelingMessageGoesWithTheProject();
    void cleanupTestCase();

private:
    QString writeLog(const QString& name, int records);
    QString recordsShown() const {
        return monitoring_->findChild<QLabel*>(QStringLiteral("recordsLabel"))->text();
    }
    QString labelingMessage() const {
        return labeling_->findChild<QLabel*>(QStringLiteral("labelingMessage"))->text();
    }
    bool open(const QString& folder) {
        QString error;
        return session_->openProject(folder, false, &error);
    }

    QTemporaryDir dir_;
    QString emptyProject_, project_;
    qint64 trainedRun_ = 0, brokenRun_ = 0, tableVersion_ = 0, imageVersion_ = 0;
    std::unique_ptr<ProjectSession> session_;
    std::unique_ptr<TaskRunner> runner_;
    std::unique_ptr<EvaluationPanel> evaluation_;
    std::unique_ptr<MonitoringPanel> monitoring_;
    std::unique_ptr<LabelingPanel> labeling_;
};

QString TestGuiStatus::writeLog(const QString& name, int records) {
    QString text;
    for (int i = 0; i < records; ++i)
        text += QStringLiteral("{\"timestamp\": %1, \"latency_ms\": 5, \"prediction\": \"low\"}\n")
                    .arg(1700000000 + i * 10);
    const QString path = dir_.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(text.toUtf8());
    return path;
}

void TestGuiStatus::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(dir_.isValid());
    emptyProject_ = dir_.filePath(QStringLiteral("empty"));
    store::Project::create(emptyProject_.toStdString());
    project_ = dir_.filePath(QStringLiteral("project"));
    {
        auto project = store::Project::create(project_.toStdString());
        flightdeck::testing::exportVersions(project, "model", 1);
        store::RunRepository runs(project);
        const auto trained = runs.runs().front();
        trainedRun_ = trained.id;
        tableVersion_ = trained.versionId;
        // A finished run without a model: evaluating it fails.
        store::RunRecord broken = trained;
        broken.name = "no model";
        broken.status = store::RunStatus::Running;
        brokenRun_ = runs.createRun(broken);
        runs.finishRun(brokenRun_, store::RunStatus::Completed);
        flightdeck::data::ImageSet images;
        images.width = images.height = 4;
        images.classes = {"ant", "bee"};
        for (int i = 0; i < 8; ++i) {
            images.names.push_back("img" + std::to_string(i) + ".png");
            images.labels.push_back(i % 2);
            for (int p = 0; p < 16; ++p)
                images.pixels.push_back(static_cast<std::uint8_t>(i * 9 + p));
        }
        imageVersion_ = flightdeck::data::DatasetCatalog(project).addImageVersion("shapes", images, "test").id;
    }
    session_ = std::make_unique<ProjectSession>();
    runner_ = std::make_unique<TaskRunner>(session_.get());
    evaluation_ = std::make_unique<EvaluationPanel>(session_.get(), runner_.get());
    monitoring_ = std::make_unique<MonitoringPanel>(session_.get(), runner_.get());
    labeling_ = std::make_unique<LabelingPanel>(session_.get(), runner_.get());
    for (QWidget* panel : std::initializer_list<QWidget*>{evaluation_.get(), monitoring_.get(), labeling_.get()}) {
        panel->resize(1000, 700);
        panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(panel));
    }
    QVERIFY(open(emptyProject_));
}

void TestGuiStatus::monitoringMissingLogIsNamedUntilAnotherOpens() {
    const QString first = writeLog(QStringLiteral("first.jsonl"), 20);
    monitoring_->openLog(first);
    QTRY_VERIFY_WITH_TIMEOUT(!monitoring_->isLoading(), 20000);
    QTRY_COMPARE(recordsShown(), QStringLiteral("20"));

    const QString missing = dir_.filePath(QStringLiteral("missing.jsonl"));
    monitoring_->openLog(missing);
    QVERIFY2(monitoring_->messageText().contains(QStringLiteral("does not exist")), qPrintable(monitoring_->messageText()));
    QCOMPARE(monitoring_->logPath(), first);   // the log shown stays open, and so do its figures
    QCOMPARE(recordsShown(), QStringLiteral("20"));
    // Any later redraw (here the worker's answer to another reference) still says it.
    monitoring_->setReference(QString());
    QTRY_VERIFY(!monitoring_->worker()->isBusy());
    QVERIFY2(monitoring_->messageText().contains(QStringLiteral("does not exist")), qPrintable(monitoring_->messageText()));

    const QString second = writeLog(QStringLiteral("second.jsonl"), 5);
    monitoring_->openLog(second);
    QTRY_VERIFY_WITH_TIMEOUT(!monitoring_->isLoading(), 20000);
    QTRY_COMPARE(recordsShown(), QStringLiteral("5"));
    QVERIFY2(!monitoring_->messageText().contains(QStringLiteral("does not exist")), qPrintable(monitoring_->messageText()));
}

void TestGuiStatus::monitoringShowsNoFiguresOfTheLastLog() {
    QCOMPARE(recordsShown(), QStringLiteral("5"));
    monitoring_->openLog(writeLog(QStringLiteral("third.jsonl"), 12));
    // While the new log is read, the cards are not the last log's.
    QCOMPARE(recordsShown(), QStringLiteral("\u2014"));
    QTRY_VERIFY_WITH_TIMEOUT(!monitoring_->isLoading(), 20000);
    QTRY_COMPARE(recordsShown(), QStringLiteral("12"));
    // Reloading the same log keeps its figures while it is read again.
    monitoring_->openLog(monitoring_->logPath());
    QCOMPARE(recordsShown(), QStringLiteral("12"));
    QTRY_VERIFY_WITH_TIMEOUT(!monitoring_->isLoading(), 20000);
}

void TestGuiStatus::loopFailureGoesWithTheLog() {
    // The empty project has no registered model: Send to labeling fails, naming why.
    LoopActions* loop = monitoring_->loopActions();
    loop->sendToLabeling();
    QTRY_VERIFY_WITH_TIMEOUT(loop->statusText().startsWith(QStringLiteral("Send to labeling failed")), 20000);
    monitoring_->openLog(writeLog(QStringLiteral("fourth.jsonl"), 3));
    QCOMPARE(loop->statusText(), QString());
    QTRY_VERIFY_WITH_TIMEOUT(!monitoring_->isLoading(), 20000);
}

void TestGuiStatus::evaluationErrorStaysWithItsRun() {
    QVERIFY(open(project_));
    session_->setCurrentRun(brokenRun_);
    evaluation_->evaluateCurrentRun();
    QVERIFY(evaluation_->messageText().startsWith(QStringLiteral("Evaluating")));
    QTRY_VERIFY_WITH_TIMEOUT(!evaluation_->isEvaluating(), 60000);
    const QString error = evaluation_->messageText();
    QVERIFY(!error.isEmpty());
    QVERIFY2(!error.startsWith(QStringLiteral("This run has no evaluation")), qPrintable(error));

    session_->setCurrentRun(trainedRun_);
    QCOMPARE(evaluation_->messageText(), QStringLiteral("This run has no evaluation yet. Choose a split and press Evaluate."));
    session_->setCurrentRun(brokenRun_);   // still this run's last outcome
    QCOMPARE(evaluation_->messageText(), error);
}

void TestGuiStatus::lateEvaluationErrorIsNotTheNewRuns() {
    session_->setCurrentRun(brokenRun_);
    evaluation_->evaluateCurrentRun();
    session_->setCurrentRun(trainedRun_);   // before the failure comes back
    const QString during = evaluation_->messageText();
    QVERIFY2(during.contains(QStringLiteral("run #%1").arg(brokenRun_)), qPrintable(during));
    QTRY_VERIFY_WITH_TIMEOUT(!evaluation_->isEvaluating(), 60000);
    QCOMPARE(evaluation_->messageText(), QStringLiteral("This run has no evaluation yet. Choose a split and press Evaluate."));
    runner_->waitForIdle();
}

void TestGuiStatus::labelingResultOfAnEarlierVersionIsNotShown() {
    QSignalSpy loaded(labeling_.get(), &LabelingPanel::versionLoaded);
    labeling_->loadVersion(imageVersion_);
    QVERIFY(loaded.wait(20000));
    labeling_->commitLabels(QStringLiteral("nothing new"));
    QTRY_VERIFY_WITH_TIMEOUT(labelingMessage().startsWith(QStringLiteral("Nothing to commit")), 20000);

    // The commit's answer may come back after the next version is loaded: not shown there.
    labeling_->commitLabels(QStringLiteral("nothing new"));
    labeling_->loadVersion(tableVersion_);
    QVERIFY(loaded.wait(20000));
    runner_->waitForIdle();
    QCoreApplication::processEvents();
    QCOMPARE(labelingMessage(), QString());
}

void TestGuiStatus::labelingMessageGoesWithTheProject() {
    QSignalSpy loaded(labeling_.get(), &LabelingPanel::versionLoaded);
    labeling_->loadVersion(imageVersion_);
    QVERIFY(loaded.wait(20000));
    labeling_->commitLabels(QStringLiteral("nothing new"));
    QTRY_VERIFY_WITH_TIMEOUT(labelingMessage().startsWith(QStringLiteral("Nothing to commit")), 20000);
    auto* title = labeling_->findChild<QLabel*>(QStringLiteral("labelingTitle"));
    QVERIFY(title->text().contains(QStringLiteral("shapes")));
    session_->closeProject();
    QCOMPARE(labelingMessage(), QString());
    QCOMPARE(title->text(), QString());
}

void TestGuiStatus::cleanupTestCase() {
    if (runner_)
        runner_->waitForIdle();
    labeling_.reset();
    monitoring_.reset();
    evaluation_.reset();
    runner_.reset();
    session_.reset();
}

QTEST_MAIN(TestGuiStatus)
#include "test_gui_status.moc"
