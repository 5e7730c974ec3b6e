// The loop in the workbench, through the Monitoring panel's own API and buttons: a deployed
// model, a production log whose x shifts after 30 minutes, the shifted range brushed and sent
// to labeling (a fresh version, labels from the ground-truth file), Retrain (old vs new shown),
// Promote (the production alias moves). Real project, real training, offscreen widgets.
#include "common/ShiftedBlobs.h"
#include "common/ProjectSession.h"
#include "common/TaskRunner.h"
#include "monitoring/LoopActions.h"
#include "monitoring/MonitoringPanel.h"
#include "monitoring/TimeBrush.h"

#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/export/BundleExporter.h"
#include "flightdeck/model/ArchitectureSpec.h"
#include "flightdeck/monitor/LogSimulator.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunRepository.h"
#include "flightdeck/train/Trainer.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <random>

using namespace flightdeck;
using namespace flightdeck::ui;

namespace {

constexpr double kStart = 1795392000, kShiftAt = 1800;

}  // namespace

class TestGuiLoop : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

private Q_SLOTS:
    void roundTheLoopInThePanel()
    {
        const QString folder = dir_.filePath("p");
        store::Id firstRun = 0, firstModel = 0;
        {
            auto project = store::Project::create(folder.toStdString());
            data::DatasetCatalog catalog(project);
            const data::Table table = testing::threeBlobs(600);
            const auto version = catalog.addVersion("blobs", table, "blobs.csv");
            const auto split = catalog.createSplit(version.id, {0.6, 0.2, 0.2}, 3);
            const auto spec = model::defaultMlp();
            const auto arch = store::ArchitectureRepository(project).save(spec.name, spec.toJson(), spec.hash());
            train::TrainConfig config;
            config.epochs = 8;
            config.learningRate = 5e-3;
            config.threads = 2;
            firstRun = train::Trainer(project).run(version.id, split.id, arch, config).runId;
            const auto bundle = exporting::BundleExporter(project).exportRun(firstRun, "blobs");
            firstModel = bundle.registeredModelId;
            store::ModelRegistry(project).setAlias(firstModel, "production");

            const monitor::SimulationSource source = testing::simulationSource(table);
            monitor::SimulationOptions sim;
            sim.start = kStart;
            sim.rate = 1;
            sim.covariate.push_back({"x", 3.0, 1.0, kShiftAt});
            std::ofstream out(dir_.filePath("prod.jsonl").toStdString());
            std::ofstream truth(dir_.filePath("truth.jsonl").toStdString());
            monitor::simulateLog(source, sim, out, &truth);
        }

        ProjectSession session;
        TaskRunner runner(&session);
        QString error;
        QVERIFY2(session.openProject(folder, false, &error), qPrintable(error));
        MonitoringPanel panel(&session, &runner);
        panel.resize(1366, 768);
        panel.show();
        LoopActions* loop = panel.loopActions();
        auto* send = loop->findChild<QPushButton*>("sendToLabelingButton");
        auto* retrain = loop->findChild<QPushButton*>("retrainButton");
        auto* promote = loop->findChild<QPushButton*>("promoteButton");
        QVERIFY(send && retrain && promote);
        QVERIFY(!send->isEnabled() && !retrain->isEnabled() && !promote->isEnabled());

        // Action 1-3: open the log, choose the ground truth, brush the shifted half.
        panel.openLog(dir_.filePath("prod.jsonl"));
        panel.setGroundTruth(dir_.filePath("truth.jsonl"));
        panel.brush()->setRange(kStart + kShiftAt, kStart + 3600);
        QVERIFY(send->isEnabled());

        // Action 4: Send to labeling.
        QSignalSpy fresh(loop, &LoopActions::freshVersionReady);
        QTest::mouseClick(send, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(fresh.count(), 1, 60000);
        const qint64 freshVersion = fresh.at(0).at(0).toLongLong();
        QCOMPARE(loop->freshVersion(), freshVersion);
        QVERIFY2(loop->statusText().contains("labeled"), qPrintable(loop->statusText()));
        {
            auto project = store::Project::open(folder.toStdString());
            const data::Table t = data::DatasetCatalog(project).load(freshVersion);
            QVERIFY(t.rows() > 1500 && t.rows() < 2000);   // the brushed half hour only
        }

        // Action 5: Retrain (real training on the worker).
        QTRY_VERIFY_WITH_TIMEOUT(retrain->isEnabled(), 10000);
        QSignalSpy retrained(loop, &LoopActions::retrained);
        QTest::mouseClick(retrain, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(retrained.count(), 1, 120000);
        QVERIFY2(loop->statusText().contains(QStringLiteral("→")), qPrintable(loop->statusText()));
        const qint64 newRun = loop->retrainedRun();
        QVERIFY(newRun > firstRun);

        // FLIGHTDECK_SCREENSHOT_DIR: the panel as the user sees it after the retrain (docs/screenshots).
        const QString shots = qEnvironmentVariable("FLIGHTDECK_SCREENSHOT_DIR");
        if (!shots.isEmpty()) {
            QTRY_VERIFY_WITH_TIMEOUT(panel.snapshot() && !panel.isLoading(), 60000);
            QTest::qWait(500);
            QVERIFY(panel.grab().save(shots + "/loop-retrained.png"));
        }

        // Action 6: Promote.
        QTRY_VERIFY_WITH_TIMEOUT(promote->isEnabled(), 10000);
        QSignalSpy promoted(loop, &LoopActions::promoted);
        QTest::mouseClick(promote, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(promoted.count(), 1, 60000);
        runner.waitForIdle();
        auto project = store::Project::open(folder.toStdString());
        for (const auto& m : store::ModelRegistry(project).models()) {
            QCOMPARE(m.alias == "production", m.runId == newRun);
            if (m.runId == newRun)
                QCOMPARE(m.version, 2);
        }
        // The history says who moved it and why (the comparison shown).
        const auto history = store::ModelRegistry(project).history("blobs", "production");
        QVERIFY(!history.empty());
        QVERIFY2(history.front().reason.find("retrained from run") != std::string::npos, history.front().reason.c_str());
        const auto params = store::RunRepository(project).params(newRun);
        QCOMPARE(params.at("retrained_from"), std::to_string(firstRun));
    }
};

QTEST_MAIN(TestGuiLoop)
#include "test_gui_loop.moc"
