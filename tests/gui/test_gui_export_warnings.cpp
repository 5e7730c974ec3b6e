// The Export panel asks before exporting a run a careful user would not ship without a second
// look (issue 12, point 8), and the registry shows what to choose a version by: under the
// offscreen platform, on a project with a real trained, exported and evaluated run and a
// cancelled run holding the same model. A cancelled, never evaluated run asks; Cancel exports
// nothing, Export Anyway does; an evaluated completed run exports without a question; each
// version shows its run's status and scores; the panel's message goes with the selected run.
#include "common/ExportedModels.h"
#include "common/ProjectSession.h"
#include "common/TaskRunner.h"
#include "export/ExportPanel.h"
#include "export/RegistryView.h"

#include "flightdeck/store/ModelRegistry.h"
#include "flightdeck/store/RunRepository.h"

#include <QAbstractButton>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace flightdeck::ui;
namespace store = flightdeck::store;

class TestGuiExportWarnings : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void registryShowsStatusAndScores();
    void cancelledRunAsksFirst();
    void evaluatedRunExportsWithoutAQuestion();
    void messageGoesWithTheSelectedRun();
    void cleanupTestCase();

private:
    QMessageBox* warning() const { return panel_->findChild<QMessageBox*>(QStringLiteral("exportWarning")); }
    std::size_t registered() { return store::ModelRegistry(session_->project()).models().size(); }
    // Exports the current run; waits for the new registry version and returns its id.
    qint64 waitForExport(std::size_t before);

    QTemporaryDir dir_;
    std::unique_ptr<ProjectSession> session_;
    std::unique_ptr<TaskRunner> runner_;
    std::unique_ptr<ExportPanel> panel_;
    qint64 trainedRun_ = 0, cancelledRun_ = 0, firstVersion_ = 0;
};

void TestGuiExportWarnings::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(dir_.isValid());
    const QString folder = dir_.filePath(QStringLiteral("project"));
    {
        auto project = store::Project::create(folder.toStdString());
        flightdeck::testing::exportVersions(project, "blobs", 1);
        store::RunRepository runs(project);
        const auto trained = runs.runs().front();
        trainedRun_ = trained.id;
        firstVersion_ = store::ModelRegistry(project).models().front().id;
        store::EvaluationRecord evaluation;
        evaluation.runId = trainedRun_;
        evaluation.split = "test";
        evaluation.accuracy = 0.9312;
        evaluation.reportJson = R"({"accuracy":0.9312})";
        runs.addEvaluation(evaluation);
        // Cancelled after its first epoch: the same model, no evaluation.
        store::RunRecord cancelled = trained;
        cancelled.name = "stopped";
        cancelled.status = store::RunStatus::Running;
        cancelledRun_ = runs.createRun(cancelled);
        for (auto artifact : runs.artifacts(trainedRun_)) {
            artifact.runId = cancelledRun_;
            runs.addArtifact(artifact);
        }
        runs.setParams(cancelledRun_, runs.params(trainedRun_));
        runs.finishRun(cancelledRun_, store::RunStatus::Cancelled);
    }
    session_ = std::make_unique<ProjectSession>();
    runner_ = std::make_unique<TaskRunner>(session_.get());
    panel_ = std::make_unique<ExportPanel>(session_.get(), runner_.get());
    panel_->resize(1366, 768);
    panel_->show();
    QVERIFY(QTest::qWaitForWindowExposed(panel_.get()));
    QString error;
    QVERIFY2(session_->openProject(folder, false, &error), qPrintable(error));
    QTRY_COMPARE(panel_->findChild<QTableWidget*>(QStringLiteral("registryTable"))->rowCount(), 1);
}

qint64 TestGuiExportWarnings::waitForExport(std::size_t before)
{
    [&] { QTRY_VERIFY_WITH_TIMEOUT(!panel_->isExporting(), 60000); }();
    if (registered() != before + 1)
        return 0;
    return store::ModelRegistry(session_->project()).models().front().id;
}

void TestGuiExportWarnings::registryShowsStatusAndScores()
{
    RegistryView* registry = panel_->registryView();
    QCOMPARE(registry->statusText(firstVersion_), QStringLiteral("completed"));
    QTRY_VERIFY(!registry->isReadingScores());
    const QString score = registry->scoreText(firstVersion_);
    QVERIFY2(score.startsWith(QStringLiteral("test accuracy 93.1 %, val accuracy ")), qPrintable(score));
    QVERIFY2(score.endsWith(QLatin1Char('%')), qPrintable(score));
}

void TestGuiExportWarnings::cancelledRunAsksFirst()
{
    session_->setCurrentRun(cancelledRun_);
    const std::size_t before = registered();
    panel_->exportCurrentRun();
    QMessageBox* box = warning();
    QVERIFY(box && box->isVisible());
    QVERIFY2(box->text().contains(QStringLiteral("Run #%1 was cancelled").arg(cancelledRun_)), qPrintable(box->text()));
    QVERIFY2(box->text().contains(QStringLiteral("never evaluated")), qPrintable(box->text()));
    QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
    box->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(!warning());
    QVERIFY(!panel_->isExporting());
    QCOMPARE(registered(), before);

    // The user knows it stopped at a good epoch: Export Anyway.
    panel_->exportCurrentRun();
    QVERIFY(warning());
    warning()->findChild<QAbstractButton*>(QStringLiteral("exportAnywayButton"))->click();
    const qint64 id = waitForExport(before);
    QVERIFY2(id > 0, qPrintable(panel_->messageText()));
    QVERIFY2(panel_->messageText().startsWith(QStringLiteral("Exported version 1 of “model”")), qPrintable(panel_->messageText()));
    RegistryView* registry = panel_->registryView();
    QTRY_COMPARE(registry->statusText(id), QStringLiteral("cancelled"));
    QTRY_VERIFY(!registry->isReadingScores());
    QCOMPARE(registry->scoreText(id), QStringLiteral("not evaluated"));   // and no val points of its own
}

void TestGuiExportWarnings::evaluatedRunExportsWithoutAQuestion()
{
    QCOMPARE(ExportPanel::exportWarning(trainedRun_, store::RunStatus::Completed, true), QString());
    session_->setCurrentRun(trainedRun_);
    const std::size_t before = registered();
    panel_->exportCurrentRun();
    QVERIFY(!warning());
    QVERIFY(waitForExport(before) > 0);
    QTRY_VERIFY(!runner_->isBusy());
}

void TestGuiExportWarnings::messageGoesWithTheSelectedRun()
{
    QVERIFY2(panel_->messageText().startsWith(QStringLiteral("Exported version 2 of “model”")), qPrintable(panel_->messageText()));
    session_->setCurrentRun(cancelledRun_);
    QCOMPARE(panel_->messageText(), QString());
}

void TestGuiExportWarnings::cleanupTestCase()
{
    if (runner_)
        runner_->waitForIdle();
    panel_.reset();
    runner_.reset();
    session_.reset();
}

QTEST_MAIN(TestGuiExportWarnings)
#include "test_gui_export_warnings.moc"
