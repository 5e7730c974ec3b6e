// Sweep… in the Training panel, driven through its widgets on a real project: a bad axis is
// named before Start, a grid of 4 tiny runs trains on the dialog's worker thread (the GUI
// thread keeps turning), each finished run is listed with its score and the best in bold; the
// Experiments table gets a Sweep column with that run starred and bold; Cancel stops a sweep
// mid-run. FLIGHTDECK_SWEEP_SCREENSHOT=<file> saves the Experiments panel at 1366x768,
// FLIGHTDECK_SWEEP_DIALOG_SCREENSHOT_DE=<file> the finished dialog in German.
#include "common/ProjectSession.h"
#include "common/Translations.h"
#include "common/TrainingController.h"
#include "experiments/ExperimentsPanel.h"
#include "experiments/RunTableModel.h"
#include "experiments/RunsTable.h"
#include "training/SweepDialog.h"
#include "training/TrainingPanel.h"

#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/data/Table.h"
#include "flightdeck/model/ArchitectureSpec.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunRepository.h"
#include "flightdeck/store/SweepRepository.h"

#include <QCheckBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeWidget>
#include <QtTest>

#include <random>

using namespace flightdeck;
using namespace flightdeck::ui;

namespace {

data::Table blobs(int rows)
{
    data::Table t;
    t.featureNames = {"a", "b"};
    t.labelName = "side";
    t.classes = {"left", "right"};
    std::mt19937 rng(5);
    std::normal_distribution<float> noise(0.0f, 1.2f);
    for (int i = 0; i < rows; ++i) {
        const int c = i % 2;
        t.features.push_back((c ? 1.0f : -1.0f) + noise(rng));
        t.features.push_back((c ? -0.5f : 0.5f) + noise(rng));
        t.labels.push_back(c);
    }
    return t;
}

template <typename T>
T* child(QWidget* parent, const char* name)
{
    T* w = parent->findChild<T*>(QString::fromLatin1(name));
    if (!w)
        qWarning("no %s", name);
    return w;
}

}  // namespace

class TestGuiSweep : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    ProjectSession* session_ = nullptr;
    TrainingController* controller_ = nullptr;

    SweepDialog* openDialog(TrainingPanel& panel)
    {
        QPushButton* button = child<QPushButton>(&panel, "sweepButton");
        if (!button || !button->isEnabled())
            return nullptr;
        button->click();
        return panel.findChild<SweepDialog*>(QStringLiteral("sweepDialog"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        session_ = new ProjectSession(this);
        QString error;
        QVERIFY2(session_->openProject(dir_.path(), true, &error), qPrintable(error));
        data::DatasetCatalog catalog(session_->project());
        const auto version = catalog.addVersion("blobs", blobs(1200), "test_gui_sweep");
        const auto split = catalog.createSplit(version.id, {0.6, 0.3, 0.1}, 3);
        const auto spec = model::ArchitectureSpec::fromJson(
            R"({"name":"tiny","layers":[{"type":"linear","units":8},{"type":"relu"}]})");
        const auto arch = store::ArchitectureRepository(session_->project()).save(spec.name, spec.toJson(), spec.hash());
        session_->setCurrentVersion(version.id);
        session_->setCurrentSplit(split.id);
        session_->setCurrentArchitecture(arch);
        controller_ = new TrainingController(session_, this);
    }

    void sweepRunsFromTheDialogAndTheBestStandsOut()
    {
        TrainingPanel panel(session_, controller_);
        ExperimentsPanel experiments(session_);
        experiments.resize(1366, 768);
        experiments.show();
        SweepDialog* dialog = openDialog(panel);
        QVERIFY(dialog);
        QVERIFY(!dialog->isModal());   // the workbench stays usable
        auto* rates = child<QLineEdit>(dialog, "sweepLearningRateEdit");
        auto* batches = child<QLineEdit>(dialog, "sweepBatchSizeEdit");
        auto* epochs = child<QLineEdit>(dialog, "sweepEpochsEdit");
        auto* summary = child<QLabel>(dialog, "sweepSummaryLabel");
        auto* start = child<QPushButton>(dialog, "sweepStartButton");
        QVERIFY(rates && batches && epochs && summary && start);

        // A bad axis is named before anything runs.
        QTest::keyClicks(batches, QStringLiteral("0, 32"));
        QVERIFY2(summary->text().contains(QStringLiteral("batch_size")), qPrintable(summary->text()));
        QVERIFY(!start->isEnabled());
        batches->clear();

        rates->setText(QStringLiteral("1e-4, 3e-2"));
        child<QCheckBox>(dialog, "sweepAdamCheck")->setChecked(true);
        child<QCheckBox>(dialog, "sweepSgdCheck")->setChecked(true);
        epochs->setText(QStringLiteral("2"));
        child<QLineEdit>(dialog, "sweepNameEdit")->setText(QStringLiteral("lr-opt"));
        QVERIFY2(summary->text().startsWith(QStringLiteral("4 run")), qPrintable(summary->text()));
        QVERIFY(start->isEnabled());

        // The GUI thread keeps turning while the runs train: a 10 ms timer's worst gap.
        QElapsedTimer sinceTick;
        qint64 worstGap = 0;
        QTimer ticker;
        ticker.setInterval(10);
        connect(&ticker, &QTimer::timeout, [&] {
            worstGap = std::max(worstGap, sinceTick.restart());
        });
        start->click();
        QVERIFY(dialog->controller()->isRunning());
        panel.startTraining();   // one trainer at a time
        QVERIFY(!controller_->isRunning());
        QCOMPARE(child<QLabel>(&panel, "trainingStatusLabel")->text(), QStringLiteral("A run is already in progress."));
        sinceTick.start();
        ticker.start();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->controller()->isRunning(), 180000);
        ticker.stop();
        QVERIFY2(worstGap < 500, qPrintable(QStringLiteral("worst gap %1 ms").arg(worstGap)));

        auto* tree = child<QTreeWidget>(dialog, "sweepResultsTree");
        QCOMPARE(tree->topLevelItemCount(), 4);
        QVERIFY(dialog->bestRow() >= 0);
        QTreeWidgetItem* bestItem = tree->topLevelItem(dialog->bestRow());
        QVERIFY(bestItem->font(0).bold());
        QVERIFY(bestItem->text(0).startsWith(QStringLiteral("★")));
        QCOMPARE(child<QProgressBar>(dialog, "sweepProgressBar")->value(),
                 child<QProgressBar>(dialog, "sweepProgressBar")->maximum());

        // The store agrees: 4 runs of one sweep, the best the one the dialog made bold.
        store::SweepRepository sweeps(session_->project());
        const auto all = sweeps.sweeps();
        QCOMPARE(all.size(), std::size_t(1));
        QCOMPARE(all[0].name, std::string("lr-opt"));
        QCOMPARE(all[0].status, store::RunStatus::Completed);
        const auto best = sweeps.best(all[0].id);
        QVERIFY(best.has_value());
        QCOMPARE(bestItem->text(1), QStringLiteral("#%1").arg(best->runId));
        QCOMPARE(session_->currentRunId(), best->runId);

        // Experiments: a Sweep column, the best run starred and bold, the others not.
        RunsTable* table = experiments.table();
        QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 4, 10000);
        QTRY_VERIFY(!experiments.isBusy());
        RunTableModel* model = table->runModel();
        const int sweepColumn = model->columnOf({RunColumnKind::Sweep, {}});
        QVERIFY(sweepColumn >= 0);
        for (const auto& t : sweeps.trials(all[0].id)) {
            const int row = model->sourceRowOf(t.runId);
            QVERIFY(row >= 0);
            const QModelIndex index = model->index(row, sweepColumn);
            const bool isBest = t.runId == best->runId;
            QCOMPARE(model->rowOf(t.runId)->sweepBest, isBest);
            QCOMPARE(index.data(Qt::FontRole).value<QFont>().bold(), isBest);
            QCOMPARE(index.data().toString().contains(QStringLiteral("★")), isBest);
            QCOMPARE(index.data().toString(), isBest ? QStringLiteral("lr-opt ★") : QStringLiteral("lr-opt"));
            QVERIFY(index.data(Qt::ToolTipRole).toString().startsWith(QStringLiteral("Trial %1 of lr-opt").arg(t.trial + 1)));
        }
        // The filter finds a sweep's runs by name.
        QVERIFY(experiments.setFilter(QStringLiteral("^sweep=lr-opt$")));
        QCOMPARE(table->rowCount(), 4);
        QVERIFY(experiments.setFilter(QString()));

        if (const QString file = qEnvironmentVariable("FLIGHTDECK_SWEEP_SCREENSHOT"); !file.isEmpty()) {
            QList<qint64> ids;
            for (const auto& t : sweeps.trials(all[0].id))
                ids.append(t.runId);
            experiments.selectRuns(ids);
            QTRY_VERIFY(!experiments.isBusy());
            QTest::qWait(300);
            QVERIFY(experiments.grab().save(file));
        }
        // A language switch re-renders what the dialog already said: its status line and the
        // runs' status column.
        {
            auto* status = child<QLabel>(dialog, "sweepStatusLabel");
            QVERIFY2(status->text().contains(QStringLiteral("the best is run")), qPrintable(status->text()));
            Translations::apply(QStringLiteral("de"));
            QCoreApplication::processEvents();
            QVERIFY2(status->text().contains(QStringLiteral("Der beste ist Lauf")) &&
                         status->text().contains(QStringLiteral("abgeschlossen")),
                     qPrintable(status->text()));
            QCOMPARE(tree->topLevelItem(0)->text(4), QStringLiteral("abgeschlossen"));
            Translations::apply(QStringLiteral("en"));
            QCoreApplication::processEvents();
            QVERIFY2(status->text().contains(QStringLiteral("the best is run")), qPrintable(status->text()));
        }
        // The finished dialog in German (its strings are retranslated live).
        if (const QString file = qEnvironmentVariable("FLIGHTDECK_SWEEP_DIALOG_SCREENSHOT_DE"); !file.isEmpty()) {
            Translations::apply(QStringLiteral("de"));
            QCoreApplication::processEvents();   // the LanguageChange events
            QCOMPARE(child<QPushButton>(dialog, "sweepStartButton")->text(), QStringLiteral("Sweep starten"));
            dialog->resize(900, 640);
            QVERIFY(dialog->grab().save(file));
            Translations::apply(QStringLiteral("en"));
            QCoreApplication::processEvents();
        }
        dialog->close();
    }

    void cancelStopsTheSweepMidRun()
    {
        TrainingPanel panel(session_, controller_);
        SweepDialog* dialog = openDialog(panel);
        QVERIFY(dialog);
        child<QLineEdit>(dialog, "sweepLearningRateEdit")->setText(QStringLiteral("1e-3, 2e-3, 3e-3"));
        child<QLineEdit>(dialog, "sweepEpochsEdit")->setText(QStringLiteral("500"));
        child<QLineEdit>(dialog, "sweepBatchSizeEdit")->setText(QStringLiteral("8"));
        child<QPushButton>(dialog, "sweepStartButton")->click();
        auto* bar = child<QProgressBar>(dialog, "sweepProgressBar");
        QTRY_VERIFY_WITH_TIMEOUT(bar->value() > 0, 60000);   // the first run is training
        auto* cancel = child<QPushButton>(dialog, "sweepCancelButton");
        QVERIFY(cancel->isEnabled());
        cancel->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->controller()->isRunning(), 60000);
        auto* tree = child<QTreeWidget>(dialog, "sweepResultsTree");
        QCOMPARE(tree->topLevelItemCount(), 1);
        QCOMPARE(tree->topLevelItem(0)->text(4), QStringLiteral("cancelled"));
        store::SweepRepository sweeps(session_->project());
        const auto latest = sweeps.sweeps().front();
        QCOMPARE(latest.status, store::RunStatus::Cancelled);
        QCOMPARE(sweeps.trials(latest.id).size(), std::size_t(1));
        QCOMPARE(store::RunRepository(session_->project()).run(sweeps.trials(latest.id)[0].runId).status,
                 store::RunStatus::Cancelled);
        QVERIFY(!sweeps.best(latest.id));
        dialog->close();
    }
};

QTEST_MAIN(TestGuiSweep)
#include "test_gui_sweep.moc"
